import pg from 'pg';
import { quoteIdent, runMigrations, withDatabase } from '@app/database';

export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
import { migrationsFingerprint, TEMPLATE_PREFIX } from './migrations-fingerprint.mjs';

/** The migrated template for the current migrations (named by their fingerprint). */
export const TEMPLATE_DATABASE = `${TEMPLATE_PREFIX}${migrationsFingerprint()}`;

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const TEMPLATE_LOCK_ID = 727_400_202;

/**
 * The migrated template, built by the first test file that needs it (named by the migrations'
 * fingerprint, so it is rebuilt only when they change); the others wait on an advisory lock and
 * then clone it in milliseconds.
 */
export async function ensureTemplateDatabase(): Promise<void> {
  await withAdmin(async (c) => {
    await c.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_ID]);
    try {
      const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE_DATABASE]);
      if (found.rowCount) return;
      const building = `${TEMPLATE_DATABASE}_building`;
      await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${quoteIdent(building)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
      await runMigrations(withDatabase(ADMIN_DATABASE_URL, building));
      await c.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(TEMPLATE_DATABASE)}`);
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_ID]);
    }
  });
}

/** A fresh database for one test file, cloned from the migrated template. Returns its URL. */
export async function createTestDatabase(name: string): Promise<string> {
  await ensureTemplateDatabase();
  await withAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(TEMPLATE_DATABASE)}`);
  });
  return withDatabase(ADMIN_DATABASE_URL, name);
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/** A one-off query against a test database (for assertions on what was stored). */
export async function queryDatabase<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
