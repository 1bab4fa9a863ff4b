import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { AuditRepository, type AuditEntry } from '../server/repositories/audit';
import { OrgError, OrgRepository, type Org } from '../server/repositories/orgs';
import { parsePopulationCsv, PopulationError, PopulationRepository } from '../server/repositories/population';
import { SubmissionRepository } from '../server/repositories/submissions';
import { TokenError, TokenRepository, type TokenInfo } from '../server/repositories/tokens';
import { openStore, type Store } from '../server/store/connect';

export const USAGE = `Usage: npm run --silent admin -- COMMAND [options] [--json]

  org add --name NAME [--signed YYYY-MM-DD]     add a partner organisation
  org sign --org ID --date YYYY-MM-DD           record the signed data-sharing agreement
  org unsign --org ID                           withdraw it
  org list
  token issue --role partner --org ID --name PERSON [--days N]
  token issue --role analyst --name PERSON [--days N]
  token revoke --id TOKEN_ID | --token TOKEN
  token list [--org ID]
  submission withdraw ID                        take a submission out of the aggregate (kept, audited;
                                                the organisation's previous submission counts again)
  submission purge --before YYYY-MM-DD [--dry-run]
                                                the retention rule: delete the data (file, records,
                                                report, annotated workbook) of submissions received
                                                before the date that no longer count (withdrawn or
                                                replaced by a later one); receipts and counts stay
  audit [--org ID] [--limit N]                  who read or wrote what, newest first
  population import FILE.csv                    children under 5 by zip (columns zip, children under 5,
                                                source, year; e.g. ACS 5-year B01001): replaces the table
  migrate                                       bring the store's schema up to date

The store is DATABASE_URL (default sqlite:data/datashare.db), or --database-url URL.
With --json each command prints one JSON object.`;

export interface AdminIO {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
}

class UsageError extends Error {}

class AdminError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const OPTIONS = {
  json: { type: 'boolean' },
  name: { type: 'string' },
  signed: { type: 'string' },
  org: { type: 'string' },
  date: { type: 'string' },
  role: { type: 'string' },
  days: { type: 'string' },
  id: { type: 'string' },
  token: { type: 'string' },
  limit: { type: 'string' },
  before: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'database-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function need(values: Values, name: 'name' | 'org' | 'date' | 'role' | 'before'): string {
  const v = values[name];
  if (typeof v !== 'string' || !v.trim()) throw new UsageError(`--${name} is required`);
  return v.trim();
}

function wholeNumber(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} must be a whole number`);
  return n;
}

function adminName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'admin';
  }
}

const orgJson = (o: Org) => ({ id: o.id, name: o.name, signed: o.agreement_signed_on, createdAt: o.created_at });
const tokenJson = (t: TokenInfo) => ({
  id: t.id, role: t.role, org: t.org_id, person: t.person, createdAt: t.created_at, expiresAt: t.expires_at, revokedAt: t.revoked_at,
});

function auditLine(e: AuditEntry): string {
  const who = e.actor.type === 'anonymous' ? '(no valid token)' : `${e.actor.person} (${e.actor.role}${e.actor.orgId ? ` ${e.actor.orgId}` : ''})`;
  const what = [e.action, e.outcome, e.submissionId, e.targetOrgId ? `org ${e.targetOrgId}` : null].filter(Boolean).join(' ');
  return `${e.at}  ${who}  ${what}${e.detail ? `  ${JSON.stringify(e.detail)}` : ''}`;
}

async function run(store: Store, command: string[], values: Values): Promise<{ json: Record<string, unknown>; text: string }> {
  const orgs = new OrgRepository(store.db);
  const tokens = new TokenRepository(store.db);
  const audit = new AuditRepository(store.db);
  const actor = { admin: adminName() };
  // `submission withdraw ID`: the id is the third word.
  const [first, second, ...rest] = command;
  const key = first === 'submission' && (second === 'withdraw' || second === 'purge') ? `submission ${second}` : first === 'population' && second === 'import' ? 'population import' : command.join(' ');
  switch (key) {
    case 'org add': {
      const org = await orgs.add(need(values, 'name'), values.signed);
      await audit.write({ actor, action: 'org.add', outcome: 'ok', targetOrgId: org.id, detail: { signed: org.agreement_signed_on } });
      return { json: orgJson(org), text: `${org.id}  ${org.name}  ${org.agreement_signed_on ? `signed ${org.agreement_signed_on}` : 'not signed'}` };
    }
    case 'org sign':
    case 'org unsign': {
      const org = await orgs.setSigned(need(values, 'org'), key === 'org sign' ? need(values, 'date') : null);
      await audit.write({ actor, action: key.replace(' ', '.'), outcome: 'ok', targetOrgId: org.id, detail: { signed: org.agreement_signed_on } });
      return { json: orgJson(org), text: `${org.id}  ${org.name}  ${org.agreement_signed_on ? `signed ${org.agreement_signed_on}` : 'not signed'}` };
    }
    case 'org list': {
      const list = await orgs.list();
      return {
        json: { orgs: list.map(orgJson) },
        text: list.length ? list.map((o) => `${o.id}  ${o.name}  ${o.agreement_signed_on ? `signed ${o.agreement_signed_on}` : 'not signed'}`).join('\n') : 'No organisations yet.',
      };
    }
    case 'token issue': {
      const role = need(values, 'role');
      if (role !== 'partner' && role !== 'analyst') throw new UsageError('--role is partner or analyst');
      const { token, info } = await tokens.issue({ role, orgId: values.org ?? null, person: need(values, 'name'), days: wholeNumber(values.days, 'days') });
      await audit.write({ actor, action: 'token.issue', outcome: 'ok', targetOrgId: info.org_id, detail: { token: info.id, role, person: info.person, expiresAt: info.expires_at } });
      return {
        json: { token, ...tokenJson(info) },
        text: `${token}\n\nToken ${info.id} for ${info.person} (${role}${info.org_id ? `, ${info.org_id}` : ''}), valid until ${info.expires_at}.\nThis is the only time it is shown: hand it to ${info.person} only.`,
      };
    }
    case 'token revoke': {
      const which = values.id ?? values.token;
      if (!which) throw new UsageError('token revoke needs --id TOKEN_ID or --token TOKEN');
      const info = await tokens.revoke(which);
      await audit.write({ actor, action: 'token.revoke', outcome: 'ok', targetOrgId: info.org_id, detail: { token: info.id, person: info.person } });
      return { json: tokenJson(info), text: `Revoked ${info.id} (${info.person}).` };
    }
    case 'token list': {
      const list = await tokens.list(values.org);
      return {
        json: { tokens: list.map(tokenJson) },
        text: list.length
          ? list.map((t) => `${t.id}  ${t.role}  ${t.org_id ?? '-'}  ${t.person}  until ${t.expires_at}${t.revoked_at ? `  REVOKED ${t.revoked_at}` : ''}`).join('\n')
          : 'No tokens.',
      };
    }
    case 'audit': {
      const limit = wholeNumber(values.limit, 'limit') ?? 100;
      if (limit < 1 || limit > 100_000) throw new UsageError('--limit is 1 to 100000');
      const entries = await audit.list({ orgId: values.org, limit });
      return { json: { entries }, text: entries.length ? entries.map(auditLine).join('\n') : 'The audit log is empty.' };
    }
    case 'submission withdraw': {
      const id = rest[0] ?? values.id;
      if (!id || rest.length > 1) throw new UsageError('submission withdraw needs one submission id, e.g. submission withdraw sub_abc123');
      const done = await new SubmissionRepository(store.db).withdraw(id, actor.admin);
      if (!done) throw new AdminError('not_found', `There is no submission ${id}.`);
      const s = done.submission;
      const json = { id: s.id, org: s.orgId, orgName: s.orgName, receivedAt: s.receivedAt, withdrawnAt: s.withdrawnAt, changed: done.changed };
      return {
        json,
        text: done.changed
          ? `Withdrew ${s.id} (${s.orgName}, received ${s.receivedAt}): it is kept but no longer in the aggregate.`
          : `${s.id} was already withdrawn (${s.withdrawnAt}).`,
      };
    }
    case 'submission purge': {
      if (rest.length) throw new UsageError('submission purge takes no id: it applies the retention rule to every submission received before --before');
      const before = need(values, 'before');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(before) || Number.isNaN(Date.parse(before))) throw new UsageError('--before is a date, YYYY-MM-DD');
      const dryRun = values['dry-run'] === true;
      const done = await new SubmissionRepository(store.db).purge({ before, admin: actor.admin, dryRun });
      const bytes = done.reduce((n, d) => n + d.bytes, 0);
      const lines = done.map((d) => `${d.submission.id}  ${d.submission.orgName}  received ${d.submission.receivedAt.slice(0, 10)}  ${d.why}  ${(d.bytes / 1e6).toFixed(1)} MB`);
      const head = done.length === 0
        ? `No submission received before ${before} is withdrawn or replaced: nothing to delete.`
        : `${dryRun ? 'Would delete' : 'Deleted'} the data of ${done.length} submission${done.length === 1 ? '' : 's'} received before ${before} (${(bytes / 1e6).toFixed(1)} MB of files); their receipts and counts are kept.`;
      return {
        json: { before, dryRun, purged: done.map((d) => ({ id: d.submission.id, org: d.submission.orgId, receivedAt: d.submission.receivedAt, why: d.why, bytes: d.bytes })), bytes },
        text: [head, ...lines].join('\n'),
      };
    }
    case 'population import': {
      const file = rest[0];
      if (!file || rest.length > 1) throw new UsageError('population import needs one CSV file, e.g. population import children-under-5.csv');
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new AdminError('not_found', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`);
      }
      const rows = parsePopulationCsv(text);
      await new PopulationRepository(store.db).replace(rows);
      const children = rows.reduce((n, r) => n + r.childrenUnder5, 0);
      await audit.write({ actor, action: 'population.import', outcome: 'ok', detail: { zips: rows.length, children } });
      return { json: { zips: rows.length, children }, text: `Imported children under 5 for ${rows.length} zip codes (${children.toLocaleString('en-US')} children); the previous table was replaced.` };
    }
    case 'migrate':
      return { json: { store: store.location, migrated: true }, text: `Store ${store.location} is up to date.` };
    default:
      throw new UsageError(command.length ? `unknown command: ${key}` : 'no command given');
  }
}

/** Runs one admin command; returns the exit status (0 done, 1 refused or failed, 2 wrong usage). */
export async function runAdmin(argv: string[], io: AdminIO): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const json = values.json === true;
  const fail = (code: string, message: string, status: number) => {
    if (json) io.out(`${JSON.stringify({ error: { code, message } })}\n`);
    io.err(`${message}${status === 2 ? `\n\n${USAGE}` : ''}\n`);
    return status;
  };
  let store: Store | undefined;
  try {
    store = openStore(values['database-url'] ?? io.env.DATABASE_URL ?? 'sqlite:data/datashare.db');
    await store.migrate();
    const result = await run(store, positionals, values);
    io.out(json ? `${JSON.stringify(result.json)}\n` : `${result.text}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return fail('usage', error.message, 2);
    if (error instanceof OrgError || error instanceof TokenError || error instanceof AdminError) return fail(error.code, error.message, 1);
    if (error instanceof PopulationError) return fail('invalid', error.message, 1);
    return fail('failed', error instanceof Error ? error.message : String(error), 1);
  } finally {
    await store?.close();
  }
}

if (require.main === module) {
  runAdmin(process.argv.slice(2), {
    env: process.env,
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  }).then((code) => {
    process.exitCode = code;
  });
}
