import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type Ticket, TicketsService } from '@app/tickets';
import { workingMinutesBetween } from '../calendar/business-calendar.js';
import { BusinessCalendarsService } from '../calendar/business-calendars.service.js';
import { choosePolicy } from './sla-policy-choice.js';
import { SlaPolicy } from './sla-policy.entity.js';
import { clockRuns, dueTimes, plannedTimers, type SlaTargets } from './sla-plan.js';
import { SLA_TIMER_KINDS, SlaTimersService, type SlaTimerKind } from './sla-timers.service.js';

/**
 * SLA clocks on the business calendar: due times from the policy, stopped while a ticket waits on
 * the contact or the committee, and the delayed timers that fire warnings, breaches and escalations.
 */
@Injectable()
export class SlaClockService {
  constructor(
    @InjectRepository(SlaPolicy) private readonly policies: Repository<SlaPolicy>,
    private readonly calendars: BusinessCalendarsService,
    private readonly timers: SlaTimersService,
    private readonly tickets: TicketsService,
  ) {}

  async targetsFor(ticket: Pick<Ticket, 'priority' | 'type' | 'slaPolicyId'>, preferStored = true): Promise<(SlaTargets & { id: string }) | null> {
    if (preferStored && ticket.slaPolicyId) {
      const stored = await this.policies.findOneBy({ id: ticket.slaPolicyId });
      if (stored) return stored;
    }
    const active = await this.policies.findBy({ active: true });
    const chosen = choosePolicy(active, ticket.priority, ticket.type);
    return chosen ? active.find((p) => p.id === chosen.id)! : null;
  }

  /** (Re)computes the ticket's policy and due times (new ticket, or priority/type changed) and sets its timers. */
  async apply(ticketId: string): Promise<Ticket> {
    const ticket = await this.tickets.get(ticketId);
    const policy = await this.targetsFor(ticket, false);
    if (!policy) {
      const cleared = await this.tickets.applySystemChanges(
        ticketId,
        { slaPolicyId: null, firstResponseDueAt: null, resolutionDueAt: null },
        { action: 'ticket.sla_set', meta: { policy: null } },
      );
      await this.timers.clear(ticketId);
      return cleared;
    }
    const spec = await this.calendars.specFor(ticket.teamId);
    const due = dueTimes(ticket, policy, spec);
    const updated = await this.tickets.applySystemChanges(
      ticketId,
      { slaPolicyId: policy.id, ...due },
      { action: 'ticket.sla_set', meta: { policy: policy.id } },
    );
    await this.refreshTimers(updated);
    return updated;
  }

  /** The clock stops: pending on the contact, or with the committee (which keeps its own clock). */
  async pause(ticketId: string): Promise<void> {
    const ticket = await this.tickets.get(ticketId);
    if (ticket.slaPausedAt) return;
    await this.tickets.applySystemChanges(ticketId, { slaPausedAt: new Date() }, { action: 'ticket.sla_paused' });
    await this.timers.clear(ticketId);
  }

  /** The clock runs again; due times move back by the working time it was stopped. */
  async resume(ticketId: string): Promise<void> {
    const ticket = await this.tickets.get(ticketId);
    if (!ticket.slaPausedAt || !clockRuns(ticket.status)) return;
    const policy = await this.targetsFor(ticket);
    const spec = await this.calendars.specFor(ticket.teamId);
    const pausedMinutes = ticket.slaPausedMinutes + workingMinutesBetween(ticket.slaPausedAt, new Date(), spec);
    const due = policy ? dueTimes({ ...ticket, slaPausedMinutes: pausedMinutes }, policy, spec) : {};
    const updated = await this.tickets.applySystemChanges(
      ticketId,
      { slaPausedAt: null, slaPausedMinutes: pausedMinutes, ...due },
      { action: 'ticket.sla_resumed' },
    );
    await this.refreshTimers(updated);
  }

  async stop(ticketId: string): Promise<void> {
    await this.timers.clear(ticketId);
  }

  /** Sets exactly the timers the ticket needs now and removes the others. */
  async refreshTimers(ticket: Ticket): Promise<void> {
    const policy = await this.targetsFor(ticket);
    if (!policy) return this.timers.clear(ticket.id);
    const spec = await this.calendars.specFor(ticket.teamId);
    const plan = plannedTimers(ticket, policy, spec, new Date());
    const unused = SLA_TIMER_KINDS.filter((k) => !plan[k]);
    await this.timers.clear(ticket.id, unused);
    for (const [kind, at] of Object.entries(plan) as [SlaTimerKind, Date][]) await this.timers.set(ticket.id, kind, at);
  }

  /** When a timer of this kind should fire for the ticket as it is now (null: it should not). */
  async fireTimeOf(ticket: Ticket, kind: SlaTimerKind): Promise<Date | null> {
    const policy = await this.targetsFor(ticket);
    if (!policy) return null;
    const plan = plannedTimers(ticket, policy, await this.calendars.specFor(ticket.teamId), new Date());
    return plan[kind] ?? null;
  }
}
