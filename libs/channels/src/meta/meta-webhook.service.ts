import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { withTimeout } from '@app/common';
import { QueueName } from '@app/queue';
import { type Message, TicketsService } from '@app/tickets';
import { InboundEventsService } from '../inbound/inbound-events.service.js';
import { parseMetaWebhook, type MetaStatusEvent } from './meta-webhook.js';

export interface MetaWebhookReceipt {
  /** New messages stored (each will reach a ticket). */
  stored: number;
  /** Messages whose mid was already stored (Meta delivered them again). */
  duplicates: number;
  skipped: number;
  /** Delivery / read reports queued for the worker (see applyStatuses). */
  statuses: number;
}

/** Queue `outbound`: Meta's delivery and read reports of one POST, applied by the worker. */
export const META_STATUSES_JOB = 'apply-meta-statuses';

export interface MetaStatusesJob {
  version: 1;
  statuses: MetaStatusEvent[];
}

/** What the Meta webhook does with a verified POST: store every message, queue the delivery and read reports for the worker. */
@Injectable()
export class MetaWebhookService {
  private readonly logger = new Logger(MetaWebhookService.name);

  constructor(
    private readonly inbound: InboundEventsService,
    private readonly tickets: TicketsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Outbound) private readonly queue: Queue<MetaStatusesJob>,
  ) {}

  /**
   * Stores every message of the POST as an inbound event (once per mid) and queues its ingestion.
   * Resolves when all are stored, so answering 200 afterwards means none can be lost; throws when
   * one could not be stored, so the answer is an error and Meta delivers the batch again.
   */
  async receive(body: unknown): Promise<MetaWebhookReceipt> {
    const parsed = parseMetaWebhook(body);
    for (const s of parsed.skipped) this.logger.debug(`Meta event skipped: ${s.reason}${s.mid ? ` (${s.mid})` : ''}`);
    const results = await Promise.all(parsed.messages.map((m) => this.inbound.accept(m)));
    const duplicates = results.filter((r) => r.duplicate).length;
    const statuses = parsed.statuses.length && (await this.queueStatuses(parsed.statuses)) ? parsed.statuses.length : 0;
    return { stored: results.length - duplicates, duplicates, skipped: parsed.skipped.length, statuses };
  }

  /**
   * Delivery and read reports go to the worker: the webhook only queues them. They only move statuses
   * forward, and a later report carries a newer state, so while Redis is unreachable they are dropped
   * with a warning rather than holding up Meta's answer.
   */
  private async queueStatuses(statuses: MetaStatusEvent[]): Promise<boolean> {
    try {
      await withTimeout(this.queue.add(META_STATUSES_JOB, { version: 1, statuses }, { removeOnComplete: true }), 2000);
      return true;
    } catch (error) {
      this.logger.warn(`${statuses.length} Meta delivery/read report(s) dropped: ${(error as Error).message}`);
      return false;
    }
  }

  /**
   * Delivery and read reports → the delivery status of our outbound messages: the messages named
   * by mid, and every message to that person sent before the watermark. Statuses only move forward
   * (TicketsService.recordDelivery), so a late "delivered" never undoes "read".
   */
  async applyStatuses(statuses: MetaStatusEvent[]): Promise<number> {
    let updated = 0;
    for (const s of statuses) {
      // Messages found by mid are kept so recordDelivery() does not read them again.
      const found = new Map<string, Message | undefined>();
      for (const mid of s.mids) {
        const message = await this.tickets.findOutboundByExternalId(['social'], mid);
        if (message) found.set(message.id, message);
      }
      if (s.watermark !== null) for (const id of await this.sentBefore(s)) if (!found.has(id)) found.set(id, undefined);
      for (const [id, message] of found) if (await this.tickets.recordDelivery(id, { status: s.status }, message)) updated++;
    }
    return updated;
  }

  /** Our messages to this person, already sent, not yet at the reported status, stored before the watermark. */
  private async sentBefore(s: MetaStatusEvent): Promise<string[]> {
    const below = s.status === 'read' ? ['sent', 'delivered'] : ['sent'];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT m.id FROM messages m
         JOIN tickets t ON t.id = m.ticket_id
         JOIN contact_identities ci ON ci.contact_id = t.contact_id AND ci.kind = $1 AND ci.address = $2
        WHERE m.direction = 'outbound' AND m.channel = 'social' AND m.external_id IS NOT NULL
          AND m.delivery_status = ANY($3) AND m.created_at <= to_timestamp($4::double precision / 1000)
        ORDER BY m.created_at DESC LIMIT 200`,
      [s.platform, s.userId, below, s.watermark],
    );
    return rows.map((r) => r.id);
  }
}
