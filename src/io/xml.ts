import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ReadError, readErrors } from './errors';
import type { Budget } from './limits';
import type { ZipArchive, ZipEntry } from './zip';

/**
 * Streaming XML over a zip entry. Elements are matched by local name (writers
 * use any prefix: `x:row`, `ns0:Relationship`). A DOCTYPE is refused outright:
 * Excel never writes one, and it is how entity-expansion and external-entity
 * attacks start.
 */
export interface XmlSink {
  /** An element opens; `name` is its local name. Self-closing elements get `close` right after. */
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  /** Text and CDATA, possibly split over several calls. */
  text(text: string): void;
}

export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** An attribute by local name, whatever its prefix (`r:id`, `ns1:id`). Exact names are tried first. */
export function attrLocal(attrs: Record<string, string>, local: string): string | undefined {
  const direct = attrs[local];
  if (direct !== undefined) return direct;
  const suffix = `:${local}`;
  for (const key in attrs) if (key.endsWith(suffix)) return attrs[key];
  return undefined;
}

/** A prefixed attribute (the relationship id `r:id`), never the unprefixed one of the same local name. */
export function prefixedAttr(attrs: Record<string, string>, local: string): string | undefined {
  const suffix = `:${local}`;
  for (const key in attrs) if (key.endsWith(suffix)) return attrs[key];
  return undefined;
}

/** Decodes the `_xHHHH_` escapes OOXML uses for characters XML cannot hold (`_x000D_`); `_x005F_` escapes "_". */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function decoderFor(first: Uint8Array): TextDecoder {
  const [a, b, c, d] = [first[0], first[1], first[2], first[3]];
  if ((a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c && c === 0x00 && d === 0x3f)) return new TextDecoder('utf-16be');
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00 && c === 0x3f && d === 0x00)) return new TextDecoder('utf-16le');
  return new TextDecoder('utf-8');
}

/** Parses one XML part of the zip, streaming it through the sink. */
export function parseXmlEntry(zip: ZipArchive, entry: ZipEntry, budget: Budget, sink: XmlSink): void {
  const part = entry.name;
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('doctype', () => {
    throw readErrors.unsafeXml(part);
  });
  parser.on('error', () => {
    throw readErrors.damaged(`${part} is not valid XML`);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    budget.tick();
    const name = tag.name;
    const i = name.indexOf(':');
    const local = i < 0 ? name : name.slice(i + 1);
    sink.open(local, tag.attributes);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    const name = tag.name;
    const i = name.indexOf(':');
    sink.close(i < 0 ? name : name.slice(i + 1));
  });
  parser.on('text', (t) => sink.text(t));
  parser.on('cdata', (t) => sink.text(t));

  let decoder: TextDecoder | undefined;
  try {
    zip.stream(entry, budget, (chunk) => {
      decoder ??= decoderFor(chunk);
      const s = decoder.decode(chunk, { stream: true });
      if (s) parser.write(s);
    });
    if (decoder) {
      const rest = decoder.decode();
      if (rest) parser.write(rest);
    }
    parser.close();
  } catch (e) {
    if (e instanceof ReadError) throw e;
    // saxes reports some faults by throwing from write(); anything else is a fault in the part too.
    const err = readErrors.damaged(`${part} is not valid XML`);
    err.cause = e;
    throw err;
  }
}
