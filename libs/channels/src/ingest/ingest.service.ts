import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AppConfig, DomainError } from '@app/common';
import { Contact, ContactsService } from '@app/contacts';
import { withAdvisoryLock } from '@app/database';
import { RedisClient } from '@app/queue';
import { Message, Ticket, TicketsService, parseTicketNumber, type TicketType } from '@app/tickets';
import type { InboundContact } from '../core/channel-adapter.js';
import type { InboundEvent } from '../inbound/inbound-event.entity.js';
import { InboundEventsService } from '../inbound/inbound-events.service.js';
import { MessageTemplatesService } from '../templates/message-templates.service.js';
import { MediaDownloader } from './media-downloader.js';
import { pickEmailThread, pickOpenThread, type ThreadCandidate } from './threading.js';

export interface IngestResult {
  ticketId: string | null;
  messageId: string | null;
  newTicket: boolean;
  acknowledged: boolean;
}

/**
 * Turns a stored inbound event into a message on a ticket: find or create the contact, join
 * the conversation it belongs to or open a ticket, then acknowledge a new ticket on the same
 * channel. Running twice for one event does no harm (the message's external id is unique).
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger(IngestService.name);

  constructor(
    private readonly events: InboundEventsService,
    private readonly contacts: ContactsService,
    private readonly tickets: TicketsService,
    private readonly templates: MessageTemplatesService,
    private readonly media: MediaDownloader,
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async ingestEvent(eventId: string): Promise<IngestResult> {
    const event = await this.events.get(eventId);
    if (!event) throw DomainError.notFound('Inbound event', eventId);
    if (event.status !== 'received') return { ticketId: event.ticketId, messageId: event.messageId, newTicket: false, acknowledged: false };
    return this.ingest(event);
  }

  async ingest(event: InboundEvent): Promise<IngestResult> {
    const inbound = event.payload;
    const existing = await this.dataSource.getRepository(Message).findOneBy({ channel: inbound.channel, externalId: inbound.externalId });
    if (existing) {
      // A retry after a crash between storing the message and acknowledging it: finish the acknowledgement.
      const first = (await this.tickets.messagesOf(existing.ticketId))[0];
      const newTicket = first?.id === existing.id;
      const contact = newTicket ? await this.dataSource.getRepository(Contact).findOneBy({ id: existing.authorContactId ?? '' }) : null;
      const acknowledged = newTicket && contact ? await this.acknowledge(existing.ticketId, contact, inbound) : false;
      await this.events.markProcessed(event.id, { ticketId: existing.ticketId, messageId: existing.id });
      return { ticketId: existing.ticketId, messageId: existing.id, newTicket, acknowledged };
    }
    const { contact } = await this.contacts.findOrCreateByIdentity(
      { kind: inbound.from.kind, address: inbound.from.address },
      { name: inbound.from.name },
    );
    const { stored, skipped } = await this.media.storeAll(inbound.attachments);
    const message = {
      direction: 'inbound' as const,
      body: inbound.text,
      bodyHtml: inbound.html ?? null,
      authorContactId: contact.id,
      externalId: inbound.externalId,
      meta: {
        ...(inbound.meta ?? {}),
        ...(inbound.threadHints.messageId ? { emailMessageId: inbound.threadHints.messageId } : {}),
        ...(skipped.length ? { skippedAttachments: skipped } : {}),
      },
      attachments: stored,
      channel: inbound.channel,
    };
    // One decision at a time per contact and channel, so two first messages never open two tickets.
    const result = await withAdvisoryLock(this.dataSource, `ingest:${contact.id}:${inbound.channel}`, async () => {
      const threadId = await this.findThread(inbound, contact);
      if (threadId) {
        const m = await this.tickets.addInbound(threadId, message);
        return { ticketId: threadId, messageId: m.id, newTicket: false };
      }
      const ticket = await this.tickets.open(
        { contactId: contact.id, channel: inbound.channel, subject: subjectOf(inbound), type: typeOf(inbound), firstMessage: message },
        { id: null },
      );
      const first = (await this.tickets.messagesOf(ticket.id))[0];
      return { ticketId: ticket.id, messageId: first?.id ?? null, newTicket: true };
    });
    // Acknowledge before marking the event processed: if this fails, the retry finds the message and acknowledges then.
    const acknowledged = result.newTicket ? await this.acknowledge(result.ticketId, contact, inbound) : false;
    await this.events.markProcessed(event.id, { ticketId: result.ticketId, messageId: result.messageId });
    return { ...result, acknowledged };
  }

  private async findThread(inbound: InboundContact, contact: Contact): Promise<string | null> {
    const now = new Date();
    const window = this.config.INBOUND_REOPEN_HOURS;
    if (inbound.channel === 'email') {
      const refs = [inbound.threadHints.inReplyTo, ...(inbound.threadHints.references ?? [])].filter((r): r is string => !!r);
      const byHeaders = refs.length ? await this.candidateByOurMessageIds(refs) : null;
      const number = inbound.threadHints.subjectTicketNumber ? parseTicketNumber(inbound.threadHints.subjectTicketNumber) : null;
      const tagged = number ? await this.tickets.findByNumber(number) : null;
      return pickEmailThread(contact.id, byHeaders, tagged ? candidate(tagged) : null, now, window);
    }
    const recent = await this.dataSource.getRepository(Ticket).find({
      where: { contactId: contact.id, channel: inbound.channel, status: In(['new', 'open', 'pending', 'with_committee', 'resolved']) },
      order: { lastActivityAt: 'DESC' },
      take: 5,
    });
    return pickOpenThread(recent.map(candidate), now, window);
  }

  /** The ticket of one of OUR outbound e-mails named in In-Reply-To / References (random ids: not guessable). */
  private async candidateByOurMessageIds(refs: string[]): Promise<ThreadCandidate | null> {
    const message = await this.dataSource
      .getRepository(Message)
      .createQueryBuilder('m')
      .where("m.channel = 'email' AND m.direction = 'outbound' AND m.external_id IN (:...refs)", { refs })
      .orderBy('m.created_at', 'DESC')
      .getOne();
    if (!message) return null;
    const ticket = await this.dataSource.getRepository(Ticket).findOneBy({ id: message.ticketId });
    return ticket ? candidate(ticket) : null;
  }

  /** The acknowledgement with the ticket number, on the same channel, in the contact's language; limited per sender to stop loops. */
  private async acknowledge(ticketId: string, contact: Contact, inbound: InboundContact): Promise<boolean> {
    const already: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM messages WHERE ticket_id = $1 AND meta->>'kind' = 'acknowledgement' LIMIT 1`,
      [ticketId],
    );
    if (already.length) return true;
    const key = `ack:${inbound.channel}:${inbound.from.address.toLowerCase()}`;
    const count = await this.redis.client.incr(key);
    if (count === 1) await this.redis.client.expire(key, 3600);
    if (count > this.config.ACK_LIMIT_PER_HOUR) {
      this.logger.warn(`acknowledgement to ${inbound.channel} sender suppressed: more than ${this.config.ACK_LIMIT_PER_HOUR} in an hour`);
      return false;
    }
    const ticket = await this.tickets.get(ticketId);
    // A form's addresses are unverified (anyone can type someone else's): its acknowledgement carries our own text and the
    // ticket number only, never what was submitted — no name, and an e-mail subject of ours instead of "Re: <their subject>".
    const ownTextOnly = inbound.channel === 'web' || inbound.channel === 'help_request';
    const variables = { ticketNumber: ticket.number, name: ownTextOnly ? '' : contact.name };
    const rendered = await this.templates.render('acknowledgement', contact.preferredLanguage, inbound.channel, variables);
    const emailSubject = async () => (await this.templates.render('acknowledgement', contact.preferredLanguage, 'email', variables)).subject;
    const subject = rendered.subject ?? (ownTextOnly ? ((await emailSubject()) ?? `[#${ticket.number}]`) : null);
    await this.tickets.addSystemOutbound(ticketId, rendered.body, { kind: 'acknowledgement', ...(subject ? { subject } : {}) });
    return true;
  }
}

function candidate(t: Ticket): ThreadCandidate {
  return { ticketId: t.id, contactId: t.contactId, status: t.status, resolvedAt: t.resolvedAt, lastActivityAt: t.lastActivityAt };
}

function subjectOf(inbound: InboundContact): string {
  const subject = inbound.subject?.replace(/\s+/g, ' ').trim();
  if (subject) return subject.slice(0, 300);
  const text = inbound.text.replace(/\s+/g, ' ').trim();
  return text ? (text.length > 80 ? `${text.slice(0, 80)}…` : text) : `(${inbound.channel})`;
}

function typeOf(inbound: InboundContact): TicketType {
  return inbound.channel === 'help_request' ? 'help_request' : 'inquiry';
}
