import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { migrationProvider, type DialectName } from './migrations';

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the store is, without credentials: safe to print. */
  location: string;
  /** The URL that opens this same store again (another thread's connection); null for an in-memory SQLite store. */
  url: string | null;
  /**
   * Whether the store answers. On SQLite this bypasses Kysely's one-connection
   * queue, so it answers at once even while a large submission's transaction is open.
   */
  ping(): Promise<void>;
  /** Brings the schema up to date; safe to call from several processes at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreTarget {
  dialect: DialectName;
  /** SQLite: the file path (or ":memory:"). PostgreSQL: the connection string without our own parameters. */
  target: string;
  /** PostgreSQL schema holding the tables (default public). */
  schema?: string;
}

/**
 * Reads DATABASE_URL: `sqlite:PATH` (relative to the working directory),
 * `sqlite::memory:`, or `postgres://user@host:port/db[?schema=NAME]`.
 */
export function parseDatabaseUrl(url: string): StoreTarget {
  if (/^sqlite:/i.test(url)) {
    let path = url.slice('sqlite:'.length);
    if (path.startsWith('//')) path = path.slice(2);
    if (!path) throw new Error('DATABASE_URL sqlite: needs a file path, e.g. sqlite:data/datashare.db');
    return { dialect: 'sqlite', target: path };
  }
  if (/^postgres(ql)?:\/\//i.test(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema') ?? undefined;
    parsed.searchParams.delete('schema');
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new Error('DATABASE_URL schema= must be a lower-case SQL identifier');
    }
    return { dialect: 'postgres', target: parsed.toString(), schema };
  }
  throw new Error('DATABASE_URL must start with sqlite: or postgres://');
}

/** Opens (and for SQLite creates) the store; call migrate() before use. */
export function openStore(url: string): Store {
  const t = parseDatabaseUrl(url);
  return t.dialect === 'sqlite' ? openSqlite(t.target) : openPostgres(t.target, t.schema ?? 'public', url);
}

function openSqlite(path: string): Store {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new BetterSqlite3(file);
  // WAL: readers never block the writer; FULL: a submission answered 201 survives a power cut too.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  // The admin command line writes to the same file while the server runs.
  database.pragma('busy_timeout = 10000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return {
    db,
    dialect: 'sqlite',
    location: `sqlite:${file}`,
    url: file === ':memory:' ? null : `sqlite:${file}`,
    ping: async () => {
      database.prepare('select 1').get();
    },
    migrate: () => migrate(db, 'sqlite'),
    close: () => db.destroy(),
  };
}

function openPostgres(connectionString: string, schema: string, url: string): Store {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    options: `-c search_path=${schema}`,
    // COUNT() and SUM() come back as int8; our counts fit a double.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === 20 && format !== 'binary' ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not take the process down.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const safe = new URL(connectionString);
  safe.password = '';
  return {
    db,
    dialect: 'postgres',
    url,
    location: `${safe.protocol}//${safe.username ? `${safe.username}@` : ''}${safe.host}${safe.pathname} (schema ${schema})`,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    migrate: () => migrate(db, 'postgres', schema),
    close: () => db.destroy(),
  };
}

async function migrate(db: Kysely<Database>, dialect: DialectName, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(dialect), migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Store migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** True when the error is a unique-constraint violation (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
