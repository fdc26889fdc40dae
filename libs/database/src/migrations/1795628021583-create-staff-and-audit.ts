import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStaffAndAudit1795628021583 implements MigrationInterface {
  name = 'CreateStaffAndAudit1795628021583';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text, "before" jsonb, "after" jsonb, "ip" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "idx_audit_log_created" ON "audit_log"  ("created_at", "id") ');
    await q.query('CREATE INDEX "idx_audit_log_entity" ON "audit_log"  ("entity_type", "entity_id", "created_at") ');
    await q.query(
      'CREATE TABLE "teams" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "name_en" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_48c0c32e6247a2de155baeaf980" UNIQUE ("name"), CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE TABLE "team_memberships" ("team_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_11c823f69a675c3f05d0fc31958" PRIMARY KEY ("team_id", "user_id"))',
    );
    await q.query(
      'CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "email" text NOT NULL, "password_hash" text NOT NULL, "role" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "preferred_language" text NOT NULL DEFAULT \'ar\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE TABLE "user_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "ip" text, "user_agent" text, CONSTRAINT "PK_e93e031a5fed190d4789b6bfd83" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "idx_user_sessions_user" ON "user_sessions"  ("user_id") ');
    await q.query(
      'ALTER TABLE "team_memberships" ADD CONSTRAINT "FK_b917b8603c6d5c526fcdb2009de" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "team_memberships" ADD CONSTRAINT "FK_c9eb2ded8e0e2f4bcb41fd0984a" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "team_memberships" DROP CONSTRAINT "FK_c9eb2ded8e0e2f4bcb41fd0984a"');
    await q.query('ALTER TABLE "team_memberships" DROP CONSTRAINT "FK_b917b8603c6d5c526fcdb2009de"');
    await q.query('DROP INDEX "public"."idx_user_sessions_user"');
    await q.query('DROP TABLE "user_sessions"');
    await q.query('DROP TABLE "users"');
    await q.query('DROP TABLE "team_memberships"');
    await q.query('DROP TABLE "teams"');
    await q.query('DROP INDEX "public"."idx_audit_log_entity"');
    await q.query('DROP INDEX "public"."idx_audit_log_created"');
    await q.query('DROP TABLE "audit_log"');
  }
}
