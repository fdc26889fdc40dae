import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { type EntityManager, LessThan, Repository } from 'typeorm';
import { type AuditRecord, AuditService } from '@app/audit';
import { withTimeout } from '@app/common';
import { entityFromRow, type Row } from '@app/database';
import { QueueName } from '@app/queue';
import type { InboundContact } from '../core/channel-adapter.js';
import { InboundEvent } from './inbound-event.entity.js';

export const INGEST_JOB = 'ingest-event';

/** A message stored under an event's provider id (the event was interrupted after storing it). */
export interface StoredInboundMessage {
  id: string;
  ticketId: string;
  authorContactId: string | null;
}

export interface IngestJob {
  version: 1;
  eventId: string;
  /**
   * The event's payload as stored, when small and without attachments: the worker starts from it instead of
   * reading the row back (its transaction still claims the row, so a stale job does nothing).
   */
  payload?: InboundContact;
}

/** Larger payloads stay in PostgreSQL only: Redis holds every waiting job in memory. */
const PAYLOAD_IN_JOB_MAX_CHARS = 16_384;

/**
 * Accept → store → answer. Storing is the commitment: once the row exists the message will
 * reach a ticket, even if Redis is down now (the sweeper re-enqueues it).
 */
@Injectable()
export class InboundEventsService {
  private readonly logger = new Logger(InboundEventsService.name);

  constructor(
    @InjectRepository(InboundEvent) private readonly events: Repository<InboundEvent>,
    @InjectQueue(QueueName.Ingest) private readonly ingest: Queue<IngestJob>,
    private readonly audit: AuditService,
  ) {}

  /**
   * Stores the event (once per channel + external id) and asks the worker to ingest it; with
   * `enqueue: false` the caller ingests it itself (a crash in between leaves it to the sweeper).
   * Resolves once the event is stored: the sender is answered without waiting for Redis, and an
   * ingest job that could not be queued is the sweeper's.
   */
  async accept(contact: InboundContact, options: { enqueue?: boolean } = {}): Promise<{ event: InboundEvent; duplicate: boolean }> {
    // A plain statement: every webhook runs it.
    const payload = JSON.stringify(contact);
    const [row]: { id: string; status: InboundEvent['status'] }[] = await this.events.manager.query(
      'INSERT INTO inbound_events (channel, external_id, payload, status) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id, status',
      [contact.channel, contact.externalId, payload, contact.automated ? 'ignored' : 'received'],
    );
    if (!row) {
      const existing = await this.events.findOneByOrFail({ channel: contact.channel, externalId: contact.externalId });
      return { event: existing, duplicate: true };
    }
    const event = this.events.create({ id: row.id, channel: contact.channel, externalId: contact.externalId, payload: contact, status: row.status });
    // The job carries what was stored when it is small and needs no download (BullMQ stores its JSON form, as the row does).
    const carried = payload.length <= PAYLOAD_IN_JOB_MAX_CHARS && !contact.attachments.length ? contact : undefined;
    if (event.status === 'received' && options.enqueue !== false) void this.enqueue(event.id, carried);
    return { event, duplicate: false };
  }

  /** Enqueues ingestion; when Redis is unreachable the event waits for the sweeper instead of failing the sender. */
  async enqueue(eventId: string, payload?: InboundContact): Promise<boolean> {
    try {
      await withTimeout(this.ingest.add(INGEST_JOB, { version: 1, eventId, ...(payload ? { payload } : {}) }, { jobId: `in-${eventId}` }), 2000);
      return true;
    } catch (error) {
      this.logger.warn(`ingest of event ${eventId} not queued (${(error as Error).message}); the sweeper will retry`);
      return false;
    }
  }

  /** Re-enqueues events stored but not processed for a while (Redis was down, a worker crashed). */
  async sweep(olderThanMs = 30_000, batch = 500): Promise<number> {
    const stale = await this.events.find({
      select: { id: true },
      where: { status: 'received', receivedAt: LessThan(new Date(Date.now() - olderThanMs)) },
      order: { receivedAt: 'ASC' },
      take: batch,
    });
    let queued = 0;
    for (const e of stale) if (await this.enqueue(e.id)) queued++;
    return queued;
  }

  /** The event as `accept` stored it, still waiting, built from the payload an ingest job carries. */
  received(id: string, payload: InboundContact): InboundEvent {
    return this.events.create({ id, channel: payload.channel, externalId: payload.externalId, payload, status: 'received' });
  }

  /** Plain SQL: the worker reads an event whose job does not carry it. */
  async get(id: string): Promise<InboundEvent | null> {
    const rows: Row[] = await this.events.manager.query('SELECT * FROM inbound_events WHERE id = $1', [id]);
    return rows.length ? entityFromRow(this.events.manager, InboundEvent, rows[0]) : null;
  }

  /**
   * Locks a stored event inside the caller's transaction, with the message already stored under its
   * provider id if any; null when the event is no longer waiting (another run processed it meanwhile),
   * so two runs of one event never both act on it.
   */
  async claim(manager: EntityManager, id: string): Promise<{ storedMessage: StoredInboundMessage | null } | null> {
    const rows: { status: string; message_id: string | null; ticket_id: string | null; author_contact_id: string | null }[] = await manager.query(
      `SELECT e.status, m.id AS message_id, m.ticket_id, m.author_contact_id
         FROM inbound_events e LEFT JOIN messages m ON m.channel = e.channel AND m.external_id = e.external_id
        WHERE e.id = $1 FOR UPDATE OF e`,
      [id],
    );
    const row = rows[0];
    if (row?.status !== 'received') return null;
    const stored = row.message_id && row.ticket_id ? { id: row.message_id, ticketId: row.ticket_id, authorContactId: row.author_contact_id } : null;
    return { storedMessage: stored };
  }

  /**
   * With `manager`, the event is marked in the caller's transaction and commits with what it produced;
   * `audit`: that transaction's audit entries, written in the same statement.
   */
  async markProcessed(
    id: string,
    result: { ticketId: string | null; messageId: string | null; status?: 'processed' | 'ignored' },
    manager?: EntityManager,
    audit: AuditRecord[] = [],
  ): Promise<void> {
    // One plain statement, audit entries included: this runs once per inbound message.
    await this.audit.recordWithChange(
      {
        sql: 'UPDATE inbound_events SET status = $2, ticket_id = $3, message_id = $4, processed_at = $5, error = NULL WHERE id = $1',
        parameters: [id, result.status ?? 'processed', result.ticketId, result.messageId, new Date()],
      },
      audit,
      manager ?? this.events.manager,
    );
  }

  async markAttemptFailed(id: string, error: string, final: boolean): Promise<void> {
    await this.events.increment({ id }, 'attempts', 1);
    await this.events.update(id, { error: error.slice(0, 2000), ...(final ? { status: 'failed' as const } : {}) });
  }
}
