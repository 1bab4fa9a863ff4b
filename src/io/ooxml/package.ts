import type { Budget } from '../limits';
import { attrLocal, parseXmlEntry } from '../xml';
import type { ZipArchive, ZipEntry } from '../zip';

/** The Open Packaging Conventions layer: relationships, content types and part names. */

export interface Relationship {
  id: string;
  /** The last segment of the relationship type URI ("worksheet", "officeDocument"), the same in transitional and strict OOXML. */
  type: string;
  /** The target part's path inside the package, resolved against the source part. */
  target: string;
  /** The target as written. */
  rawTarget: string;
  external: boolean;
}

export interface ContentTypes {
  /** Lower-case extension → content type. */
  defaults: Map<string, string>;
  /** Lower-case part path (no leading "/") → content type. */
  overrides: Map<string, string>;
}

/** Resolves a relationship target against the part that holds the relationship ("" for the package root). */
export function resolvePart(sourcePart: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash);
  try {
    t = decodeURIComponent(t);
  } catch {
    // A stray "%" is kept as written.
  }
  const segments = t.startsWith('/') ? [] : sourcePart.replace(/\\/g, '/').split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  return segments.join('/');
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPathFor(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function dirOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? '' : part.slice(0, slash + 1);
}

function typeSegment(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return slash < 0 ? uri : uri.slice(slash + 1);
}

/** The relationships of a part; [] when it has none (or the .rels part is missing). */
export function readRelationships(zip: ZipArchive, budget: Budget, sourcePart: string): Relationship[] {
  const entry = zip.find(relsPathFor(sourcePart));
  if (!entry) return [];
  const rels: Relationship[] = [];
  parseXmlEntry(zip, entry, budget, {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const target = attrLocal(attrs, 'Target');
      if (target === undefined) return;
      const external = (attrLocal(attrs, 'TargetMode') ?? '').toLowerCase() === 'external';
      rels.push({
        id: attrLocal(attrs, 'Id') ?? '',
        type: typeSegment(attrLocal(attrs, 'Type') ?? ''),
        target: external ? target : resolvePart(sourcePart, target),
        rawTarget: target,
        external,
      });
    },
    close() {},
    text() {},
  });
  return rels;
}

export function readContentTypes(zip: ZipArchive, budget: Budget): ContentTypes {
  const types: ContentTypes = { defaults: new Map(), overrides: new Map() };
  const entry = zip.find('[Content_Types].xml');
  if (!entry) return types;
  parseXmlEntry(zip, entry, budget, {
    open(name, attrs) {
      const ct = attrLocal(attrs, 'ContentType');
      if (!ct) return;
      if (name === 'Default') {
        const ext = attrLocal(attrs, 'Extension');
        if (ext) types.defaults.set(ext.toLowerCase(), ct);
      } else if (name === 'Override') {
        const part = attrLocal(attrs, 'PartName');
        if (part) types.overrides.set(resolvePart('', part).toLowerCase(), ct);
      }
    },
    close() {},
    text() {},
  });
  return types;
}

export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const key = part.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
  const override = types.overrides.get(key);
  if (override) return override;
  const dot = key.lastIndexOf('.');
  return dot < 0 ? undefined : types.defaults.get(key.slice(dot + 1));
}

/** Finds a relationship's target part; some writers make targets relative to the root instead of the source. */
export function findPart(zip: ZipArchive, rel: Relationship): ZipEntry | undefined {
  if (rel.external) return undefined;
  return zip.find(rel.target) ?? zip.find(resolvePart('', rel.rawTarget));
}
