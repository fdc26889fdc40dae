import { DataSource } from 'typeorm';
import { schemaDiff, withDatabase } from '@app/database';
import { ALL_ENTITIES } from '../apps/api/src/schema.js';
import { ADMIN_DATABASE_URL, ensureTemplateDatabase, TEMPLATE_DATABASE } from './support/test-database.js';
import { TestEnvironment } from './support/test-environment.js';

describe('schema', () => {
  it('migrations produce exactly the schema the entities describe', async () => {
    await ensureTemplateDatabase();
    const diff = await schemaDiff(withDatabase(ADMIN_DATABASE_URL, TEMPLATE_DATABASE), ALL_ENTITIES);
    // When this fails: build, then `node scripts/generate-migration.mjs Name` writes the missing migration.
    expect(diff.up).toEqual([]);
  });

  it('the running api loads every entity of the schema list, and no other', async () => {
    const env = await new TestEnvironment().setup();
    try {
      await env.startApi();
      const loaded = env.api!.get(DataSource).entityMetadatas.map((m) => (m.target as { name: string }).name);
      expect(loaded.sort()).toEqual(ALL_ENTITIES.map((e) => e.name).sort());
    } finally {
      await env.teardown();
    }
  });
});
