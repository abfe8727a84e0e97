import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Config } from '../config';
import { migrate } from './migrations';
import type { Database } from './schema';

export type Engine = 'sqlite' | 'postgresql';

export interface OpenDatabase {
  db: Kysely<Database>;
  engine: Engine;
}

/**
 * The one database: PostgreSQL when `DATABASE_URL` is set (several bot instances share it), otherwise
 * an embedded SQLite file `${DATA_DIR}/bot.sqlite` (`DATA_DIR=:memory:` keeps it in memory, for tests).
 * Migrations run before it is returned.
 */
export async function openDatabase(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>): Promise<OpenDatabase> {
  let open: OpenDatabase;
  if (config.DATABASE_URL) {
    // The PostgreSQL driver is loaded only when used: an embedded-SQLite process does not pay for it.
    const { Pool } = await import('pg');
    const pool = new Pool({ connectionString: config.DATABASE_URL, max: 10, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
    // A dropped connection (database restarted) must not crash the process; queries fail and retry later.
    pool.on('error', () => undefined);
    // The pool listens for errors only on idle clients; one that drops while checked out (a transaction
    // held during an update's send) emits 'error' on itself. Its query fails anyway; the event must not
    // crash the process.
    pool.on('connect', (client) => client.on('error', () => undefined));
    open = { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), engine: 'postgresql' };
  } else {
    let file = ':memory:';
    if (config.DATA_DIR !== ':memory:') {
      mkdirSync(config.DATA_DIR, { recursive: true });
      file = join(config.DATA_DIR, 'bot.sqlite');
    }
    const sqlite = cachePreparedStatements(new SQLite(file));
    sqlite.pragma('journal_mode = WAL');
    // WAL + NORMAL: no corruption on a crash; a power cut may lose the last moments of writes.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    open = { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), engine: 'sqlite' };
  }
  await migrate(open.db);
  return open;
}

/** Most queries repeat; preparing each only once saves a few per cent of every turn. */
const MAX_CACHED_STATEMENTS = 500;

function cachePreparedStatements(sqlite: SQLite.Database): SQLite.Database {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SQLite.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      statement = prepare(source);
      if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
      cache.set(source, statement);
    }
    return statement;
  }) as typeof sqlite.prepare;
  return sqlite;
}
