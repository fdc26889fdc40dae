import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '@app/common';
import { ContactsService } from '@app/contacts';
import { RedisClient } from '@app/queue';
import { TicketsService } from '@app/tickets';
import { InboundEvent } from '../inbound/inbound-event.entity.js';
import { InboundEventsService } from '../inbound/inbound-events.service.js';
import { IngestService } from '../ingest/ingest.service.js';
import { contactFormInbound, sameSubmission, type ContactFormSubmission } from './contact-form.js';

export type ContactFormResult =
  /** The ticket exists: its number is the answer (also for a retry with the same Idempotency-Key). */
  | { ticketNumber: string; duplicate: boolean }
  /** Stored, not yet on a ticket (Redis or ingestion unavailable this moment): the worker finishes it and sends the number. */
  | { ticketNumber: null; duplicate: boolean };

/**
 * The website contact form: stored as an inbound event (channel `web`) like every channel, then
 * ingested in the request so the answer carries the ticket number. If ingestion cannot run now the
 * stored event is finished by the worker (queue or sweeper), which also sends the acknowledgement.
 */
@Injectable()
export class ContactFormService {
  private readonly logger = new Logger(ContactFormService.name);

  constructor(
    private readonly inbound: InboundEventsService,
    private readonly ingest: IngestService,
    private readonly contacts: ContactsService,
    private readonly tickets: TicketsService,
    private readonly redis: RedisClient,
  ) {}

  async submit(form: ContactFormSubmission, idempotencyKey?: string): Promise<ContactFormResult> {
    const externalId = idempotencyKey ? `key-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}` : randomUUID();
    // Stored without queueing: this request ingests it. A crash in between leaves it `received` for the sweeper.
    const { event, duplicate } = await this.inbound.accept(contactFormInbound(form, externalId, new Date()), { enqueue: false });
    if (duplicate) return this.repeated(event, form);
    await this.addBothAddresses(form);

    if (this.redis.client.status !== 'ready') {
      // Ingesting needs Redis (live updates, the acknowledgement's loop guard, the delivery queue); the sweeper re-queues the event.
      this.logger.warn(`contact form ${event.id} stored; Redis is ${this.redis.client.status}, so it is ingested when Redis is back`);
      return { ticketNumber: null, duplicate: false };
    }
    try {
      const result = await this.ingest.ingest(event);
      return { ticketNumber: result.ticketId ? (await this.tickets.get(result.ticketId)).number : null, duplicate: false };
    } catch (error) {
      this.logger.error(`contact form ${event.id} stored but not ingested in the request: ${(error as Error).message}`);
      const after = await this.inbound.get(event.id);
      if (after?.ticketId) return { ticketNumber: (await this.tickets.get(after.ticketId)).number, duplicate: false };
      await this.inbound.enqueue(event.id);
      return { ticketNumber: null, duplicate: false };
    }
  }

  /** The same Idempotency-Key again: the same answer for the same submission, a 409 for a different one. */
  private async repeated(existing: InboundEvent, form: ContactFormSubmission): Promise<ContactFormResult> {
    if (!sameSubmission(existing.payload, form))
      throw new DomainError('conflict', 'this Idempotency-Key was already used for a different submission');
    if (!existing.ticketId) return { ticketNumber: null, duplicate: true };
    return { ticketNumber: (await this.tickets.get(existing.ticketId)).number, duplicate: true };
  }

  /**
   * A new person who gave a phone number and an e-mail address becomes one contact with both,
   * so an officer can answer on either. Addresses already known are never attached to another
   * contact: the form does not prove who owns them.
   */
  private async addBothAddresses(form: ContactFormSubmission): Promise<void> {
    if (!form.phone || !form.email) return;
    const phone = { kind: 'phone' as const, address: form.phone };
    const email = { kind: 'email' as const, address: form.email };
    try {
      const [byPhone, byEmail] = await Promise.all([this.contacts.findByIdentity(phone), this.contacts.findByIdentity(email)]);
      if (!byPhone && !byEmail) await this.contacts.create({ name: form.name, identities: [phone, email] }, { id: null });
    } catch (error) {
      // Another request created one of them meanwhile: ingestion finds the person by phone as usual.
      this.logger.warn(`contact form: contact with both addresses not created (${(error as Error).message})`);
    }
  }
}
