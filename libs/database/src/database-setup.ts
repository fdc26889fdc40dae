import { Logger } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl, quoteIdent } from './database-url.js';
import { MIGRATIONS } from './migrations/index.js';

const logger = new Logger('Database');

/** Any fixed number works: it only has to be the same in every process that migrates. */
const MIGRATION_LOCK_ID = 727_400_101;

/**
 * Creates the database when missing. It gets a UTF-8 character type because under
 * LC_CTYPE=C pg_trgm extracts no trigrams from Arabic text.
 */
export async function ensureDatabase(url: string): Promise<void> {
  const { database, maintenanceUrl } = parseDatabaseUrl(url);
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const found = await client.query<{ datctype: string }>('SELECT datctype FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE ${quoteIdent(database)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
        logger.log(`Created database ${database}`);
      } catch (error) {
        // Another process created it at the same moment.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    } else if (!/utf-?8/i.test(found.rows[0].datctype)) {
      logger.warn(
        `Database ${database} has LC_CTYPE ${found.rows[0].datctype}; Arabic fuzzy search needs a UTF-8 character type (recreate it with LC_CTYPE 'C.UTF-8').`,
      );
    }
  } finally {
    await client.end();
  }
}

/** Runs pending migrations while holding an advisory lock, so api and worker starting together never race. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
  });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      for (const m of applied) logger.log(`Applied migration ${m.name}`);
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}

export async function prepareDatabase(url: string): Promise<void> {
  await ensureDatabase(url);
  await runMigrations(url);
}
