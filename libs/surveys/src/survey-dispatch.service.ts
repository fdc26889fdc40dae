import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '@app/audit';
import { lastWhatsAppInboundAt, MessageTemplatesService, whatsAppWindowOpen } from '@app/channels';
import { AppConfig } from '@app/common';
import type { Contact } from '@app/contacts';
import { type Ticket, TicketsService } from '@app/tickets';
import {
  chooseSurveyDelivery,
  decideReminder,
  decideSurvey,
  deliveryMeta,
  reminderDelayMs,
  type ReminderSkipReason,
  type SurveyDelivery,
  type SurveySkipReason,
  type WhatsAppFacts,
} from './survey-guards.js';
import { SurveyInvitation } from './survey-invitation.entity.js';
import type { SendInvitationJob, SendReminderJob } from './survey-jobs.js';
import { SurveyQueue } from './survey-queue.js';
import { SurveySettingsService } from './survey-settings.service.js';
import { createSurveyToken, surveyLinks } from './survey-token.js';

export const INVITATION_TEMPLATE = 'survey_invitation';
export const REMINDER_TEMPLATE = 'survey_reminder';

/** A WhatsApp message queued this close to the end of the 24-hour window might be delivered after it closes. */
const WINDOW_SAFETY_MS = 10 * 60_000;

export type DispatchOutcome =
  | { sent: true; invitationId: string; messageId: string; via: SurveyDelivery['via'] }
  | { sent: false; reason: SurveySkipReason | ReminderSkipReason | 'unknown_ticket' | 'unknown_invitation' };

/**
 * Sends the survey invitation when its delayed job comes due, and the one reminder. Every guard
 * is checked again here (the ticket may have been re-opened, the contact may have opted out).
 */
@Injectable()
export class SurveyDispatchService {
  private readonly logger = new Logger(SurveyDispatchService.name);

  constructor(
    @InjectRepository(SurveyInvitation) private readonly invitations: Repository<SurveyInvitation>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly templates: MessageTemplatesService,
    private readonly settings: SurveySettingsService,
    private readonly queue: SurveyQueue,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async sendInvitation(job: SendInvitationJob): Promise<DispatchOutcome> {
    const ticket = await this.tickets.get(job.ticketId).catch(() => null);
    if (!ticket) return { sent: false, reason: 'unknown_ticket' };
    const contact = await this.tickets.contactOf(ticket);
    const settings = await this.settings.current();
    const existing = await this.invitations.findOneBy({ ticketId: ticket.id });
    const language = contact.preferredLanguage === 'en' ? 'en' : 'ar';
    const decision = decideSurvey({
      ticket,
      contact: { surveyOptOut: contact.surveyOptOut, preferredChannel: contact.preferredChannel, identities: contact.identities ?? [] },
      policy: settings,
      alreadySent: !!existing?.messageId,
      whatsapp: ticket.channel === 'whatsapp' ? await this.whatsAppFacts(contact.id, INVITATION_TEMPLATE, language) : NO_WHATSAPP,
    });
    if (!decision.send) {
      this.logger.log(`no survey for ticket ${ticket.number}: ${decision.reason}`);
      return { sent: false, reason: decision.reason };
    }

    const { token, hash } = createSurveyToken();
    const expiresAt = new Date(Date.now() + settings.expiryDays * 86_400_000);
    const invitationId = await this.claimInvitation(ticket, job.assigneeId, hash, language, decision.delivery.via, expiresAt);
    if (!invitationId) return { sent: false, reason: 'already_sent' };

    const messageId = await this.sendMessage(ticket, contact, INVITATION_TEMPLATE, language, decision.delivery, token, {
      survey: 'invitation',
      surveyInvitationId: invitationId,
    });
    const sentAt = new Date();
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(SurveyInvitation).update(invitationId, { messageId, sentAt });
      await this.audit.record(
        {
          actorId: null,
          action: 'survey.sent',
          entityType: 'survey',
          entityId: ticket.id,
          after: { invitationId, ticketNumber: ticket.number, via: decision.delivery.via, messageId, expiresAt: expiresAt.toISOString() },
        },
        manager,
      );
    });
    const delay = reminderDelayMs(settings.reminderAfterHours, sentAt, expiresAt);
    if (delay !== null) await this.queue.scheduleReminder(ticket.id, { version: 1, invitationId }, delay);
    return { sent: true, invitationId, messageId, via: decision.delivery.via };
  }

  async sendReminder(job: SendReminderJob): Promise<DispatchOutcome> {
    const invitation = await this.invitations.findOneBy({ id: job.invitationId });
    if (!invitation) return { sent: false, reason: 'unknown_invitation' };
    const ticket = await this.tickets.get(invitation.ticketId);
    const contact = await this.tickets.contactOf(ticket);
    const settings = await this.settings.current();
    const decision = decideReminder({
      reminderAfterHours: settings.reminderAfterHours,
      invitation,
      contactOptedOut: contact.surveyOptOut,
      ticket,
      now: new Date(),
    });
    if (!decision.send) {
      this.logger.log(`no survey reminder for ticket ${ticket.number}: ${decision.reason}`);
      return { sent: false, reason: decision.reason };
    }
    const whatsapp = ticket.channel === 'whatsapp' ? await this.whatsAppFacts(contact.id, REMINDER_TEMPLATE, invitation.language) : NO_WHATSAPP;
    const delivery = chooseSurveyDelivery(
      ticket.channel,
      { identities: contact.identities ?? [], preferredChannel: contact.preferredChannel },
      whatsapp,
    );
    if (!delivery) return { sent: false, reason: 'unreachable' };

    // A second token: the first link keeps working, and neither is stored in clear.
    const { token, hash } = createSurveyToken();
    const claimed = await this.invitations
      .createQueryBuilder()
      .update()
      .set({ reminderTokenHash: hash, remindedAt: () => 'now()' })
      .where('id = :id AND reminded_at IS NULL AND answered_at IS NULL', { id: invitation.id })
      .execute();
    if (!claimed.affected) return { sent: false, reason: 'already_reminded' };
    const messageId = await this.sendMessage(ticket, contact, REMINDER_TEMPLATE, invitation.language, delivery, token, {
      survey: 'reminder',
      surveyInvitationId: invitation.id,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(SurveyInvitation).update(invitation.id, { reminderMessageId: messageId });
      await this.audit.record(
        {
          actorId: null,
          action: 'survey.reminded',
          entityType: 'survey',
          entityId: ticket.id,
          after: { invitationId: invitation.id, via: delivery.via, messageId },
        },
        manager,
      );
    });
    return { sent: true, invitationId: invitation.id, messageId, via: delivery.via };
  }

  /**
   * Creates the invitation row, or takes over one left behind by a crash before its message was
   * stored. Null when an invitation for this ticket has already gone out (unique per ticket).
   */
  private async claimInvitation(
    ticket: Ticket,
    assigneeId: string | null,
    tokenHash: string,
    language: 'ar' | 'en',
    via: string,
    expiresAt: Date,
  ): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO survey_invitations (ticket_id, contact_id, token_hash, via, language, channel, ticket_type, category_id, team_id, assignee_id, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (ticket_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, via = EXCLUDED.via, language = EXCLUDED.language, expires_at = EXCLUDED.expires_at
       WHERE survey_invitations.message_id IS NULL
       RETURNING id`,
      [
        ticket.id,
        ticket.contactId,
        tokenHash,
        via,
        language,
        ticket.channel,
        ticket.type,
        ticket.categoryId,
        ticket.teamId,
        assigneeId ?? ticket.assigneeId,
        expiresAt,
      ],
    );
    return rows[0]?.id ?? null;
  }

  private async sendMessage(
    ticket: Ticket,
    contact: Contact,
    templateKey: string,
    language: 'ar' | 'en',
    delivery: SurveyDelivery,
    token: string,
    meta: Record<string, unknown>,
  ): Promise<string> {
    const { link, optOutLink } = surveyLinks(this.config.PUBLIC_BASE_URL, token);
    const templateChannel = delivery.via === 'whatsapp_template' ? 'whatsapp' : delivery.via;
    const rendered = await this.templates.render(templateKey, language, templateChannel, {
      name: contact.name,
      ticketNumber: ticket.number,
      link,
      optOutLink,
    });
    // An approved WhatsApp template takes numbered variables: {{1}} the ticket number, {{2}} the link's token (URL button).
    const message = await this.tickets.addSystemOutbound(ticket.id, rendered.body, {
      ...meta,
      ...deliveryMeta(delivery, { '1': ticket.number, '2': token }),
      ...(rendered.subject ? { subject: rendered.subject } : {}),
    });
    return message.id;
  }

  private async whatsAppFacts(contactId: string, templateKey: string, language: 'ar' | 'en'): Promise<WhatsAppFacts> {
    const windowOpen = whatsAppWindowOpen(await lastWhatsAppInboundAt(this.dataSource, contactId), new Date(), WINDOW_SAFETY_MS);
    const rendered = await this.templates.render(templateKey, language, 'whatsapp', {}).catch(() => null);
    return { windowOpen, templateContentSid: rendered?.whatsappContentSid ?? null };
  }
}

const NO_WHATSAPP: WhatsAppFacts = { windowOpen: false, templateContentSid: null };
