/**
 * `npm start`: builds what is needed, creates the store, starts the server
 * (HTTPS with the Office add-in developer certificates when they can be
 * made, plain HTTP otherwise) and says how to create a partner and a token.
 */
import { spawn, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/server/config';
import { openStore } from '../src/server/store/connect';

const ROOT = resolve(__dirname, '..');
const say = (line = '') => process.stdout.write(`${line}\n`);

function npmRun(script: string): boolean {
  say(`> npm run ${script}`);
  const r = spawnSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit' });
  return r.status === 0;
}

function validPair(cert: string, key: string): boolean {
  if (!existsSync(cert) || !existsSync(key)) return false;
  try {
    return new Date(new X509Certificate(readFileSync(cert)).validTo).getTime() > Date.now() + 86_400_000;
  } catch {
    return false;
  }
}

/** The developer certificates office-addin-dev-certs makes (never installed here: that needs admin rights). */
async function devCertificates(): Promise<{ cert: string; key: string; ca: string } | null> {
  let certs: typeof import('office-addin-dev-certs');
  try {
    certs = await import('office-addin-dev-certs');
  } catch (error) {
    say(`Could not load office-addin-dev-certs (${error instanceof Error ? error.message : String(error)}).`);
    return null;
  }
  const home = join(homedir(), '.office-addin-dev-certs');
  const candidates = [
    { dir: home, ca: join(home, 'ca.crt'), cert: join(home, 'localhost.crt'), key: join(home, 'localhost.key') },
    { dir: join(ROOT, 'data/certs'), ca: join(ROOT, 'data/certs/ca.crt'), cert: join(ROOT, 'data/certs/localhost.crt'), key: join(ROOT, 'data/certs/localhost.key') },
  ];
  for (const c of candidates) if (validPair(c.cert, c.key)) return c;
  for (const c of candidates) {
    // generateCertificates writes nothing when the CA file already exists, so only try where it does not.
    if (existsSync(c.ca)) continue;
    try {
      await certs.generateCertificates(c.ca, c.cert, c.key, 30);
      if (validPair(c.cert, c.key)) return c;
    } catch (error) {
      say(`Could not generate developer certificates in ${c.dir}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  return null;
}

async function main(): Promise<number> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (pkg.scripts?.build) {
    if (!npmRun('build')) say('The taskpane build failed: the server starts without the taskpane (the API works).');
  } else {
    say('No "build" script yet: the server starts without the taskpane.');
  }
  if (!npmRun('build:server')) {
    say('Building the server failed.');
    return 1;
  }

  const env: NodeJS.ProcessEnv = { ...process.env };
  const config = loadConfig(env, ROOT);
  const store = openStore(config.databaseUrl);
  await store.migrate();
  await store.close();
  say(`Store ready: ${store.location}`);

  let tlsNote = '';
  if (!env.TLS_CERT && !env.TLS_KEY) {
    const dev = await devCertificates();
    if (dev) {
      env.TLS_CERT = dev.cert;
      env.TLS_KEY = dev.key;
      tlsNote = `HTTPS with the developer certificate in ${dev.cert}. Browsers and Office trust it once its CA (${dev.ca}) is installed:\n  npx office-addin-dev-certs install   (asks for administrator rights; not done by npm start)`;
    } else {
      tlsNote = 'No certificate could be made: serving PLAIN HTTP. Office add-ins need HTTPS; set TLS_CERT and TLS_KEY to use your own.';
    }
  }
  const scheme = env.TLS_CERT ? 'https' : 'http';

  const child = spawn(process.execPath, ['--enable-source-maps', '--disable-warning=ExperimentalWarning', 'dist/server/server.js'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  let announced = false;
  child.stdout!.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    const m = !announced && /"url":"https?:\/\/[^:]+:(\d+)"[^\n]*"msg":"ready"/.exec(chunk.toString());
    if (!m) return;
    announced = true;
    const host = config.host === '127.0.0.1' || config.host === '::1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
    const base = `${scheme}://${host}:${m[1]}`;
    const curlK = scheme === 'https' ? ' -k' : '';
    say();
    say('The data share server is running.');
    const built = existsSync(config.taskpaneDir) ? '' : '   (not built)';
    say(`  Partners   ${base}/   (what we ask for, how to share; ${base}/my-submissions)${built}`);
    say(`  Taskpane   ${base}/taskpane.html${built}`);
    say(`  Manifest   ${base}/manifest.xml${existsSync(config.manifestFile) ? '' : '   (no manifest.xml yet)'}`);
    say(`  Template   ${base}/template.xlsx`);
    say(`  API        ${base}/api/v1/submissions`);
    say(`  Health     ${base}/healthz`);
    say(`  Store      ${store.location}`);
    if (tlsNote) say(`  ${tlsNote.replace(/\n/g, '\n  ')}`);
    say();
    say('Create a partner organisation (its agreement signed) and a token for one of its staff:');
    say('  npm run --silent admin -- org add --name "Example Library" --signed 2024-01-15 --json');
    say('  npm run --silent admin -- token issue --role partner --org ORG_ID --name "Jane Doe" --json');
    say('An analyst token:');
    say('  npm run --silent admin -- token issue --role analyst --name "Ann Analyst" --json');
    say('Submit a workbook:');
    say(`  curl${curlK} -H "Authorization: Bearer TOKEN" -F file=@events.xlsx ${base}/api/v1/submissions`);
    say('Stop with Ctrl+C.');
    say();
  });
  return new Promise((resolveExit) => child.on('exit', (code) => resolveExit(code ?? 0)));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`npm start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
