import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, DomainError } from '@app/common';
import { type Channel, Contact, ContactIdentity } from '@app/contacts';
import { entityFromRow, type Row } from '@app/database';
import {
  Attachment,
  AttachmentLinkSigner,
  Message,
  Ticket,
  TicketsService,
} from '@app/tickets';
import { ChannelDeliveryError, type DeliveryChannel, type OutboundMessage } from '../core/channel-adapter.js';
import { ChannelRegistry } from '../core/channel-registry.js';
import { chooseDeliveryRoute } from '../core/delivery-route.js';
import { lastWhatsAppInboundAt, whatsAppWindowOpen } from '../twilio/whatsapp-window.js';


export type DeliveryOutcome = { delivered: true; via: DeliveryChannel; sandbox: boolean } | { delivered: false; reason: string; skipped?: boolean };

/**
 * Delivers one stored outbound message on the contact's own channel. The message row exists
 * before this runs, so a crash never loses a reply; a message already past `queued` is not sent again.
 */
@Injectable()
export class OutboundDeliveryService {
  private readonly logger = new Logger(OutboundDeliveryService.name);

  constructor(
    private readonly registry: ChannelRegistry,
    private readonly tickets: TicketsService,
    private readonly config: AppConfig,
    private readonly links: AttachmentLinkSigner,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async deliver(messageId: string): Promise<DeliveryOutcome> {
    const message = await this.toDeliver(messageId);
    if (message.direction !== 'outbound') return { delivered: false, reason: 'not an outbound message', skipped: true };
    if (message.deliveryStatus !== 'queued') return { delivered: false, reason: `already ${message.deliveryStatus}`, skipped: true };
    const { ticket } = message;
    const { contact } = ticket;
    const identities = contact.identities ?? [];
    // An officer may answer a WhatsApp contact by SMS (outside the 24-hour window), or pick e-mail.
    const override = message.meta.replyVia === 'sms' || message.meta.replyVia === 'email' ? message.meta.replyVia : null;
    const route = override
      ? chooseDeliveryRoute(override, identities)
      : chooseDeliveryRoute(ticket.channel, identities, contact.preferredChannel === 'email' ? 'email' : undefined);
    if (route.via === null) return this.fail(message, route.reason);

    const out: OutboundMessage = {
      messageId: message.id,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      to: route.to,
      text: message.body,
      // Channels that carry a link instead of the file get one the contact can open for 30 days.
      attachments: (message.attachments ?? []).map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        sha256: a.sha256,
        url: this.links.url(this.config.PUBLIC_BASE_URL, a.id, new Date(Date.now() + 30 * 24 * 3600_000)),
      })),
      statusCallbackUrl: `${this.config.PUBLIC_BASE_URL}/webhooks/twilio/status`,
      automatic: message.meta.kind === 'acknowledgement',
    };
    if (route.via === 'whatsapp') {
      const refusal = await this.applyWhatsAppWindow(message, ticket.contactId, out);
      if (refusal) return this.fail(message, refusal);
    }
    if (route.via === 'email') await this.addEmailThreading(message, ticket.id, ticket.number, ticket.subject, out);

    const sender = this.registry.get(route.via);
    try {
      const result = await sender.send(out);
      await this.tickets.recordDelivery(
        message.id,
        {
          status: result.status,
          externalId: result.externalId,
          channel: route.via === 'manual' ? undefined : (route.via as Channel),
          meta: { via: route.via, ...(result.sandbox ? { sandbox: true } : {}), ...(result.meta ?? {}) },
        },
        message,
      );
      return { delivered: true, via: route.via, sandbox: result.sandbox };
    } catch (error) {
      if (error instanceof ChannelDeliveryError && !error.retryable) return this.fail(message, error.message);
      throw error;
    }
  }

  /** The message with its attachments, its ticket and the ticket's contact with identities: one plain query. */
  private async toDeliver(messageId: string): Promise<Message & { ticket: Ticket & { contact: Contact } }> {
    const rows: (Row & { ticket: Row; contact: Row; attachments: Row[]; identities: Row[] })[] =
      await this.dataSource.query(
        `SELECT m.*, to_jsonb(t) AS ticket, to_jsonb(c) AS contact,
                (SELECT coalesce(jsonb_agg(a ORDER BY a.created_at, a.id), '[]') FROM attachments a WHERE a.message_id = m.id) AS attachments,
                (SELECT coalesce(jsonb_agg(i ORDER BY i.created_at, i.id), '[]') FROM contact_identities i WHERE i.contact_id = c.id) AS identities
           FROM messages m JOIN tickets t ON t.id = m.ticket_id JOIN contacts c ON c.id = t.contact_id
          WHERE m.id = $1`,
        [messageId],
      );
    const row = rows[0];
    if (!row) throw DomainError.notFound('Message', messageId);
    const m = this.dataSource.manager;
    const contact = Object.assign(entityFromRow(m, Contact, row.contact), { identities: row.identities.map((i) => entityFromRow(m, ContactIdentity, i)) });
    const ticket = Object.assign(entityFromRow(m, Ticket, row.ticket), { contact });
    return Object.assign(entityFromRow(m, Message, row), { ticket, attachments: row.attachments.map((a) => entityFromRow(m, Attachment, a)) });
  }

  /** Outbound messages still queued a while after they were stored (Redis was down when they were). */
  async stuckQueued(olderThanMs = 60_000, batch = 500): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM messages WHERE direction = 'outbound' AND delivery_status = 'queued' AND created_at < now() - ($1::int * interval '1 millisecond') ORDER BY created_at LIMIT $2`,
      [olderThanMs, batch],
    );
    return rows.map((r) => r.id);
  }

  /** After the last retry of a temporary error, the message is marked failed with the reason. */
  async giveUp(messageId: string, reason: string): Promise<void> {
    const message = await this.tickets.message(messageId);
    await this.fail(message, reason);
  }

  private async fail(message: Message, reason: string): Promise<DeliveryOutcome> {
    this.logger.warn(`message ${message.id} not delivered: ${reason}`);
    await this.tickets.recordDelivery(message.id, { status: 'failed', error: reason }, message);
    return { delivered: false, reason };
  }

  /**
   * WhatsApp allows free-form text only within 24 hours of the contact's last message; outside
   * it only an approved template may be sent (REFERENCE §1.2).
   */
  private async applyWhatsAppWindow(message: Message, contactId: string, out: OutboundMessage): Promise<string | null> {
    const open = whatsAppWindowOpen(await lastWhatsAppInboundAt(this.dataSource, contactId), new Date());
    const template = message.meta.whatsappTemplate as { contentSid: string; variables: Record<string, string> } | undefined;
    if (template) {
      out.template = template;
      return null;
    }
    if (open) return null;
    return 'outside WhatsApp’s 24-hour window: send an approved template or reply by SMS';
  }

  private async addEmailThreading(message: Message, ticketId: string, number: string, ticketSubject: string, out: OutboundMessage): Promise<void> {
    const earlier = await this.dataSource
      .getRepository(Message)
      .createQueryBuilder('m')
      .where("m.ticket_id = :ticketId AND m.channel = 'email' AND m.external_id IS NOT NULL AND m.id <> :id", { ticketId, id: message.id })
      .orderBy('m.created_at', 'ASC')
      .getMany();
    // Only real Message-IDs thread (not the sha256 ids of mail that had none, nor sandbox ids).
    const threaded = earlier.filter((m) => /^<[^<>\s]+@[^<>\s]+>$/.test(m.externalId ?? ''));
    const lastInbound = [...threaded].reverse().find((m) => m.direction === 'inbound');
    const domain = this.config.SUPPORT_EMAIL.split('@')[1];
    // Our own ids carry a random part (the rest of the message's random uuid), so a stranger cannot guess
    // one to join someone else's ticket; derived from the message, a retried send keeps its Message-ID.
    const hex = message.id.replace(/-/g, '');
    out.email = {
      messageId: `<t${number}.m${hex.slice(0, 8)}.${hex.slice(8)}@${domain}>`,
      inReplyTo: lastInbound?.externalId ?? undefined,
      references: threaded.map((m) => m.externalId as string).slice(-20),
    };
    const base = (message.meta.subject as string | undefined) ?? `Re: ${ticketSubject}`;
    out.subject = base.includes(`[#${number}]`) ? base : `[#${number}] ${base}`;
  }
}
