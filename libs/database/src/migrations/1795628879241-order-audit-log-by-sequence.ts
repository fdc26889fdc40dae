import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderAuditLogBySequence1795628879241 implements MigrationInterface {
  name = 'OrderAuditLogBySequence1795628879241';

  // Entries written in one transaction share a timestamp; a sequence keeps the order they happened in.
  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."idx_audit_log_created"');
    await q.query('ALTER TABLE "audit_log" ADD "seq" BIGSERIAL NOT NULL');
    await q.query('CREATE UNIQUE INDEX "uq_audit_log_seq" ON "audit_log"  ("seq") ');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."uq_audit_log_seq"');
    await q.query('ALTER TABLE "audit_log" DROP COLUMN "seq"');
    await q.query('CREATE INDEX "idx_audit_log_created" ON "audit_log" ("created_at", "id") ');
  }
}
