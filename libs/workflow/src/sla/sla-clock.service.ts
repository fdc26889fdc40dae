import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@app/common';
import { type Ticket, TicketsService } from '@app/tickets';
import { workingMinutesBetween } from '../calendar/business-calendar.js';
import { BusinessCalendarsService } from '../calendar/business-calendars.service.js';
import { RecentReads } from '../recent-reads.js';
import { choosePolicy } from './sla-policy-choice.js';
import { SlaPolicy } from './sla-policy.entity.js';
import { clockRuns, dueTimes, plannedTimers, type SlaTargets, type SlaTicketState, timersDueBefore } from './sla-plan.js';
import { SLA_TIMER_KINDS, SlaTimersService, type SlaTimerKind } from './sla-timers.service.js';

/** What planning a ticket's timers reads from it (a `Ticket`, or a reconciliation row). */
export type SlaClockState = SlaTicketState &
  Pick<Ticket, 'id' | 'priority' | 'type' | 'slaPolicyId' | 'teamId' | 'firstResponseDueAt' | 'resolutionDueAt'>;

/**
 * Timers are planned with policies and calendars read at most this long ago (every firing and
 * reconciled ticket needs them); due times themselves are computed from fresh reads and stored.
 */
const SETTINGS_MAX_AGE_MS = 60_000;

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
    private readonly config: AppConfig,
  ) {}

  private readonly recentPolicies = new RecentReads(SETTINGS_MAX_AGE_MS, (id: string) => this.policies.findOneBy({ id }));
  private readonly recentCalendars = new RecentReads(SETTINGS_MAX_AGE_MS, (teamId: string) => this.calendars.specFor(teamId || null));

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

  /** Sets exactly the timers the ticket needs now (within the horizon) and removes the others. */
  async refreshTimers(ticket: Ticket): Promise<void> {
    const plan = await this.timersToKeep(ticket, new Date());
    const unused = SLA_TIMER_KINDS.filter((k) => !plan[k]);
    await Promise.all([
      this.timers.clear(ticket.id, unused),
      ...(Object.entries(plan) as [SlaTimerKind, Date][]).map(([kind, at]) => this.timers.set(ticket.id, kind, at)),
    ]);
  }

  /** The timers Redis should hold for the ticket now: those due within `SLA_TIMER_HORIZON_MINUTES`. */
  async timersToKeep(ticket: SlaClockState, now: Date): Promise<Partial<Record<SlaTimerKind, Date>>> {
    const plan = await this.planned(ticket, now);
    return timersDueBefore(plan, new Date(now.getTime() + this.config.SLA_TIMER_HORIZON_MINUTES * 60_000));
  }

  /** When a timer of this kind should fire for the ticket as it is now (null: it should not). */
  async fireTimeOf(ticket: SlaClockState, kind: SlaTimerKind): Promise<Date | null> {
    return (await this.planned(ticket, new Date()))[kind] ?? null;
  }

  private async planned(ticket: SlaClockState, now: Date): Promise<Partial<Record<SlaTimerKind, Date>>> {
    const stored = ticket.slaPolicyId ? await this.recentPolicies.get(ticket.slaPolicyId) : null;
    const policy = stored ?? (await this.targetsFor(ticket, false));
    if (!policy) return {};
    const spec = await this.recentCalendars.get(ticket.teamId ?? '');
    return plannedTimers(ticket, policy, spec, now);
  }
}
