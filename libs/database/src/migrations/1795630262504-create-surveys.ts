import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Default texts of the survey messages: [key, language, channel ('' = any), subject, body]. Admins edit them through the templates API. */
const SURVEY_TEMPLATES: [string, 'ar' | 'en', string, string | null, string][] = [
  [
    'survey_invitation',
    'ar',
    '',
    null,
    'شكراً لتواصلك مع الجمعية بشأن الطلب {{ticketNumber}}. يهمنا رأيك في خدمتنا (دقيقة واحدة): {{link}}\nلإيقاف رسائل التقييم: {{optOutLink}}',
  ],
  [
    'survey_invitation',
    'en',
    '',
    null,
    'Thank you for contacting the association about request {{ticketNumber}}. Please tell us how we did (one minute): {{link}}\nTo stop survey messages: {{optOutLink}}',
  ],
  [
    'survey_invitation',
    'ar',
    'email',
    'كيف كانت خدمتنا؟ [#{{ticketNumber}}]',
    'السلام عليكم {{name}}،\n\nتمت معالجة طلبك رقم {{ticketNumber}}. نرجو أن تشاركنا رأيك في الخدمة التي قدمناها لك، ولن يستغرق ذلك أكثر من دقيقة:\n{{link}}\n\nرأيك يساعدنا على تحسين خدماتنا.\n\nإن كنت لا ترغب في تلقي رسائل التقييم: {{optOutLink}}\n\nمع التحية،\nخدمة المستفيدين',
  ],
  [
    'survey_invitation',
    'en',
    'email',
    'How did we do? [#{{ticketNumber}}]',
    'Hello {{name}},\n\nYour request {{ticketNumber}} has been dealt with. Please tell us what you thought of our service; it takes a minute:\n{{link}}\n\nYour answer helps us improve.\n\nIf you would rather not receive surveys: {{optOutLink}}\n\nKind regards,\nBeneficiary services',
  ],
  ['survey_reminder', 'ar', '', null, 'تذكير: يهمنا رأيك في خدمتنا بشأن الطلب {{ticketNumber}}: {{link}}\nلإيقاف رسائل التقييم: {{optOutLink}}'],
  [
    'survey_reminder',
    'en',
    '',
    null,
    'A reminder: we would value your opinion of our service on request {{ticketNumber}}: {{link}}\nTo stop survey messages: {{optOutLink}}',
  ],
  [
    'survey_reminder',
    'ar',
    'email',
    'تذكير: كيف كانت خدمتنا؟ [#{{ticketNumber}}]',
    'السلام عليكم {{name}}،\n\nنذكّرك بأن رأيك في خدمتنا بشأن الطلب {{ticketNumber}} يهمنا:\n{{link}}\n\nإن كنت لا ترغب في تلقي رسائل التقييم: {{optOutLink}}\n\nمع التحية،\nخدمة المستفيدين',
  ],
  [
    'survey_reminder',
    'en',
    'email',
    'Reminder: how did we do? [#{{ticketNumber}}]',
    'Hello {{name}},\n\nA reminder that we would value your opinion of our service on request {{ticketNumber}}:\n{{link}}\n\nIf you would rather not receive surveys: {{optOutLink}}\n\nKind regards,\nBeneficiary services',
  ],
];

export class CreateSurveys1795630262504 implements MigrationInterface {
  name = 'CreateSurveys1795630262504';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "survey_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "token_hash" text NOT NULL, "reminder_token_hash" text, "via" text, "language" text NOT NULL, "channel" text NOT NULL, "ticket_type" text NOT NULL, "category_id" uuid, "team_id" uuid, "assignee_id" uuid, "message_id" uuid, "reminder_message_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP(3) WITH TIME ZONE, "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "reminded_at" TIMESTAMP(3) WITH TIME ZONE, "answered_at" TIMESTAMP(3) WITH TIME ZONE, "opted_out_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_8a42ab5d797ea8f45e4155ebbc2" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "idx_survey_invitations_contact" ON "survey_invitations"  ("contact_id") ');
    await q.query('CREATE INDEX "idx_survey_invitations_sent" ON "survey_invitations"  ("sent_at") ');
    await q.query(
      'CREATE UNIQUE INDEX "uq_survey_invitations_reminder_token_hash" ON "survey_invitations"  ("reminder_token_hash") WHERE reminder_token_hash IS NOT NULL',
    );
    await q.query('CREATE UNIQUE INDEX "uq_survey_invitations_token_hash" ON "survey_invitations"  ("token_hash") ');
    await q.query('CREATE UNIQUE INDEX "uq_survey_invitations_ticket" ON "survey_invitations"  ("ticket_id") ');
    await q.query(
      'CREATE TABLE "survey_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invitation_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "score" smallint NOT NULL, "answers" jsonb NOT NULL DEFAULT \'{}\', "comment" text, "recovery_ticket_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_survey_responses_score" CHECK ("score" BETWEEN 1 AND 5), CONSTRAINT "PK_349995c51959d139d8e485a58ea" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "idx_survey_responses_created" ON "survey_responses"  ("created_at", "id") ');
    await q.query('CREATE UNIQUE INDEX "uq_survey_responses_ticket" ON "survey_responses"  ("ticket_id") ');
    await q.query('CREATE UNIQUE INDEX "uq_survey_responses_invitation" ON "survey_responses"  ("invitation_id") ');
    await q.query(
      'CREATE TABLE "survey_settings" ("id" integer NOT NULL, "enabled" boolean NOT NULL, "channels" text array NOT NULL, "ticket_types" text array NOT NULL, "expiry_days" integer NOT NULL, "reminder_after_hours" double precision NOT NULL, "recovery_max_score" integer NOT NULL, "recovery_keywords" text array NOT NULL, "questions" jsonb NOT NULL, "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_survey_settings_single_row" CHECK ("id" = 1), CONSTRAINT "PK_89fc312c965af1bbd5d8f15049e" PRIMARY KEY ("id"))',
    );
    await q.query(
      'ALTER TABLE "survey_invitations" ADD CONSTRAINT "FK_4cf665551c2266aa236d88b87be" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "survey_responses" ADD CONSTRAINT "FK_7e82b5cc23ee037b01d7c7aaf1e" FOREIGN KEY ("invitation_id") REFERENCES "survey_invitations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    for (const [key, language, channel, subject, body] of SURVEY_TEMPLATES) {
      await q.query(
        'INSERT INTO message_templates (key, language, channel, subject, body) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key, language, channel) DO NOTHING',
        [key, language, channel, subject, body],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DELETE FROM message_templates WHERE key IN ('survey_invitation', 'survey_reminder')");
    await q.query('ALTER TABLE "survey_responses" DROP CONSTRAINT "FK_7e82b5cc23ee037b01d7c7aaf1e"');
    await q.query('ALTER TABLE "survey_invitations" DROP CONSTRAINT "FK_4cf665551c2266aa236d88b87be"');
    await q.query('DROP TABLE "survey_settings"');
    await q.query('DROP INDEX "public"."uq_survey_responses_invitation"');
    await q.query('DROP INDEX "public"."uq_survey_responses_ticket"');
    await q.query('DROP INDEX "public"."idx_survey_responses_created"');
    await q.query('DROP TABLE "survey_responses"');
    await q.query('DROP INDEX "public"."uq_survey_invitations_ticket"');
    await q.query('DROP INDEX "public"."uq_survey_invitations_token_hash"');
    await q.query('DROP INDEX "public"."uq_survey_invitations_reminder_token_hash"');
    await q.query('DROP INDEX "public"."idx_survey_invitations_sent"');
    await q.query('DROP INDEX "public"."idx_survey_invitations_contact"');
    await q.query('DROP TABLE "survey_invitations"');
  }
}
