// Removes migrated test templates of other migration versions; the current one is kept and reused.
import pg from 'pg';
import { migrationsFingerprint, TEMPLATE_PREFIX } from './migrations-fingerprint.mjs';

export default async function globalSetup() {
  const current = `${TEMPLATE_PREFIX}${migrationsFingerprint()}`;
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  await client.connect();
  try {
    const stale = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2 AND datname NOT LIKE '%_building'`, [`${TEMPLATE_PREFIX}%`, current]);
    for (const { datname } of stale.rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await client.query('DROP DATABASE IF EXISTS helpdesk_test_template WITH (FORCE)');
  } finally {
    await client.end();
  }
}
