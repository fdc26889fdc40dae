import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Ticket, TicketsService } from '@app/tickets';
import { EscalationService } from '../escalation/escalation.service.js';
import { SlaClockService } from './sla-clock.service.js';
import { noticeKey, noticeOf, noticeSettled, recordedNotices } from './sla-notices.js';
import type { SlaTimerKind } from './sla-timers.service.js';

/** `later`: this same timer must run again then (its due time moved, or the next escalation level follows). */
export type TimerOutcome = { done: 'warned' | 'breached' | 'escalated' | 'not-needed'; later?: Date } | { later: Date };

/**
 * What a fired timer does. It re-reads the ticket first: a timer that is early (the due time
 * moved) asks to run later, one that is no longer needed does nothing, and a warning is sent once per due time.
 */
@Injectable()
export class SlaTimerHandler {
  constructor(
    private readonly tickets: TicketsService,
    private readonly clock: SlaClockService,
    private readonly escalation: EscalationService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async handle(ticketId: string, kind: SlaTimerKind): Promise<TimerOutcome> {
    const ticket = await this.read(ticketId);
    if (!ticket) return { done: 'not-needed' };
    const at = await this.clock.fireTimeOf(ticket, kind);
    if (!at) return { done: 'not-needed' };
    if (at.getTime() > Date.now() + 500) return { later: at };
    if (kind === 'escalate') {
      await this.escalation.step(ticket);
      // The job running now holds this timer's id, so the next level is scheduled by delaying this same job.
      const stepped = await this.read(ticketId);
      const next = stepped && (await this.clock.fireTimeOf(stepped, 'escalate'));
      return next && next.getTime() > Date.now() ? { done: 'escalated', later: next } : { done: 'escalated' };
    }
    const notice = noticeOf(kind, ticket)!;
    // Once per target and due time, however often the timer runs (retries, reconciliation).
    const recorded = await recordedNotices(this.dataSource, [ticketId]);
    if (noticeSettled(ticketId, notice, ticket.escalationLevel, recorded)) return { done: 'not-needed' };
    const { action, target, due } = notice;
    if (!recorded.has(noticeKey(ticketId, notice))) await this.tickets.applySystemChanges(ticketId, {}, { action, meta: { target, due } });
    if (action === 'ticket.sla_warning') {
      await this.escalation.warn(ticket, target);
      return { done: 'warned' };
    }
    await this.escalation.breach(ticket, target);
    return { done: 'breached' };
  }

  /** The ticket's own columns: every firing reads one, and none of its relations is needed. */
  private read(ticketId: string): Promise<Ticket | null> {
    return this.dataSource.getRepository(Ticket).findOneBy({ id: ticketId });
  }
}
