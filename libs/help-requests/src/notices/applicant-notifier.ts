import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { lastWhatsAppInboundAt, MessageTemplatesService } from '@app/channels';
import { Message, TicketsService } from '@app/tickets';
import { whatsappTemplateFor } from './whatsapp-template.js';

/** Notice templates (seeded in Arabic and English; admins edit them) and the variables each one uses. */
export const NOTICE_TEMPLATES = {
  acknowledgement: 'help_request.acknowledgement',
  handoff: 'help_request.handoff',
  handoffResumed: 'help_request.handoff_resumed',
  approved: 'help_request.decision_approved',
  rejected: 'help_request.decision_rejected',
  moreInfo: 'help_request.decision_more_info',
  corrected: 'help_request.decision_corrected',
  declarationCode: 'help_request.declaration_code',
} as const;
export type NoticeTemplate = (typeof NOTICE_TEMPLATES)[keyof typeof NOTICE_TEMPLATES];

/**
 * Tells the applicant on their own channel, in their language: the notice is stored on the ticket
 * as an outbound message and delivered by the outbound queue (retries, sandbox, status callbacks).
 * On WhatsApp outside the 24-hour window the template's approved ContentSid is used, with the
 * values in `whatsappVariables` as {{1}}, {{2}}, … (see docs/help-requests.md).
 */
@Injectable()
export class ApplicantNotifier {
  constructor(
    private readonly templates: MessageTemplatesService,
    private readonly tickets: TicketsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async notify(
    ticketId: string,
    key: NoticeTemplate,
    variables: (language: 'ar' | 'en') => Record<string, string>,
    whatsappVariables: string[],
  ): Promise<Message> {
    const ticket = await this.tickets.get(ticketId);
    const contact = await this.tickets.contactOf(ticket);
    const language = contact.preferredLanguage;
    const vars = variables(language);
    const rendered = await this.templates.render(key, language, ticket.channel, vars);
    const lastInbound = ticket.channel === 'whatsapp' ? await lastWhatsAppInboundAt(this.dataSource, contact.id) : null;
    const template = whatsappTemplateFor(
      ticket.channel,
      lastInbound,
      new Date(),
      rendered.whatsappContentSid,
      whatsappVariables.map((name) => vars[name] ?? ''),
    );
    return this.tickets.addSystemOutbound(ticketId, rendered.body, {
      kind: 'help_request_notice',
      template: key,
      ...(rendered.subject ? { subject: rendered.subject } : {}),
      ...(template ? { whatsappTemplate: template } : {}),
    });
  }
}
