import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWorkflow1795630299630 implements MigrationInterface {
  name = 'CreateWorkflow1795630299630';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "user_skills" ("user_id" uuid NOT NULL, "category_id" uuid NOT NULL, CONSTRAINT "PK_63d93e7be0c3d9123ec3c15299d" PRIMARY KEY ("user_id", "category_id"))',
    );
    await q.query('CREATE INDEX "idx_user_skills_category" ON "user_skills"  ("category_id") ');
    await q.query(
      'CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "ticket_id" uuid, "title" text NOT NULL, "body" text NOT NULL DEFAULT \'\', "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "idx_notifications_unread" ON "notifications"  ("user_id") WHERE read_at IS NULL');
    await q.query('CREATE INDEX "idx_notifications_user" ON "notifications"  ("user_id", "created_at") ');
    await q.query(
      'CREATE TABLE "business_calendars" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "time_zone" text NOT NULL DEFAULT \'Asia/Riyadh\', "weekly" jsonb NOT NULL, "holidays" jsonb NOT NULL DEFAULT \'[]\', "overrides" jsonb NOT NULL DEFAULT \'[]\', "is_default" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5824d9553787220e55e159fa16b" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE TABLE "sla_policies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "priority" text, "ticket_type" text, "first_response_minutes" numeric NOT NULL, "resolution_minutes" numeric NOT NULL, "escalation_step_minutes" numeric NOT NULL DEFAULT \'60\', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_41b6803cef982534243a67b6302" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE TABLE "routing_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "position" integer NOT NULL, "active" boolean NOT NULL DEFAULT true, "conditions" jsonb NOT NULL DEFAULT \'{}\', "actions" jsonb NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b744c5cc71053ea4d3fc8a860c2" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "idx_routing_rules_position" ON "routing_rules"  ("position") ');
    await q.query('ALTER TABLE "teams" ADD "assignment_mode" text NOT NULL DEFAULT \'manual\'');
    await q.query('ALTER TABLE "teams" ADD "max_open_per_officer" integer NOT NULL DEFAULT \'15\'');
    await q.query('ALTER TABLE "teams" ADD "last_assigned_user_id" uuid');
    await q.query('ALTER TABLE "teams" ADD "calendar_id" uuid');
    await q.query('ALTER TABLE "users" ADD "availability" text NOT NULL DEFAULT \'available\'');
    await q.query('ALTER TABLE "categories" ADD "requires_skill" boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE "tickets" ADD "sla_policy_id" uuid');
    await q.query('ALTER TABLE "tickets" ADD "sla_paused_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "tickets" ADD "sla_paused_minutes" numeric NOT NULL DEFAULT \'0\'');
    await q.query('ALTER TABLE "tickets" ADD "last_escalated_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "tickets" ADD "routed_at" TIMESTAMP WITH TIME ZONE');
    await q.query('CREATE INDEX "idx_tickets_resolution_due" ON "tickets"  ("resolution_due_at") WHERE status IN (\'new\', \'open\', \'pending\')');
    await q.query(
      'ALTER TABLE "user_skills" ADD CONSTRAINT "FK_6926002c360291df66bb2c5fdeb" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Defaults: Sunday–Thursday 08:00–15:00 in Riyadh, and SLA targets in working minutes (admins change both).
    await q.query(
      `INSERT INTO business_calendars (name, time_zone, weekly, holidays, overrides, is_default) VALUES ($1, 'Asia/Riyadh', $2, $3, '[]', true)`,
      [
        'ساعات العمل',
        '[[{"start": "08:00", "end": "15:00"}], [{"start": "08:00", "end": "15:00"}], [{"start": "08:00", "end": "15:00"}], [{"start": "08:00", "end": "15:00"}], [{"start": "08:00", "end": "15:00"}], [], []]',
        '[{"date": "2027-02-22", "name": "يوم التأسيس"}, {"date": "2027-09-23", "name": "اليوم الوطني"}]',
      ],
    );
    await q.query(
      `INSERT INTO sla_policies (name, priority, ticket_type, first_response_minutes, resolution_minutes, escalation_step_minutes) VALUES ($1, NULL, NULL, 240, 1260, 120), ($2, 'urgent', NULL, 60, 420, 60), ($3, 'high', NULL, 120, 840, 60), ($4, NULL, 'help_request', 420, 2100, 240)`,
      ['الافتراضي', 'عاجل', 'مرتفع', 'طلبات المساعدة'],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "user_skills" DROP CONSTRAINT "FK_6926002c360291df66bb2c5fdeb"');
    await q.query('DROP INDEX "public"."idx_tickets_resolution_due"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "routed_at"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "last_escalated_at"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "sla_paused_minutes"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "sla_paused_at"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "sla_policy_id"');
    await q.query('ALTER TABLE "categories" DROP COLUMN "requires_skill"');
    await q.query('ALTER TABLE "users" DROP COLUMN "availability"');
    await q.query('ALTER TABLE "teams" DROP COLUMN "calendar_id"');
    await q.query('ALTER TABLE "teams" DROP COLUMN "last_assigned_user_id"');
    await q.query('ALTER TABLE "teams" DROP COLUMN "max_open_per_officer"');
    await q.query('ALTER TABLE "teams" DROP COLUMN "assignment_mode"');
    await q.query('DROP INDEX "public"."idx_routing_rules_position"');
    await q.query('DROP TABLE "routing_rules"');
    await q.query('DROP TABLE "sla_policies"');
    await q.query('DROP TABLE "business_calendars"');
    await q.query('DROP INDEX "public"."idx_notifications_user"');
    await q.query('DROP INDEX "public"."idx_notifications_unread"');
    await q.query('DROP TABLE "notifications"');
    await q.query('DROP INDEX "public"."idx_user_skills_category"');
    await q.query('DROP TABLE "user_skills"');
  }
}
