import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInboundEventsAndTemplates1795629221607 implements MigrationInterface {
  name = 'CreateInboundEventsAndTemplates1795629221607';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "inbound_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel" text NOT NULL, "external_id" text NOT NULL, "payload" jsonb NOT NULL, "status" text NOT NULL DEFAULT \'received\', "attempts" integer NOT NULL DEFAULT \'0\', "error" text, "ticket_id" uuid, "message_id" uuid, "received_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b76e26fa0121da742b191b7ded0" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "idx_inbound_events_pending" ON "inbound_events"  ("status", "received_at") ');
    await q.query('CREATE UNIQUE INDEX "uq_inbound_events_channel_external_id" ON "inbound_events"  ("channel", "external_id") ');
    await q.query(
      'CREATE TABLE "message_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "language" text NOT NULL, "channel" text NOT NULL DEFAULT \'\', "subject" text, "body" text NOT NULL, "whatsapp_content_sid" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9ac2bd9635be662d183f314947d" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_message_templates_key_language_channel" ON "message_templates"  ("key", "language", "channel") ');
    // Default texts; admins edit them through the API.
    await q.query('INSERT INTO message_templates (key, language, channel, subject, body) VALUES ($1, $2, $3, $4, $5)', [
      'acknowledgement',
      'ar',
      '',
      null,
      'شكراً لتواصلك مع الجمعية. استلمنا طلبك برقم {{ticketNumber}} وسيتواصل معك أحد موظفي علاقات المستفيدين قريباً.',
    ]);
    await q.query('INSERT INTO message_templates (key, language, channel, subject, body) VALUES ($1, $2, $3, $4, $5)', [
      'acknowledgement',
      'en',
      '',
      null,
      'Thank you for contacting the association. We received your request, number {{ticketNumber}}, and a relationship officer will get back to you soon.',
    ]);
    await q.query('INSERT INTO message_templates (key, language, channel, subject, body) VALUES ($1, $2, $3, $4, $5)', [
      'acknowledgement',
      'ar',
      'email',
      'استلمنا طلبك [#{{ticketNumber}}]',
      'السلام عليكم {{name}}،\n\nشكراً لتواصلك مع الجمعية. استلمنا رسالتك وسُجّلت برقم {{ticketNumber}}. للمتابعة ردّ على هذه الرسالة مع إبقاء الرقم في العنوان.\n\nمع التحية،\nخدمة المستفيدين',
    ]);
    await q.query('INSERT INTO message_templates (key, language, channel, subject, body) VALUES ($1, $2, $3, $4, $5)', [
      'acknowledgement',
      'en',
      'email',
      'We received your request [#{{ticketNumber}}]',
      'Hello {{name}},\n\nThank you for contacting the association. Your message was registered as {{ticketNumber}}. To follow up, reply to this e-mail and keep the number in the subject.\n\nKind regards,\nBeneficiary services',
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."uq_message_templates_key_language_channel"');
    await q.query('DROP TABLE "message_templates"');
    await q.query('DROP INDEX "public"."uq_inbound_events_channel_external_id"');
    await q.query('DROP INDEX "public"."idx_inbound_events_pending"');
    await q.query('DROP TABLE "inbound_events"');
  }
}
