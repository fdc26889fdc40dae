import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table whose rows routing and SLA due times are computed from, with the changes that matter. */
const WATCHED: [table: string, events: string][] = [
  ['routing_rules', 'INSERT OR UPDATE OR DELETE OR TRUNCATE'],
  ['sla_policies', 'INSERT OR UPDATE OR DELETE OR TRUNCATE'],
  ['business_calendars', 'INSERT OR UPDATE OR DELETE OR TRUNCATE'],
  // Round-robin assignment updates teams all the time; only their calendar matters here.
  ['teams', 'INSERT OR UPDATE OF calendar_id OR DELETE OR TRUNCATE'],
];

export class CountWorkflowSettingsChanges1795643000000 implements MigrationInterface {
  name = 'CountWorkflowSettingsChanges1795643000000';

  // A counter that every change to the workflow's settings moves (in the changing transaction), so the
  // worker can keep them in memory and know with one cheap read that they are still current.
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "workflow_settings_version" ("id" boolean PRIMARY KEY DEFAULT true CHECK ("id"), "version" bigint NOT NULL DEFAULT 0)',
    );
    await q.query('INSERT INTO "workflow_settings_version" DEFAULT VALUES');
    await q.query(`CREATE FUNCTION "bump_workflow_settings_version"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "workflow_settings_version" SET "version" = "version" + 1;
        RETURN NULL;
      END $$`);
    for (const [table, events] of WATCHED)
      await q.query(
        `CREATE TRIGGER "${table}_bump_workflow_settings_version" AFTER ${events} ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "bump_workflow_settings_version"()`,
      );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of WATCHED) await q.query(`DROP TRIGGER "${table}_bump_workflow_settings_version" ON "${table}"`);
    await q.query('DROP FUNCTION "bump_workflow_settings_version"()');
    await q.query('DROP TABLE "workflow_settings_version"');
  }
}
