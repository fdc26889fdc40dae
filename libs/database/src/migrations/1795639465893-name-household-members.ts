import type { MigrationInterface, QueryRunner } from 'typeorm';

const EACH_MEMBER = (table: string, member: string) => `
  UPDATE "${table}" t SET "household" = (
    SELECT jsonb_agg(${member} ORDER BY n) FROM jsonb_array_elements(t."household") WITH ORDINALITY AS x(m, n)
  )
  WHERE jsonb_array_length(t."household") > 0`;

export class NameHouseholdMembers1795639465893 implements MigrationInterface {
  name = 'NameHouseholdMembers1795639465893';

  // Household members get a stable id, so re-saving a household can keep a member's encrypted national ID.
  async up(q: QueryRunner): Promise<void> {
    const named = "CASE WHEN m ? 'id' THEN m ELSE m || jsonb_build_object('id', gen_random_uuid()) END";
    await q.query(EACH_MEMBER('help_requests', named));
    await q.query(EACH_MEMBER('beneficiary_files', named));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(EACH_MEMBER('help_requests', "m - 'id'"));
    await q.query(EACH_MEMBER('beneficiary_files', "m - 'id'"));
  }
}
