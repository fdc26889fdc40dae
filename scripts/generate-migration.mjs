// Prints the SQL that brings the migrated schema in line with the entities, as a migration to review.
// Usage: npm run build:server && node scripts/generate-migration.mjs CreateTickets
import { writeFileSync } from 'node:fs';
import pg from 'pg';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: node scripts/generate-migration.mjs PascalCaseName');
  process.exit(2);
}
const { schemaDiff, withDatabase, quoteIdent } = await import('../dist/libs/database/src/index.js');
const { ALL_ENTITIES } = await import('../dist/apps/api/src/schema.js');
const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/helpdesk';
const scratch = `helpdesk_migration_${Date.now()}`;
const admin = new pg.Client({
  connectionString: withDatabase(base, 'postgres'),
});
await admin.connect();
await admin.query(`CREATE DATABASE ${quoteIdent(scratch)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
try {
  const { runMigrations } = await import('../dist/libs/database/src/index.js');
  await runMigrations(withDatabase(base, scratch));
  const diff = await schemaDiff(withDatabase(base, scratch), ALL_ENTITIES);
  if (diff.up.length === 0) {
    console.log('Entities and migrations agree; nothing to generate.');
  } else {
    const ts = Date.now();
    const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    const file = `libs/database/src/migrations/${ts}-${kebab}.ts`;
    const lines = (qs) => qs.map((s) => `    await q.query(${JSON.stringify(s)});`).join('\n');
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${ts} implements MigrationInterface {\n  name = '${name}${ts}';\n\n  async up(q: QueryRunner): Promise<void> {\n${lines(diff.up)}\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n${lines(diff.down)}\n  }\n}\n`,
    );
    console.log(`Wrote ${file}; add it to libs/database/src/migrations/index.ts and review it.`);
  }
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(scratch)} WITH (FORCE)`);
  await admin.end();
}
