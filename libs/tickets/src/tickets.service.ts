import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Repository, type SelectQueryBuilder } from 'typeorm';
import { type AuditRecord, AuditService } from '@app/audit';
import { type Actor, DomainError, encodeCursor, normalizeSearchText } from '@app/common';
import { entityFromRow, type Row } from '@app/database';
import { type Channel, Contact } from '@app/contacts';
import { type RealtimeEvent, RealtimePublisher } from '@app/realtime';
import { TeamMembership, User, type StaffRole } from '@app/users';
import { Attachment } from './attachment.entity.js';
import { canAdvance } from './delivery-status.js';
import type { StoredFile } from './attachment-store.service.js';
import { Category } from './category.entity.js';
import { Message } from './message.entity.js';
import { type MessageAddedEvent, type TicketCreatedEvent, TicketEvents } from './ticket-events.js';
import { parseTicketNumber, TicketNumberService } from './ticket-number.service.js';
import { checkTransition, type TransitionCause } from './ticket-transitions.js';
import { sortOf, type TicketListQuery, ticketPageQuery } from './ticket-queue.query.js';
import { toMessageView, toTicketView } from './ticket-views.js';
import {
  ACTIVE_STATUSES,
  type DeliveryStatus,
  type MessageDirection,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
} from './ticket-vocabulary.js';
import { SHOWN_TICKET_SQL, shownTicketFromRow } from './ticket-rows.js';
import { Ticket } from './ticket.entity.js';

/** Who is looking: the queue shows each role what it works on. */
export interface Viewer {
  id: string;
  role: StaffRole;
}

export interface NewMessage {
  direction: MessageDirection;
  body: string;
  bodyHtml?: string | null;
  authorContactId?: string | null;
  authorUserId?: string | null;
  externalId?: string | null;
  deliveryStatus?: DeliveryStatus | null;
  meta?: Record<string, unknown>;
  attachments?: StoredFile[];
  channel?: Channel;
}

export interface OpenTicketInput {
  contactId: string;
  channel: Channel;
  subject: string;
  type: TicketType;
  priority?: TicketPriority;
  categoryId?: string | null;
  teamId?: string | null;
  tags?: string[];
  createdById?: string | null;
  firstMessage?: NewMessage;
  /**
   * A system message answering the first one (the acknowledgement), made once the ticket has its
   * number and stored with the first message, queued for delivery; null: none.
   */
  reply?: (ticketNumber: string) => Promise<{ body: string; meta: Record<string, unknown> } | null>;
}

export interface StaffMessageInput {
  kind: 'reply' | 'note';
  body: string;
  attachmentIds?: string[];
  /** Answer on another of the contact's channels (e.g. SMS outside the WhatsApp 24-hour window). */
  via?: 'sms' | 'email';
  /** An approved WhatsApp template, needed outside the 24-hour window. */
  whatsappTemplate?: { contentSid: string; variables?: Record<string, string> };
}

/** Fields the workflow sets on its own. */
export type SystemTicketChanges = Partial<
  Pick<
    Ticket,
    | 'teamId'
    | 'categoryId'
    | 'priority'
    | 'tags'
    | 'firstResponseDueAt'
    | 'resolutionDueAt'
    | 'slaPolicyId'
    | 'slaPausedAt'
    | 'slaPausedMinutes'
    | 'routedAt'
    | 'escalationLevel'
    | 'lastEscalatedAt'
  >
>;

export interface TicketChanges {
  subject?: string;
  type?: TicketType;
  priority?: TicketPriority;
  categoryId?: string | null;
  teamId?: string | null;
  tags?: string[];
}

/** The ticket's own columns, without its relations, as TypeORM's update() takes them. */
type TicketColumns = Partial<Omit<Ticket, 'messages' | 'contact' | 'assignee' | 'team' | 'category'>>;

export interface StatusMove {
  ticketId: string;
  from: TicketStatus;
  to: TicketStatus;
}

/** What one transaction did to a ticket, kept in memory so it can be announced after commit without reading it back. */
export interface TicketWrite {
  /** The ticket as it stands after the write, with the relations the console shows. */
  ticket: Ticket;
  created: boolean;
  /** Messages added, in order. */
  messages: Message[];
  move: StatusMove | null;
}

const TICKET_RELATIONS = { contact: true, assignee: true, team: true, category: true } as const;

/** The columns a provider's delivery report may change. */
const DELIVERY_COLUMNS = {
  deliveryStatus: 'delivery_status',
  externalId: 'external_id',
  deliveryError: 'delivery_error',
  meta: 'meta',
  channel: 'channel',
} as const satisfies Partial<Record<keyof Message, string>>;

@Injectable()
export class TicketsService {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly numbers: TicketNumberService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    private readonly realtime: RealtimePublisher,
  ) {}

  // ---- reading -------------------------------------------------------------------------

  async get(id: string, viewer?: Viewer): Promise<Ticket> {
    const [ticket] = await shownTickets(this.dataSource.manager, 'WHERE t.id = $1', [id]);
    if (!ticket || (viewer && !canSee(viewer, ticket))) throw DomainError.notFound('Ticket', id);
    return ticket;
  }

  async findByNumber(number: string): Promise<Ticket | null> {
    const parsed = parseTicketNumber(number);
    return parsed ? ((await shownTickets(this.dataSource.manager, 'WHERE t.number = $1', [parsed]))[0] ?? null) : null;
  }

  async message(id: string): Promise<Message> {
    const message = await this.messages.createQueryBuilder('m').leftJoinAndSelect('m.attachments', 'a').where('m.id = :id', { id }).getOne();
    if (!message) throw DomainError.notFound('Message', id);
    return message;
  }

  async contactOf(ticket: Ticket): Promise<Contact> {
    const contact = await this.dataSource
      .getRepository(Contact)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.identities', 'i')
      .where('c.id = :id', { id: ticket.contactId })
      .getOne();
    if (!contact) throw DomainError.notFound('Contact', ticket.contactId);
    return contact;
  }

  async messagesOf(ticketId: string): Promise<Message[]> {
    return this.messages.find({ where: { ticketId }, relations: { attachments: true }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The shared queue: filters, Arabic-aware text search and keyset pagination. */
  async list(query: TicketListQuery, viewer: Viewer): Promise<{ items: Ticket[]; nextCursor: string | null }> {
    const page = await ticketPageQuery(this.tickets, query, viewer).getRawMany<{ id: string }>();
    const ids = page.slice(0, query.limit).map((t) => t.id);
    const rows = ids.length ? await this.tickets.find({ where: { id: In(ids) }, relations: TICKET_RELATIONS }) : [];
    const byId = new Map(rows.map((t) => [t.id, t]));
    const items = ids.map((id) => byId.get(id)).filter((t): t is Ticket => !!t);
    const last = items[items.length - 1];
    return { items, nextCursor: page.length > query.limit && last ? encodeCursor({ k: sortOf(query).key(last), id: last.id }) : null };
  }

  // ---- creating ------------------------------------------------------------------------

  async open(input: OpenTicketInput, actor: Actor): Promise<Ticket> {
    const write = await this.dataSource.transaction((manager) => this.openWithin(manager, input, actor));
    await this.announce(write);
    return write.ticket;
  }

  /**
   * Opens a ticket (with its first message) inside the caller's transaction; the caller passes the
   * result to `announce()` once it has committed. `contact` saves a read when the caller has just loaded it;
   * `audit`: the creation's audit entry is added to it for the caller to write with its other entries.
   */
  async openWithin(manager: EntityManager, input: OpenTicketInput, actor: Actor, known?: Contact, audit?: AuditRecord[]): Promise<TicketWrite> {
    const contact = known?.id === input.contactId ? known : await manager.getRepository(Contact).findOneBy({ id: input.contactId });
    if (!contact) throw DomainError.notFound('Contact', input.contactId);
    if (contact.mergedIntoId) throw new DomainError('conflict', `contact ${contact.id} was merged into ${contact.mergedIntoId}`);
    await this.checkReferences(manager, input);
    const now = new Date();
    const expectsReply = !!(input.firstMessage && input.reply);
    const { cte, year } = this.numbers.next(now);
    // The number is taken in the ticket's insert. Its last activity is the last of its first messages, a millisecond
    // apart, so no second write moves it (unless the reply expected turns out to have no template).
    const [row]: Row[] = await manager.query(
      `WITH ${cte}
       INSERT INTO tickets (number, subject, subject_search, type, status, priority, channel, contact_id, category_id, team_id, tags, created_by_id, last_activity_at)
       SELECT number, $2, $3, $4, 'new', $5, $6, $7, $8, $9, $10, $11, $12 FROM ticket_number
       RETURNING *`,
      [
        year,
        input.subject.trim().slice(0, 300),
        normalizeSearchText(input.subject),
        input.type,
        input.priority ?? 'normal',
        input.channel,
        contact.id,
        input.categoryId ?? null,
        input.teamId ?? null,
        dedupeTags(input.tags ?? []),
        input.createdById ?? null,
        new Date(now.getTime() + (expectsReply ? 1 : 0)),
      ],
    );
    const ticket = entityFromRow(manager, Ticket, row);
    const reply = expectsReply && input.reply ? await input.reply(ticket.number) : null;
    const firstMessages: NewMessage[] = input.firstMessage ? [input.firstMessage] : [];
    if (reply) firstMessages.push({ direction: 'outbound', body: reply.body, deliveryStatus: 'queued', meta: reply.meta });
    const messages = firstMessages.length ? await this.insertMessages(manager, ticket, firstMessages, now) : [];
    const entry: AuditRecord = {
      actorId: actor.id,
      action: 'ticket.created',
      entityType: 'ticket',
      entityId: ticket.id,
      after: { number: ticket.number, channel: ticket.channel, type: ticket.type, priority: ticket.priority, contactId: contact.id },
      ip: actor.ip,
    };
    if (audit) audit.push(entry);
    else await this.audit.record(entry, manager);
    // The console shows team and category by name: read them back only when the ticket has them.
    const shown = input.teamId || input.categoryId ? await this.load(manager, ticket.id) : Object.assign(ticket, { contact });
    return { ticket: shown, created: true, messages, move: null };
  }

  /** A message from the contact (or recorded for them) on an existing ticket; re-opens it when it was waiting or resolved. */
  async addInbound(ticketId: string, message: NewMessage, actor: Actor = { id: null }): Promise<Message> {
    const ticket = await this.get(ticketId);
    const write = await this.dataSource.transaction((manager) => this.addInboundWithin(manager, ticket, message, actor));
    await this.announce(write);
    return write.messages[0];
  }

  /** `addInbound()` inside the caller's transaction, on a ticket it has loaded (`getWithin()`); announce the result after commit. */
  async addInboundWithin(manager: EntityManager, ticket: Ticket, message: NewMessage, actor: Actor = { id: null }): Promise<TicketWrite> {
    const m = await this.insertMessage(manager, ticket, { ...message, direction: 'inbound' });
    const reopen = ticket.status === 'pending' || ticket.status === 'resolved';
    const move = reopen ? await this.transition(manager, ticket, 'open', 'inbound', actor, 'the contact wrote again') : null;
    return { ticket, created: false, messages: [m], move };
  }

  /**
   * An officer's reply (stored first, then delivered on the ticket's channel by the outbound
   * queue, so a crash never loses it) or an internal note (never sent).
   */
  async addStaffMessage(ticketId: string, input: StaffMessageInput, viewer: Viewer, actor: Actor): Promise<Message> {
    const ticket = await this.get(ticketId, viewer);
    if (input.kind === 'reply' && ticket.status === 'closed')
      throw new DomainError('invalid_transition', 'the ticket is closed; a reply would not be seen in it');
    if (input.kind === 'reply' && ticket.status === 'with_committee') {
      throw new DomainError('invalid_transition', 'the ticket is with the research committee; wait for its decision before replying');
    }
    const write = await this.dataSource.transaction(async (manager): Promise<TicketWrite> => {
      let move: StatusMove | null = null;
      const m = await this.insertMessage(manager, ticket, {
        direction: input.kind === 'reply' ? 'outbound' : 'note',
        body: input.body,
        authorUserId: viewer.id,
        deliveryStatus: input.kind === 'reply' ? 'queued' : null,
        meta: {
          ...(input.via ? { replyVia: input.via } : {}),
          ...(input.whatsappTemplate
            ? { whatsappTemplate: { contentSid: input.whatsappTemplate.contentSid, variables: input.whatsappTemplate.variables ?? {} } }
            : {}),
        },
      });
      if (input.attachmentIds?.length) m.attachments = await this.linkUploads(manager, ticket.id, m.id, input.attachmentIds);
      if (input.kind === 'reply') {
        if (!ticket.firstRespondedAt) {
          await manager.getRepository(Ticket).update(ticket.id, { firstRespondedAt: m.createdAt });
          ticket.firstRespondedAt = m.createdAt;
        }
        if (ticket.status === 'new' || ticket.status === 'resolved') move = await this.transition(manager, ticket, 'open', 'reply', actor);
      }
      await this.audit.record(
        {
          actorId: actor.id,
          action: input.kind === 'reply' ? 'ticket.replied' : 'ticket.note_added',
          entityType: 'ticket',
          entityId: ticket.id,
          after: { messageId: m.id },
          ip: actor.ip,
        },
        manager,
      );
      return { ticket, created: false, messages: [m], move };
    });
    await this.announce(write);
    return write.messages[0];
  }

  /** A system-sent message (acknowledgement, survey invitation, decision notice), queued for delivery like a reply. */
  async addSystemOutbound(ticketId: string, body: string, meta: Record<string, unknown> = {}): Promise<Message> {
    const ticket = await this.get(ticketId);
    const write: TicketWrite = { ticket, created: false, messages: [], move: null };
    await this.dataSource.transaction((manager) => this.addSystemOutboundWithin(manager, write, body, meta));
    await this.announce(write);
    return write.messages[0];
  }

  /** Adds a system-sent message to a write in progress (the acknowledgement of a ticket opened in the same transaction). */
  async addSystemOutboundWithin(manager: EntityManager, write: TicketWrite, body: string, meta: Record<string, unknown> = {}): Promise<Message> {
    const m = await this.insertMessage(manager, write.ticket, { direction: 'outbound', body, deliveryStatus: 'queued', meta });
    write.messages.push(m);
    return m;
  }

  /** A contact's latest tickets on one channel with one of these statuses (latest activity first), read as `getWithin()` reads one. */
  async latestOfContactWithin(
    manager: EntityManager,
    contactId: string,
    channel: Channel,
    statuses: TicketStatus[],
    limit: number,
  ): Promise<Ticket[]> {
    return shownTickets(manager, 'WHERE t.contact_id = $1 AND t.channel = $2 AND t.status = ANY($3) ORDER BY t.last_activity_at DESC LIMIT $4', [
      contactId,
      channel,
      statuses,
      limit,
    ]);
  }

  /** The ticket with what the console shows of it, read inside the caller's transaction. */
  async getWithin(manager: EntityManager, id: string): Promise<Ticket> {
    return this.load(manager, id);
  }

  /**
   * Tells the rest of the product about a committed write: domain events (routing, SLA clocks,
   * delivery of queued messages) and the console's live events, built from what the write already
   * holds instead of reading the ticket and its messages again.
   */
  async announce(write: TicketWrite): Promise<void> {
    const { ticket } = write;
    const audience = { ticketType: ticket.type };
    this.emitMove(write.move);
    // The live events of one write go out together, in this order.
    const live: RealtimeEvent[] = [];
    if (write.created) live.push(ticketEvent('ticket.created', ticket));
    for (const m of write.messages) {
      const event: MessageAddedEvent = { ticketId: ticket.id, messageId: m.id, direction: m.direction, firstResponded: !!ticket.firstRespondedAt };
      this.events.emit(TicketEvents.MessageAdded, event);
      live.push({ type: 'message.created', payload: { ticketId: ticket.id, message: toMessageView(m) }, audience });
    }
    // A new ticket's `ticket.created` already carries its state after these messages.
    if (!write.created && write.messages.length) live.push(ticketEvent('ticket.updated', ticket));
    await this.realtime.publishAll(live);
    // After the live events: routing may run at once in this process, and its changes must reach consoles after the ticket.
    if (write.created) {
      const created: TicketCreatedEvent = {
        ticketId: ticket.id,
        ticket,
        firstInboundText: write.messages.find((m) => m.direction === 'inbound')?.body ?? null,
      };
      this.events.emit(TicketEvents.Created, created);
    }
    for (const m of write.messages)
      if (m.direction === 'outbound' && m.deliveryStatus === 'queued')
        this.events.emit(TicketEvents.OutboundQueued, { ticketId: ticket.id, messageId: m.id });
  }

  // ---- changing ------------------------------------------------------------------------

  async changeStatus(
    ticketId: string,
    to: TicketStatus,
    cause: TransitionCause,
    viewer: Viewer | null,
    actor: Actor,
    reason?: string,
  ): Promise<Ticket> {
    const ticket = await this.get(ticketId, viewer ?? undefined);
    this.emitMove(await this.dataSource.transaction((manager) => this.transition(manager, ticket, to, cause, actor, reason)));
    const updated = await this.get(ticketId);
    await this.publish('ticket.updated', updated);
    return updated;
  }

  /**
   * Officers may claim an unassigned ticket of their team (or one with no team) and release their own;
   * supervisors and admins assign anyone to anything.
   */
  async assign(ticketId: string, assigneeId: string | null, viewer: Viewer, actor: Actor): Promise<Ticket> {
    const ticket = await this.get(ticketId, viewer);
    const isLead = viewer.role === 'supervisor' || viewer.role === 'admin';
    if (!isLead) {
      const claiming = assigneeId === viewer.id && ticket.assigneeId === null;
      const releasing = assigneeId === null && ticket.assigneeId === viewer.id;
      if (!claiming && !releasing)
        throw new DomainError('forbidden', 'officers may claim unassigned tickets or release their own; ask a supervisor to reassign');
      if (claiming && ticket.teamId && !(await this.isMember(ticket.teamId, viewer.id))) {
        throw new DomainError('forbidden', 'this ticket belongs to a team you are not in');
      }
    }
    if (ticket.assigneeId === assigneeId) return ticket;
    if (assigneeId) {
      const user = await this.dataSource.getRepository(User).findOneBy({ id: assigneeId });
      if (!user) throw new DomainError('invalid_input', `assigneeId ${assigneeId} is not a staff member`);
      if (!user.active) throw new DomainError('invalid_input', `${user.name} is deactivated and cannot take tickets`);
      if (user.role === 'committee') throw new DomainError('invalid_input', 'committee members decide help requests; they are not assigned tickets');
    }
    return this.writeAssignment(ticket, assigneeId, actor, { assigneeId });
  }

  /**
   * Assignment made by the product itself (routing, escalation to the competent officer,
   * referral): recorded with the reason, no permission check of a person.
   */
  async assignBySystem(ticketId: string, assigneeId: string | null, reason: string, actor: Actor = { id: null }): Promise<Ticket> {
    const ticket = await this.get(ticketId);
    if (ticket.assigneeId === assigneeId) return ticket;
    return this.writeAssignment(ticket, assigneeId, actor, { assigneeId, reason });
  }

  /** Stores an assignment already allowed, audits it and announces it; `after` is what the audit entry records. */
  private async writeAssignment(ticket: Ticket, assigneeId: string | null, actor: Actor, after: Record<string, unknown>): Promise<Ticket> {
    const ticketId = ticket.id;
    await this.audit.recordWithChange(this.ticketUpdate(ticketId, { assigneeId, lastActivityAt: new Date() }), [
      {
        actorId: actor.id,
        action: 'ticket.assigned',
        entityType: 'ticket',
        entityId: ticketId,
        before: { assigneeId: ticket.assigneeId },
        after,
        ip: actor.ip,
      },
    ]);
    const updated = await this.get(ticketId);
    this.events.emit(TicketEvents.Assigned, { ticketId, from: ticket.assigneeId, to: assigneeId });
    await this.publish('ticket.assigned', updated);
    return updated;
  }

  /**
   * Changes made by the product's workflow (routing, SLA due times, escalation level), with an
   * audit entry naming the action, and a note on the timeline when `note` is given.
   */
  async applySystemChanges(
    ticketId: string,
    changes: SystemTicketChanges,
    audit: { action: string; note?: string; meta?: Record<string, unknown> },
    loaded?: Ticket,
  ): Promise<Ticket> {
    return this.applySystemChangeSet(ticketId, [{ changes, audit }], loaded);
  }

  /**
   * Several of the workflow's changes (e.g. routing and the SLA due times it implies) in one
   * transaction and one live update; each keeps its own audit entry and note.
   */
  async applySystemChangeSet(
    ticketId: string,
    steps: { changes: SystemTicketChanges; audit: { action: string; note?: string; meta?: Record<string, unknown> } }[],
    loaded?: Ticket,
  ): Promise<Ticket> {
    // `loaded`: the ticket as the caller has just read it with get(), so it is not read twice.
    const ticket = loaded?.id === ticketId ? loaded : await this.get(ticketId);
    const changes: SystemTicketChanges = Object.assign({}, ...steps.map((s) => s.changes));
    const entries: AuditRecord[] = steps.map(({ changes: stepChanges, audit }) => ({
      actorId: null,
      action: audit.action,
      entityType: 'ticket',
      entityId: ticketId,
      before: Object.fromEntries(Object.keys(stepChanges).map((k) => [k, ticket[k as keyof Ticket]])),
      after: { ...stepChanges, ...(audit.meta ?? {}) },
    }));
    const notes = steps.flatMap(({ audit }) => (audit.note ? [{ ...audit, note: audit.note }] : []));
    if (notes.length) {
      await this.dataSource.transaction(async (manager) => {
        if (Object.keys(changes).length) await manager.getRepository(Ticket).update(ticketId, changes);
        for (const note of notes)
          await this.insertMessage(manager, ticket, {
            direction: 'note',
            body: note.note,
            meta: { event: note.action, system: true, ...(note.meta ?? {}) },
          });
        await this.audit.recordMany(entries, manager);
      });
    } else if (Object.keys(changes).length) {
      await this.audit.recordWithChange(this.ticketUpdate(ticketId, changes), entries);
    } else {
      await this.audit.recordMany(entries);
    }
    // Team and category are shown by name: read the ticket again only when they changed.
    const updated =
      'teamId' in changes || 'categoryId' in changes ? await this.get(ticketId) : Object.assign(ticket, changes, { updatedAt: new Date() });
    await this.publish('ticket.updated', updated);
    return updated;
  }

  async update(ticketId: string, changes: TicketChanges, viewer: Viewer, actor: Actor): Promise<Ticket> {
    const ticket = await this.get(ticketId, viewer);
    const next: TicketColumns = {};
    if (changes.subject !== undefined) {
      next.subject = changes.subject.trim().slice(0, 300);
      next.subjectSearch = normalizeSearchText(changes.subject);
    }
    if (changes.type !== undefined) next.type = changes.type;
    if (changes.priority !== undefined) next.priority = changes.priority;
    if (changes.categoryId !== undefined) next.categoryId = changes.categoryId;
    if (changes.teamId !== undefined) next.teamId = changes.teamId;
    if (changes.tags !== undefined) next.tags = dedupeTags(changes.tags);
    if (!Object.keys(next).length) return ticket;
    await this.dataSource.transaction(async (manager) => {
      await this.checkReferences(manager, { categoryId: next.categoryId, teamId: next.teamId });
      await manager.getRepository(Ticket).update(ticketId, next);
      const before = Object.fromEntries(
        Object.keys(next)
          .filter((k) => k !== 'subjectSearch')
          .map((k) => [k, ticket[k as keyof Ticket]]),
      );
      const after = Object.fromEntries(Object.entries(next).filter(([k]) => k !== 'subjectSearch'));
      await this.audit.record(
        { actorId: actor.id, action: 'ticket.updated', entityType: 'ticket', entityId: ticketId, before, after, ip: actor.ip },
        manager,
      );
    });
    const updated = await this.get(ticketId);
    this.events.emit(TicketEvents.Updated, { ticketId, changes: Object.keys(next) });
    await this.publish('ticket.updated', updated);
    return updated;
  }

  /** A supervisor's or officer's escalation by hand: one level up, with the reason on the ticket. */
  async escalate(ticketId: string, reason: string, viewer: Viewer, actor: Actor): Promise<Ticket> {
    const ticket = await this.get(ticketId, viewer);
    if (!ACTIVE_STATUSES.includes(ticket.status)) throw new DomainError('invalid_transition', `a ${ticket.status} ticket cannot be escalated`);
    const level = ticket.escalationLevel + 1;
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Ticket).update(ticketId, { escalationLevel: level, lastEscalatedAt: new Date(), lastActivityAt: new Date() });
      await this.insertMessage(manager, ticket, { direction: 'note', body: reason, authorUserId: viewer.id, meta: { event: 'escalation', level } });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'ticket.escalated',
          entityType: 'ticket',
          entityId: ticketId,
          before: { escalationLevel: ticket.escalationLevel },
          after: { escalationLevel: level, reason },
          ip: actor.ip,
        },
        manager,
      );
    });
    const updated = await this.get(ticketId);
    this.events.emit(TicketEvents.Updated, { ticketId, changes: ['escalationLevel'] });
    await this.publish('ticket.updated', updated);
    return updated;
  }

  /**
   * Records what a provider said about an outbound message. Statuses only move forward
   * (a late "sent" never overwrites "delivered"); the update is conditional on the status read,
   * so two callbacks racing cannot move it backwards either.
   */
  async recordDelivery(
    messageId: string,
    update: { status: DeliveryStatus; externalId?: string | null; error?: string | null; meta?: Record<string, unknown>; channel?: Channel },
    loaded?: Message,
  ): Promise<boolean> {
    // Read once with what the live event needs (its attachments, the ticket's type), then changed in memory;
    // `loaded`: the caller read it so before sending (the update below still checks its status did not move).
    const message = loaded?.id === messageId && loaded.ticket ? loaded : await this.deliveryView().where('m.id = :id', { id: messageId }).getOne();
    if (!message?.ticket || message.direction !== 'outbound') return false;
    const moves = canAdvance(message.deliveryStatus, update.status);
    const changes: Partial<Pick<Message, 'deliveryStatus' | 'externalId' | 'deliveryError' | 'meta' | 'channel'>> = {};
    // An outbound message records the channel it actually went out on (a call is answered by SMS).
    if (update.channel && update.channel !== message.channel) changes.channel = update.channel;
    if (moves) changes.deliveryStatus = update.status;
    if (moves && update.error !== undefined) changes.deliveryError = update.error;
    if (update.externalId && !message.externalId) changes.externalId = update.externalId;
    if (update.meta) changes.meta = { ...message.meta, ...update.meta };
    if (!Object.keys(changes).length) return false;
    // Plain SQL (every delivery runs it), and only while the status is still the one read.
    const set = Object.entries(changes).map(([property, value]) => ({
      column: DELIVERY_COLUMNS[property as keyof typeof changes],
      value: property === 'meta' ? JSON.stringify(value) : value,
    }));
    const [, affected]: [unknown, number] = await this.messages.manager.query(
      `UPDATE messages SET ${set.map((c, i) => `${c.column} = $${i + 3}`).join(', ')} WHERE id = $1 AND delivery_status IS NOT DISTINCT FROM $2`,
      [messageId, message.deliveryStatus, ...set.map((c) => c.value)],
    );
    if (!affected) return this.recordDelivery(messageId, update);
    Object.assign(message, changes);
    await this.realtime.publish({
      type: 'message.updated',
      payload: { ticketId: message.ticketId, message: toMessageView(message) },
      audience: { ticketType: message.ticket.type },
    });
    return moves;
  }

  /** The outbound message a provider's id belongs to, read as recordDelivery() needs it (pass it on as `loaded`). */
  findOutboundByExternalId(channels: Channel[], externalId: string): Promise<Message | null> {
    return this.deliveryView()
      .where("m.channel IN (:...channels) AND m.external_id = :externalId AND m.direction = 'outbound'", { channels, externalId })
      .getOne();
  }

  /** A message with what its live `message.updated` event needs: its attachments and the ticket's type. */
  private deliveryView(): SelectQueryBuilder<Message> {
    return this.messages.createQueryBuilder('m').leftJoinAndSelect('m.attachments', 'a').innerJoinAndSelect('m.ticket', 't');
  }

  /** Keeps an uploaded file on the ticket until a message takes it. */
  async addUpload(ticketId: string, file: StoredFile, viewer: Viewer, actor: Actor): Promise<Attachment> {
    const ticket = await this.get(ticketId, viewer);
    const repo = this.dataSource.getRepository(Attachment);
    const saved = await repo.save(repo.create({ ticketId: ticket.id, messageId: null, ...file, uploadedById: viewer.id }));
    await this.audit.record({
      actorId: actor.id,
      action: 'ticket.attachment_uploaded',
      entityType: 'ticket',
      entityId: ticketId,
      after: { attachmentId: saved.id, filename: file.filename, size: file.size },
      ip: actor.ip,
    });
    return saved;
  }

  /** An attachment that went out with an outbound message (signed public links serve only these). */
  async sentAttachment(id: string): Promise<Attachment> {
    const attachment = await this.dataSource
      .getRepository(Attachment)
      .createQueryBuilder('a')
      .innerJoin('a.message', 'm')
      .where("a.id = :id AND m.direction = 'outbound'", { id })
      .getOne();
    if (!attachment) throw DomainError.notFound('Attachment', id);
    return attachment;
  }

  async getAttachment(id: string, viewer: Viewer): Promise<Attachment> {
    const attachment = await this.dataSource.getRepository(Attachment).findOneBy({ id });
    if (!attachment) throw DomainError.notFound('Attachment', id);
    await this.get(attachment.ticketId, viewer);
    return attachment;
  }

  private async linkUploads(manager: EntityManager, ticketId: string, messageId: string, ids: string[]): Promise<Attachment[]> {
    const unique = [...new Set(ids)];
    const result = await manager
      .getRepository(Attachment)
      .createQueryBuilder()
      .update()
      .set({ messageId })
      .where('id IN (:...ids) AND ticket_id = :ticketId AND message_id IS NULL', { ids: unique, ticketId })
      .execute();
    if ((result.affected ?? 0) !== unique.length)
      throw new DomainError('invalid_input', 'attachmentIds must be files uploaded to this ticket and not yet sent');
    return manager.getRepository(Attachment).findBy({ messageId });
  }

  /** Moves every ticket and message authorship of one contact to another (contact merge). */
  async moveToContact(manager: EntityManager, from: string, to: string): Promise<number> {
    const moved = await manager.getRepository(Ticket).update({ contactId: from }, { contactId: to });
    await manager.getRepository(Message).update({ authorContactId: from }, { authorContactId: to });
    return moved.affected ?? 0;
  }

  // ---- internals -----------------------------------------------------------------------

  /** Changes the status inside the caller's transaction; the caller emits the returned move once it has committed. */
  private async transition(
    manager: EntityManager,
    ticket: Ticket,
    to: TicketStatus,
    cause: TransitionCause,
    actor: Actor,
    reason?: string,
  ): Promise<StatusMove> {
    const check = checkTransition(ticket.status, to, cause);
    if (!check.allowed) throw new DomainError('invalid_transition', check.reason, { from: ticket.status, to });
    const now = new Date();
    const changes: TicketColumns = { status: to, lastActivityAt: now };
    if (to === 'resolved') changes.resolvedAt = now;
    if (to === 'closed') changes.closedAt = now;
    if (to === 'open' && (ticket.status === 'resolved' || ticket.status === 'closed')) changes.resolvedAt = null;
    await manager.getRepository(Ticket).update(ticket.id, changes);
    await this.audit.record(
      {
        actorId: actor.id,
        action: 'ticket.status_changed',
        entityType: 'ticket',
        entityId: ticket.id,
        before: { status: ticket.status },
        after: { status: to, cause, ...(reason ? { reason } : {}) },
        ip: actor.ip,
      },
      manager,
    );
    const move = { ticketId: ticket.id, from: ticket.status, to };
    Object.assign(ticket, changes, { updatedAt: now });
    return move;
  }

  /** Tells listeners (SLA timers, surveys, routing) about a committed status change. */
  private emitMove(move: StatusMove | null): void {
    if (!move) return;
    this.events.emit(TicketEvents.StatusChanged, move);
    if (move.to === 'resolved') this.events.emit(TicketEvents.Resolved, { ticketId: move.ticketId });
    if (move.to === 'open' && (move.from === 'resolved' || move.from === 'closed'))
      this.events.emit(TicketEvents.Reopened, { ticketId: move.ticketId });
  }

  /** Stores a message and moves the ticket's last activity to it (see `insertMessages`). */
  private async insertMessage(manager: EntityManager, ticket: Ticket, input: NewMessage): Promise<Message> {
    const [message] = await this.insertMessages(manager, ticket, [input]);
    return message;
  }

  /**
   * Stores messages in one insert and moves the ticket's last activity to the last of them. Each
   * message of a ticket is at least a millisecond after the one before and after the ticket's last
   * activity, so messages written in one transaction (a message and its acknowledgement) keep their
   * order. `at`: the first message's time (a new ticket's messages start at its creation).
   */
  private async insertMessages(
    manager: EntityManager,
    ticket: Ticket,
    inputs: NewMessage[],
    at: Date = new Date(Math.max(Date.now(), ticket.lastActivityAt.getTime() + 1)),
  ): Promise<Message[]> {
    // Plain SQL: every inbound message runs it. Eleven parameters a message.
    const parameters = inputs.flatMap((input, i) => [
      input.direction,
      input.channel ?? ticket.channel,
      input.authorContactId ?? (input.direction === 'inbound' && !input.authorUserId ? ticket.contactId : null),
      input.authorUserId ?? null,
      input.body,
      input.bodyHtml ?? null,
      input.deliveryStatus ?? (input.direction === 'inbound' ? 'received' : null),
      input.externalId ?? null,
      JSON.stringify(input.meta ?? {}),
      input.direction === 'note' ? '' : normalizeSearchText(input.body).slice(0, 20000),
      new Date(at.getTime() + i),
    ]);
    const tuples = inputs.map((_, i) => `($1, ${Array.from({ length: 11 }, (__, k) => `$${2 + i * 11 + k}`).join(', ')})`);
    const insert = `INSERT INTO messages (ticket_id, direction, channel, author_contact_id, author_user_id, body, body_html, delivery_status, external_id, meta, search_text, created_at)
       VALUES ${tuples.join(', ')} RETURNING *`;
    const last = new Date(at.getTime() + inputs.length - 1);
    const moves = ticket.lastActivityAt.getTime() !== last.getTime();
    // The ticket's last activity moves in the same statement. Rows come back in the order of VALUES (created_at ascending).
    const inserted: Row[] = await manager.query(
      moves
        ? `WITH inserted AS (${insert}),
           moved AS (UPDATE tickets SET last_activity_at = $${2 + parameters.length}, updated_at = CURRENT_TIMESTAMP WHERE id = $1)
           SELECT * FROM inserted ORDER BY created_at`
        : insert,
      moves ? [ticket.id, ...parameters, last] : [ticket.id, ...parameters],
    );
    const messages = inserted.map((r) => entityFromRow(manager, Message, r));
    const files = manager.getRepository(Attachment);
    const rows = inputs.flatMap((input, i) =>
      (input.attachments ?? []).map((f) => ({
        ticketId: ticket.id,
        messageId: messages[i].id,
        filename: f.filename,
        contentType: f.contentType,
        size: f.size,
        sha256: f.sha256,
        uploadedById: input.authorUserId ?? null,
      })),
    );
    const generated = rows.length ? (await files.insert(rows)).generatedMaps : [];
    const attachments = rows.map((r, i) => files.create({ ...r, ...generated[i] }));
    for (const m of messages) m.attachments = attachments.filter((a) => a.messageId === m.id);
    if (moves) {
      ticket.lastActivityAt = last;
      ticket.updatedAt = last;
    }
    return messages;
  }

  /**
   * The update of a ticket's columns (and `updated_at`) as one plain statement, to run with its audit entries
   * (`recordWithChange`); routing runs it for every new ticket. Undefined values are left out, as TypeORM's update() does.
   */
  private ticketUpdate(ticketId: string, changes: TicketColumns): { sql: string; parameters: unknown[] } {
    const set = Object.entries(changes).filter(([, value]) => value !== undefined);
    const columns = set.map(([property], i) => {
      const column = this.tickets.metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`tickets have no column for ${property}`);
      return `${column.databaseName} = $${i + 2}`;
    });
    return {
      sql: `UPDATE tickets SET ${[...columns, 'updated_at = CURRENT_TIMESTAMP'].join(', ')} WHERE id = $1`,
      parameters: [ticketId, ...set.map(([, value]) => value)],
    };
  }

  private async load(manager: EntityManager, id: string): Promise<Ticket> {
    const [ticket] = await shownTickets(manager, 'WHERE t.id = $1', [id]);
    if (!ticket) throw DomainError.notFound('Ticket', id);
    return ticket;
  }

  private async publish(type: 'ticket.created' | 'ticket.updated' | 'ticket.assigned', ticket: Ticket): Promise<void> {
    await this.realtime.publish(ticketEvent(type, ticket));
  }

  private async checkReferences(manager: EntityManager, refs: { categoryId?: string | null; teamId?: string | null }): Promise<void> {
    if (refs.categoryId && !(await manager.getRepository(Category).existsBy({ id: refs.categoryId }))) {
      throw new DomainError('invalid_input', `categoryId ${refs.categoryId} does not exist`);
    }
    if (refs.teamId && !(await manager.query('SELECT 1 FROM teams WHERE id = $1', [refs.teamId])).length) {
      throw new DomainError('invalid_input', `teamId ${refs.teamId} does not exist`);
    }
  }

  private async isMember(teamId: string, userId: string): Promise<boolean> {
    return this.dataSource.getRepository(TeamMembership).existsBy({ teamId, userId });
  }
}

function ticketEvent(type: 'ticket.created' | 'ticket.updated' | 'ticket.assigned', ticket: Ticket): RealtimeEvent {
  return { type, payload: { ticket: toTicketView(ticket) }, audience: { ticketType: ticket.type } };
}

/**
 * Tickets with what the console shows of them (contact, assignee, team, category), in one plain query;
 * `rest`: the WHERE on `t` and what follows it.
 */
async function shownTickets(manager: EntityManager, rest: string, parameters: unknown[]): Promise<Ticket[]> {
  const rows: Row[] = await manager.query(`${SHOWN_TICKET_SQL} ${rest}`, parameters);
  return rows.map((row) => shownTicketFromRow(manager, row));
}

export function canSee(viewer: Viewer, ticket: Pick<Ticket, 'type'>): boolean {
  return viewer.role !== 'committee' || ticket.type === 'help_request';
}

function dedupeTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))].slice(0, 20);
}
