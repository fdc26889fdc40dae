// Drops the migrated template of the previous run, so the first test file rebuilds it from the current migrations.
import pg from 'pg';

export default async function globalSetup() {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  await client.connect();
  try {
    await client.query('DROP DATABASE IF EXISTS helpdesk_test_template WITH (FORCE)');
  } finally {
    await client.end();
  }
}
