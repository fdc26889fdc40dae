import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderTicketsByActivity1795637860318 implements MigrationInterface {
  name = 'OrderTicketsByActivity1795637860318';

  // The queue across several statuses, and every branch of a text search, walk tickets in activity order.
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "idx_tickets_activity" ON "tickets" ("last_activity_at", "id") ');
    // The `due` sort pages on resolution_due_at with a cursor holding a JavaScript Date (milliseconds).
    await q.query('ALTER TABLE "tickets" ALTER COLUMN "resolution_due_at" TYPE TIMESTAMP(3) WITH TIME ZONE');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "tickets" ALTER COLUMN "resolution_due_at" TYPE TIMESTAMP WITH TIME ZONE');
    await q.query('DROP INDEX "public"."idx_tickets_activity"');
  }
}
