import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TicketsService } from '@app/tickets';
import { EscalationService } from '../escalation/escalation.service.js';
import { SlaClockService } from './sla-clock.service.js';
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
    const ticket = await this.tickets.get(ticketId).catch(() => null);
    if (!ticket) return { done: 'not-needed' };
    const at = await this.clock.fireTimeOf(ticket, kind);
    if (!at) return { done: 'not-needed' };
    if (at.getTime() > Date.now() + 500) return { later: at };
    if (kind === 'escalate') {
      await this.escalation.step(ticket);
      // The job running now holds this timer's id, so the next level is scheduled by delaying this same job.
      const next = await this.clock.fireTimeOf(await this.tickets.get(ticketId), 'escalate');
      return next && next.getTime() > Date.now() ? { done: 'escalated', later: next } : { done: 'escalated' };
    }
    const target = kind.startsWith('frt') ? 'first_response' : 'resolution';
    const due = (target === 'first_response' ? ticket.firstResponseDueAt : ticket.resolutionDueAt)?.toISOString() ?? '';
    const action = kind.endsWith('warn') ? 'ticket.sla_warning' : 'ticket.sla_breached';
    // Once per target and due time, however often the timer runs (retries, reconciliation).
    const recorded: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM audit_log WHERE entity_type = 'ticket' AND entity_id = $1 AND action = $2 AND after->>'target' = $3 AND after->>'due' = $4 LIMIT 1`,
      [ticketId, action, target, due],
    );
    if (recorded.length) return { done: 'not-needed' };
    await this.tickets.applySystemChanges(ticketId, {}, { action, meta: { target, due } });
    if (action === 'ticket.sla_warning') {
      await this.escalation.warn(ticket, target);
      return { done: 'warned' };
    }
    await this.escalation.breach(ticket, target);
    return { done: 'breached' };
  }
}
