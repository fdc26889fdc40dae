import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditRecord } from '@app/audit';
import { AppConfig, DomainError } from '@app/common';
import { Contact, ContactsService } from '@app/contacts';
import { RedisClient } from '@app/queue';
import { Message, type NewMessage, Ticket, TicketsService, parseTicketNumber, type TicketType, type TicketWrite } from '@app/tickets';
import type { InboundContact } from '../core/channel-adapter.js';
import type { InboundEvent } from '../inbound/inbound-event.entity.js';
import { InboundEventsService, type StoredInboundMessage } from '../inbound/inbound-events.service.js';
import { MessageTemplatesService, type RenderedTemplate } from '../templates/message-templates.service.js';
import { TwilioMediaCleaner } from '../twilio/twilio-media-cleaner.js';
import { MediaDownloader } from './media-downloader.js';
import { SocialSenderName } from './social-sender-name.js';
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
    private readonly senderName: SocialSenderName,
    private readonly twilioMedia: TwilioMediaCleaner,
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** `payload`: the event's stored payload when its job carries it (see `IngestJob`), so the row is not read first. */
  async ingestEvent(eventId: string, payload?: InboundContact): Promise<IngestResult> {
    const event = payload ? this.events.received(eventId, payload) : await this.events.get(eventId);
    if (!event) throw DomainError.notFound('Inbound event', eventId);
    if (event.status !== 'received') return { ticketId: event.ticketId, messageId: event.messageId, newTicket: false, acknowledged: false };
    return this.ingest(event);
  }

  /**
   * One transaction per event: contact, ticket, message, acknowledgement and the event's mark
   * commit together, so a crash leaves either nothing (the sweeper re-queues the event) or all of
   * it (the stored acknowledgement is delivered by the outbound queue or its sweeper).
   */
  async ingest(event: InboundEvent): Promise<IngestResult> {
    const inbound = event.payload;
    // An unusable address fails here, before anything is downloaded or written.
    const identity = this.contacts.identity({ kind: inbound.from.kind, address: inbound.from.address });
    const { stored, skipped, downloaded } = await this.media.storeAll(inbound.attachments);
    const name = await this.senderName.resolve(inbound, identity);
    const message: NewMessage = {
      direction: 'inbound',
      body: inbound.text,
      bodyHtml: inbound.html ?? null,
      externalId: inbound.externalId,
      meta: {
        ...(inbound.meta ?? {}),
        ...(inbound.threadHints.messageId ? { emailMessageId: inbound.threadHints.messageId } : {}),
        ...(skipped.length ? { skippedAttachments: skipped } : {}),
      },
      attachments: stored,
      channel: inbound.channel,
    };
    const done = await this.dataSource.transaction(async (manager) => {
      const claim = await this.events.claim(manager, event.id);
      if (!claim) return null;
      if (claim.storedMessage) return { ...(await this.finishEarlier(manager, event, claim.storedMessage, inbound)), storedNow: false };
      // The transaction's audit entries (a new contact, a new ticket), written with the event's mark at its end.
      const audit: AuditRecord[] = [];
      const { contact, created } = await this.contacts.findOrCreateByIdentity(identity, { name }, manager, audit);
      // One decision at a time per contact and channel, so two first messages never open two tickets. A contact
      // created in this transaction is invisible to others until it commits (and its address stays locked till then).
      if (!created) await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`ingest:${contact.id}:${inbound.channel}`]);
      // A contact created just now has no conversation to join.
      const thread = created ? null : await this.findThread(manager, inbound, contact);
      // Asked before the ticket takes its number: the number counter stays locked until commit.
      const mayAcknowledge = !thread && (await this.withinAcknowledgementLimit(inbound));
      const write = thread
        ? await this.tickets.addInboundWithin(manager, thread, { ...message, authorContactId: contact.id })
        : await this.tickets.openWithin(
            manager,
            {
              contactId: contact.id,
              channel: inbound.channel,
              subject: subjectOf(inbound),
              type: typeOf(inbound),
              firstMessage: { ...message, authorContactId: contact.id },
              ...(mayAcknowledge ? { reply: (ticketNumber: string) => this.acknowledgement(ticketNumber, contact, inbound) } : {}),
            },
            { id: null },
            contact,
            audit,
          );
      const first = write.messages[0];
      // The acknowledgement is stored with the first message of the ticket it opened.
      const acknowledged = write.created && write.messages.length > 1;
      await this.events.markProcessed(event.id, { ticketId: write.ticket.id, messageId: first.id }, manager, audit);
      return { write, result: { ticketId: write.ticket.id, messageId: first.id, newTicket: write.created, acknowledged }, storedNow: true };
    });
    if (!done) {
      // Another run processed the event while this one waited for it.
      const after = await this.events.get(event.id);
      return { ticketId: after?.ticketId ?? null, messageId: after?.messageId ?? null, newTicket: false, acknowledged: false };
    }
    await this.tickets.announce(done.write);
    // Only files this run committed on the message: a run that found the message stored does not know what the earlier one kept.
    if (done.storedNow) await this.twilioMedia.removeStored(downloaded);
    return done.result;
  }

  /**
   * The message is already stored under this provider id (an event left unfinished by an earlier
   * version, or delivered twice under two events): acknowledge it when it opened its ticket and was not acknowledged yet.
   */
  private async finishEarlier(
    manager: EntityManager,
    event: InboundEvent,
    earlier: StoredInboundMessage,
    inbound: InboundContact,
  ): Promise<{ write: TicketWrite; result: IngestResult }> {
    const ticket = await this.tickets.getWithin(manager, earlier.ticketId);
    const write: TicketWrite = { ticket, created: false, messages: [], move: null };
    const [first]: { id: string }[] = await manager.query('SELECT id FROM messages WHERE ticket_id = $1 ORDER BY created_at, id LIMIT 1', [
      ticket.id,
    ]);
    const newTicket = first?.id === earlier.id;
    const already: unknown[] = newTicket
      ? await manager.query(`SELECT 1 FROM messages WHERE ticket_id = $1 AND meta->>'kind' = 'acknowledgement' LIMIT 1`, [ticket.id])
      : [];
    const contact = newTicket && !already.length ? await manager.getRepository(Contact).findOneBy({ id: earlier.authorContactId ?? '' }) : null;
    const reply = contact && (await this.withinAcknowledgementLimit(inbound)) ? await this.acknowledgement(ticket.number, contact, inbound) : null;
    if (reply) await this.tickets.addSystemOutboundWithin(manager, write, reply.body, reply.meta);
    const acknowledged = already.length > 0 || !!reply;
    await this.events.markProcessed(event.id, { ticketId: ticket.id, messageId: earlier.id }, manager);
    return { write, result: { ticketId: ticket.id, messageId: earlier.id, newTicket, acknowledged } };
  }

  /** The ticket the message continues, read with what the console shows of it; null for a new conversation. */
  private async findThread(manager: EntityManager, inbound: InboundContact, contact: Contact): Promise<Ticket | null> {
    const now = new Date();
    const window = this.config.INBOUND_REOPEN_HOURS;
    const tickets = manager.getRepository(Ticket);
    let threadId: string | null;
    if (inbound.channel === 'email') {
      const refs = [inbound.threadHints.inReplyTo, ...(inbound.threadHints.references ?? [])].filter((r): r is string => !!r);
      const byHeaders = refs.length ? await this.candidateByOurMessageIds(manager, refs) : null;
      const number = inbound.threadHints.subjectTicketNumber ? parseTicketNumber(inbound.threadHints.subjectTicketNumber) : null;
      const tagged = number ? await tickets.findOneBy({ number }) : null;
      threadId = pickEmailThread(contact.id, byHeaders, tagged ? candidate(tagged) : null, now, window);
    } else {
      // Read with what the console shows, so the chosen one is not read again.
      const recent = await this.tickets.latestOfContactWithin(
        manager,
        contact.id,
        inbound.channel,
        ['new', 'open', 'pending', 'with_committee', 'resolved'],
        5,
      );
      threadId = pickOpenThread(recent.map(candidate), now, window);
      return recent.find((t) => t.id === threadId) ?? null;
    }
    return threadId ? this.tickets.getWithin(manager, threadId) : null;
  }

  /** The ticket of one of OUR outbound e-mails named in In-Reply-To / References (random ids: not guessable). */
  private async candidateByOurMessageIds(manager: EntityManager, refs: string[]): Promise<ThreadCandidate | null> {
    const ticket = await manager
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .innerJoin(Message, 'm', 'm.ticket_id = t.id')
      .where("m.channel = 'email' AND m.direction = 'outbound' AND m.external_id IN (:...refs)", { refs })
      .orderBy('m.created_at', 'DESC')
      .limit(1)
      .getOne();
    return ticket ? candidate(ticket) : null;
  }

  /** At most ACK_LIMIT_PER_HOUR acknowledgements per sender, so two auto-responders cannot loop. */
  private async withinAcknowledgementLimit(inbound: InboundContact): Promise<boolean> {
    const key = `ack:${inbound.channel}:${inbound.from.address.toLowerCase()}`;
    // One round trip: the window starts with the sender's first acknowledgement (NX keeps a running window's expiry).
    const replies = await this.redis.client.pipeline().incr(key).expire(key, 3600, 'NX').exec();
    const [error, reply] = replies?.[0] ?? [new Error('no reply'), null];
    if (error) throw error;
    const count = Number(reply);
    if (count <= this.config.ACK_LIMIT_PER_HOUR) return true;
    this.logger.warn(`acknowledgement to ${inbound.channel} sender suppressed: more than ${this.config.ACK_LIMIT_PER_HOUR} in an hour`);
    return false;
  }

  /**
   * The acknowledgement with the ticket number, on the same channel, in the contact's language, to store in the
   * ticket's transaction; null when it has no template.
   */
  private async acknowledgement(
    ticketNumber: string,
    contact: Contact,
    inbound: InboundContact,
  ): Promise<{ body: string; meta: Record<string, unknown> } | null> {
    // A form's addresses are unverified (anyone can type someone else's): its acknowledgement carries our own text and the
    // ticket number only, never what was submitted — no name, and an e-mail subject of ours instead of "Re: <their subject>".
    const ownTextOnly = inbound.channel === 'web' || inbound.channel === 'help_request';
    const variables = { ticketNumber, name: ownTextOnly ? '' : contact.name };
    const render = (channel: string) => this.templates.render('acknowledgement', contact.preferredLanguage, channel, variables, TEMPLATE_MAX_AGE);
    let rendered: RenderedTemplate;
    let subject: string | null;
    try {
      rendered = await render(inbound.channel);
      subject = rendered.subject ?? (ownTextOnly ? ((await render('email')).subject ?? `[#${ticketNumber}]`) : null);
    } catch (error) {
      // A missing template must not cost the contact's message, which commits in this same transaction.
      if (!(error instanceof DomainError)) throw error;
      this.logger.error(`ticket ${ticketNumber} not acknowledged: ${error.message}`);
      return null;
    }
    return { body: rendered.body, meta: { kind: 'acknowledgement', ...(subject ? { subject } : {}) } };
  }
}

/** Acknowledgement templates change rarely; a change reaches the worker within this time. */
const TEMPLATE_MAX_AGE = { maxAgeMs: 30_000 };

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
