import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL server for storage tests (CI points it at the local server), or undefined. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/**
 * A fresh PostgreSQL schema for one test run, reached through `search_path`, so runs never see each
 * other's tables. Returns its connection string and a function that drops it.
 */
export async function freshPostgresSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** Mocha helper: skip (with the reason printed) when no PostgreSQL server is configured. */
export function requirePostgres(ctx: Mocha.Context): void {
  if (!TEST_DATABASE_URL) {
    console.log('      (skipped: set TEST_DATABASE_URL to run the PostgreSQL storage tests; .ci/run does)');
    ctx.skip();
  }
}
