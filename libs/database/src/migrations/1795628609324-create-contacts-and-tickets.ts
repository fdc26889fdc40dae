import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateContactsAndTickets1795628609324 implements MigrationInterface {
  name = 'CreateContactsAndTickets1795628609324';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "contact_identities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contact_id" uuid NOT NULL, "kind" text NOT NULL, "address" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_38de992d13ad0ef3975ca176935" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "idx_contact_identities_contact" ON "contact_identities"  ("contact_id") ');
    await q.query('CREATE UNIQUE INDEX "uq_contact_identities_kind_address" ON "contact_identities"  ("kind", "address") ');
    await q.query(
      'CREATE TABLE "contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL DEFAULT \'public\', "name" text NOT NULL, "membership_number" text, "preferred_language" text NOT NULL DEFAULT \'ar\', "preferred_channel" text, "consent_to_contact" boolean NOT NULL DEFAULT false, "survey_opt_out" boolean NOT NULL DEFAULT false, "notes" text, "national_id_encrypted" text, "national_id_hash" text, "national_id_masked" text, "search_text" text NOT NULL DEFAULT \'\', "merged_into_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_contacts_membership_number" ON "contacts"  ("membership_number") WHERE membership_number IS NOT NULL');
    await q.query(
      'CREATE UNIQUE INDEX "uq_contacts_national_id_hash" ON "contacts"  ("national_id_hash") WHERE national_id_hash IS NOT NULL AND merged_into_id IS NULL',
    );
    await q.query('CREATE INDEX "idx_contacts_merged_into" ON "contacts"  ("merged_into_id") ');
    await q.query(
      'CREATE TABLE "categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "name_en" text, "team_id" uuid, "competent_officer_id" uuid, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_8b0be371d28245da6e4f4b61878" UNIQUE ("name"), CONSTRAINT "PK_24dbc6126a28ff948da33e97d3b" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE TABLE "tickets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" text NOT NULL, "subject" text NOT NULL, "type" text NOT NULL, "status" text NOT NULL DEFAULT \'new\', "priority" text NOT NULL DEFAULT \'normal\', "channel" text NOT NULL, "contact_id" uuid NOT NULL, "category_id" uuid, "team_id" uuid, "assignee_id" uuid, "escalation_level" integer NOT NULL DEFAULT \'0\', "tags" text array NOT NULL DEFAULT \'{}\', "first_response_due_at" TIMESTAMP WITH TIME ZONE, "resolution_due_at" TIMESTAMP WITH TIME ZONE, "first_responded_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "subject_search" text NOT NULL DEFAULT \'\', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "last_activity_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_78e08cc1101fc17f77c6f11b4c7" UNIQUE ("number"), CONSTRAINT "PK_343bc942ae261cf7a1377f48fd0" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "idx_tickets_created" ON "tickets"  ("created_at", "id") ');
    await q.query('CREATE INDEX "idx_tickets_contact" ON "tickets"  ("contact_id", "created_at") ');
    await q.query('CREATE INDEX "idx_tickets_assignee_queue" ON "tickets"  ("assignee_id", "status", "last_activity_at", "id") ');
    await q.query('CREATE INDEX "idx_tickets_team_queue" ON "tickets"  ("team_id", "status", "last_activity_at", "id") ');
    await q.query('CREATE INDEX "idx_tickets_queue_activity" ON "tickets"  ("status", "last_activity_at", "id") ');
    await q.query(
      'CREATE TABLE "messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "direction" text NOT NULL, "channel" text NOT NULL, "author_contact_id" uuid, "author_user_id" uuid, "body" text NOT NULL, "body_html" text, "delivery_status" text, "delivery_error" text, "external_id" text, "meta" jsonb NOT NULL DEFAULT \'{}\', "search_text" text NOT NULL DEFAULT \'\', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_messages_channel_external_id" ON "messages"  ("channel", "external_id") WHERE external_id IS NOT NULL');
    await q.query('CREATE INDEX "idx_messages_ticket" ON "messages"  ("ticket_id", "created_at") ');
    await q.query(
      'CREATE TABLE "attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "message_id" uuid, "filename" text NOT NULL, "content_type" text NOT NULL, "size" integer NOT NULL, "sha256" text NOT NULL, "uploaded_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5e1f050bcff31e3084a1d662412" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "idx_attachments_message" ON "attachments"  ("message_id") ');
    await q.query('CREATE INDEX "idx_attachments_ticket" ON "attachments"  ("ticket_id") ');
    await q.query(
      'CREATE TABLE "ticket_number_counters" ("hijri_year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_ea1fef0222d6dd9b7d68ce301af" PRIMARY KEY ("hijri_year"))',
    );
    await q.query(
      'ALTER TABLE "contact_identities" ADD CONSTRAINT "FK_1d4a95cd88e42cb1ec58e5bc952" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "tickets" ADD CONSTRAINT "FK_38b2f9803395427e46eb3467312" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "tickets" ADD CONSTRAINT "FK_32a7f0e4e32a46a094b55f7c25c" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "tickets" ADD CONSTRAINT "FK_ec5071f9de4677c9e8da947e144" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "tickets" ADD CONSTRAINT "FK_dff6e2b44c9b5e177114588772f" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "messages" ADD CONSTRAINT "FK_aa8e62e23565f59d22160b35f18" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "attachments" ADD CONSTRAINT "FK_623e10eec51ada466c5038979e3" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Arabic-aware search: trigram indexes over the normalised text columns (TypeORM cannot declare these).
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query('CREATE INDEX "idx_contacts_search_trgm" ON "contacts" USING gin ("search_text" gin_trgm_ops)');
    await q.query('CREATE INDEX "idx_tickets_subject_trgm" ON "tickets" USING gin ("subject_search" gin_trgm_ops)');
    await q.query('CREATE INDEX "idx_messages_search_trgm" ON "messages" USING gin ("search_text" gin_trgm_ops)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_messages_search_trgm"');
    await q.query('DROP INDEX "idx_tickets_subject_trgm"');
    await q.query('DROP INDEX "idx_contacts_search_trgm"');
    await q.query('ALTER TABLE "attachments" DROP CONSTRAINT "FK_623e10eec51ada466c5038979e3"');
    await q.query('ALTER TABLE "messages" DROP CONSTRAINT "FK_aa8e62e23565f59d22160b35f18"');
    await q.query('ALTER TABLE "tickets" DROP CONSTRAINT "FK_dff6e2b44c9b5e177114588772f"');
    await q.query('ALTER TABLE "tickets" DROP CONSTRAINT "FK_ec5071f9de4677c9e8da947e144"');
    await q.query('ALTER TABLE "tickets" DROP CONSTRAINT "FK_32a7f0e4e32a46a094b55f7c25c"');
    await q.query('ALTER TABLE "tickets" DROP CONSTRAINT "FK_38b2f9803395427e46eb3467312"');
    await q.query('ALTER TABLE "contact_identities" DROP CONSTRAINT "FK_1d4a95cd88e42cb1ec58e5bc952"');
    await q.query('DROP TABLE "ticket_number_counters"');
    await q.query('DROP INDEX "public"."idx_attachments_ticket"');
    await q.query('DROP INDEX "public"."idx_attachments_message"');
    await q.query('DROP TABLE "attachments"');
    await q.query('DROP INDEX "public"."idx_messages_ticket"');
    await q.query('DROP INDEX "public"."uq_messages_channel_external_id"');
    await q.query('DROP TABLE "messages"');
    await q.query('DROP INDEX "public"."idx_tickets_queue_activity"');
    await q.query('DROP INDEX "public"."idx_tickets_team_queue"');
    await q.query('DROP INDEX "public"."idx_tickets_assignee_queue"');
    await q.query('DROP INDEX "public"."idx_tickets_contact"');
    await q.query('DROP INDEX "public"."idx_tickets_created"');
    await q.query('DROP TABLE "tickets"');
    await q.query('DROP TABLE "categories"');
    await q.query('DROP INDEX "public"."idx_contacts_merged_into"');
    await q.query('DROP INDEX "public"."uq_contacts_national_id_hash"');
    await q.query('DROP INDEX "public"."uq_contacts_membership_number"');
    await q.query('DROP TABLE "contacts"');
    await q.query('DROP INDEX "public"."uq_contact_identities_kind_address"');
    await q.query('DROP INDEX "public"."idx_contact_identities_contact"');
    await q.query('DROP TABLE "contact_identities"');
  }
}
