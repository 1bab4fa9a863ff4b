/**
 * The add-in manifest, checked offline: the XML schema (xmllint and Microsoft's
 * XSDs in ../shared/schemas/office-manifest), Microsoft's own manifest reader,
 * and what the schema does not check: ids, resids, URLs that the build
 * actually serves, icons of the right size. `npm run validate` (Microsoft's
 * online validator) is deliberately not used here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { SaxesParser } from 'saxes';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const SCHEMAS = path.resolve(ROOT, '..', 'shared', 'schemas', 'office-manifest');
const XSD = path.join(SCHEMAS, 'OfficeAppManifestV1_1.xsd');
const ORIGIN = 'https://localhost:3000';
/** XMLLINT=/path/to/xmllint picks another binary (or, pointing nowhere, shows the skip). */
const XMLLINT = process.env.XMLLINT ?? 'xmllint';

interface Node {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
  text: string;
}

function parse(xml: string): Node {
  const parser = new SaxesParser({ xmlns: false });
  const root: Node = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: Node[] = [root];
  parser.on('opentag', (tag) => {
    const node: Node = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  });
  parser.on('text', (text) => (stack[stack.length - 1]!.text += text));
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}

function all(node: Node, predicate: (n: Node) => boolean, out: Node[] = []): Node[] {
  if (predicate(node)) out.push(node);
  for (const child of node.children) all(child, predicate, out);
  return out;
}

const child = (node: Node, name: string): Node | undefined => node.children.find((c) => c.name === name);

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Which page a manifest URL points at, in dist/taskpane as the webpack config writes it. */
async function servedPaths(): Promise<Set<string>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS
  const configure = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<{ plugins: { userOptions?: { filename?: string } }[] }>;
  const config = await configure({}, { mode: 'production' });
  const pages = config.plugins.map((p) => p.userOptions?.filename).filter((f): f is string => typeof f === 'string');
  return new Set(pages);
}

const manifestText = readFileSync(MANIFEST, 'utf8');
const manifest = parse(manifestText);

const xmllint = spawnSync(XMLLINT, ['--version']).status === 0;
const schemas = existsSync(XSD);
const skipReason = !xmllint ? 'xmllint is not installed (apt-get install libxml2-utils)' : !schemas ? `the schemas are not at ${SCHEMAS}` : '';
if (skipReason) {
  // Visible in the test output: the schema check did not run.
  console.warn(`manifest.test.ts: SKIPPING the XSD validation: ${skipReason}`);
}

describe('manifest.xml', () => {
  (skipReason ? it.skip : it)(`validates against Microsoft's XSDs with xmllint, offline${skipReason ? ` (SKIPPED: ${skipReason})` : ''}`, () => {
    const result = spawnSync(XMLLINT, ['--noout', '--nonet', '--schema', XSD, MANIFEST], { encoding: 'utf8' });
    expect(result.stderr.trim()).toBe(`${MANIFEST} validates`);
    expect(result.status).toBe(0);
  });

  (skipReason ? it.skip : it)(`and the XSD check is not vacuous: a broken copy fails${skipReason ? ` (SKIPPED: ${skipReason})` : ''}`, () => {
    const broken = path.join(mkdtempSync(path.join(tmpdir(), 'manifest-')), 'manifest.xml');
    writeFileSync(broken, manifestText.replace(/<Version>[^<]*<\/Version>\s*/, '').replace('<DefaultLocale>', '<Version>1.0</Version><DefaultLocale>'));
    const result = spawnSync(XMLLINT, ['--noout', '--nonet', '--schema', XSD, broken], { encoding: 'utf8' });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('fails to validate');
  });

  it('is read by Microsoft’s own manifest reader (office-addin-manifest, offline)', async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
  });

  it('is an Excel task pane add-in with a fixed GUID and a four-part version', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attributes['xsi:type']).toBe('TaskPaneApp');
    expect(child(manifest, 'Id')!.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(child(manifest, 'Version')!.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all(child(manifest, 'Hosts')!, (n) => n.name === 'Host').map((h) => h.attributes.Name)).toEqual(['Workbook']);
  });

  it('requires ExcelApi 1.7 (worksheet.onChanged) and nothing newer: newer sets are detected at run time', () => {
    const sets = all(child(manifest, 'Requirements')!, (n) => n.name === 'Set');
    expect(sets.map((s) => [s.attributes.Name, s.attributes.MinVersion])).toEqual([['ExcelApi', '1.7']]);
  });

  it('opens taskpane.html from a Home-tab button', () => {
    expect(child(child(manifest, 'DefaultSettings')!, 'SourceLocation')!.attributes.DefaultValue).toBe(`${ORIGIN}/taskpane.html`);
    const tab = all(manifest, (n) => n.name === 'OfficeTab')[0]!;
    expect(tab.attributes.id).toBe('TabHome');
    const action = all(tab, (n) => n.name === 'Action')[0]!;
    expect(action.attributes['xsi:type']).toBe('ShowTaskpane');
    const resid = child(action, 'SourceLocation')!.attributes.resid!;
    const url = all(manifest, (n) => n.name === 'bt:Url' && n.attributes.id === resid)[0]!;
    expect(url.attributes.DefaultValue).toBe(`${ORIGIN}/taskpane.html`);
  });

  it('sends a partner who needs help to the partners’ site (how to use the check, whom to ask), not back into the task pane', () => {
    expect(child(manifest, 'SupportUrl')!.attributes.DefaultValue).toBe(`${ORIGIN}/`);
    const learnMore = all(manifest, (n) => n.name === 'bt:Url' && n.attributes.id === 'GetStarted.LearnMoreUrl')[0]!;
    expect(learnMore.attributes.DefaultValue).toBe(`${ORIGIN}/`);
  });

  it('has unique ids, and every resid names a resource of the right kind', () => {
    const resources = child(child(manifest, 'VersionOverrides')!, 'Resources')!;
    const kinds = new Map<string, string>();
    for (const group of resources.children) {
      for (const item of group.children) {
        expect(kinds.has(item.attributes.id!)).toBe(false);
        kinds.set(item.attributes.id!, group.name);
      }
    }
    const controlIds = all(manifest, (n) => n.name !== 'bt:Image' && n.name !== 'bt:Url' && n.name !== 'bt:String' && n.attributes.id !== undefined).map((n) => n.attributes.id);
    expect(new Set(controlIds).size).toBe(controlIds.length);

    const expected: Record<string, string> = {
      'bt:Image': 'bt:Images',
      SourceLocation: 'bt:Urls',
      FunctionFile: 'bt:Urls',
      LearnMoreUrl: 'bt:Urls',
      Label: 'bt:ShortStrings',
      Title: 'bt:ShortStrings',
      Description: 'bt:LongStrings',
    };
    const refs = all(manifest, (n) => n.attributes.resid !== undefined);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect({ resid: ref.attributes.resid, kind: kinds.get(ref.attributes.resid!) }).toEqual({ resid: ref.attributes.resid, kind: expected[ref.name] });
    }
    for (const s of all(resources, (n) => n.name === 'bt:String')) {
      const limit = kinds.get(s.attributes.id!) === 'bt:ShortStrings' ? 125 : 250;
      expect(s.attributes.DefaultValue!.length).toBeLessThanOrEqual(limit);
    }
  });

  it('points every URL at a file the build serves: pages from webpack, icons from assets/ at the right size', async () => {
    const pages = await servedPaths();
    const urls = all(manifest, (n) => n.attributes.DefaultValue?.startsWith('http') === true).map((n) => ({ node: n, url: n.attributes.DefaultValue! }));
    urls.push(...all(manifest, (n) => n.name === 'AppDomain').map((n) => ({ node: n, url: n.text.trim() })));
    expect(urls.length).toBeGreaterThan(8);
    for (const { node, url } of urls) {
      expect(url.startsWith(`${ORIGIN}/`) || url === ORIGIN).toBe(true);
      const rel = url.slice(ORIGIN.length + 1);
      if (rel === '') continue;
      if (rel.startsWith('assets/')) {
        const file = path.join(ROOT, rel);
        expect(existsSync(file)).toBe(true);
        const declared = Number(node.attributes.size ?? /icon-(\d+)\.png$/.exec(rel)?.[1]);
        const size = /icon-(\d+)\.png$/.exec(rel)?.[1];
        expect(pngSize(file)).toEqual({ width: Number(size), height: Number(size) });
        if (node.name === 'bt:Image') {
          // The size attribute of each reference matches the image it names.
          const refs = all(manifest, (n) => n.name === 'bt:Image' && n.attributes.resid === node.attributes.id);
          for (const r of refs) expect(Number(r.attributes.size)).toBe(Number(size));
        }
        expect(declared).toBe(Number(size));
      } else {
        expect(pages.has(rel)).toBe(true);
      }
    }
  });

  it('ships 16, 32, 64 and 80 px icons', () => {
    for (const size of [16, 32, 64, 80]) expect(pngSize(path.join(ROOT, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
  });

  (skipReason ? it.skip : it)('keeps the offline validation command of the README working from the repository root', () => {
    const out = execFileSync(XMLLINT, ['--noout', '--nonet', '--schema', path.relative(ROOT, XSD), 'manifest.xml'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('');
  });
});
