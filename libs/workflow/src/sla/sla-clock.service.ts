import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@app/common';
import { type SystemTicketChanges, type Ticket, TicketsService } from '@app/tickets';
import { type CalendarSpec, workingMinutesBetween } from '../calendar/business-calendar.js';
import { BusinessCalendarsService } from '../calendar/business-calendars.service.js';
import { type SettingsReads, WorkflowSettings } from '../workflow-settings.js';
import { choosePolicy } from './sla-policy-choice.js';
import { SlaPolicy } from './sla-policy.entity.js';
import { clockRuns, dueTimes, plannedTimers, type SlaTargets, type SlaTicketState, timersDueBefore } from './sla-plan.js';
import { SlaTimersService, type SlaTimerKind } from './sla-timers.service.js';

/** What planning a ticket's timers reads from it (a `Ticket`, or a reconciliation row). */
export type SlaClockState = SlaTicketState &
  Pick<Ticket, 'id' | 'priority' | 'type' | 'slaPolicyId' | 'teamId' | 'firstResponseDueAt' | 'resolutionDueAt'>;

/** A ticket's SLA policy and due times as stored, with the settings they were computed from. */
export interface SlaSetting {
  changes: SystemTicketChanges;
  audit: { action: string; meta: Record<string, unknown> };
  /** What the due times were computed from (null: no policy applies). */
  basis: SlaBasis | null;
}

interface SlaBasis {
  targets: SlaTargets & { id: string };
  spec: CalendarSpec;
}

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
    private readonly settings: WorkflowSettings,
    private readonly config: AppConfig,
  ) {}

  /** The ticket's own policy while it exists, else the most specific active one. */
  private async policyOf(ticket: Pick<Ticket, 'priority' | 'type' | 'slaPolicyId'>, settings: SettingsReads): Promise<SlaPolicy | null> {
    const id = ticket.slaPolicyId;
    const stored = id ? await settings.get(`sla-policy:${id}`, () => this.policies.findOneBy({ id })) : null;
    return stored ?? chosenFrom(await this.activePolicies(settings), ticket);
  }

  private activePolicies(settings: SettingsReads): Promise<SlaPolicy[]> {
    return settings.get('active-sla-policies', () => this.policies.findBy({ active: true }));
  }

  private calendarOf(teamId: string | null, settings: SettingsReads): Promise<CalendarSpec> {
    return settings.get(`calendar-of-team:${teamId ?? ''}`, () => this.calendars.specFor(teamId));
  }

  /**
   * The policy and due times the ticket should carry now, with what planning its timers needs.
   * Policies and the calendar are the current ones (`WorkflowSettings`): a ticket routed right after an
   * edit already follows it. `settings`: the caller's reads of the current settings, so their version is not read again.
   */
  async settingFor(
    ticket: SlaTicketState & Pick<Ticket, 'priority' | 'type' | 'slaPolicyId' | 'teamId'>,
    settings?: SettingsReads,
  ): Promise<SlaSetting> {
    const current = settings ?? (await this.settings.current());
    const targets = chosenFrom(await this.activePolicies(current), ticket);
    if (!targets)
      return {
        changes: { slaPolicyId: null, firstResponseDueAt: null, resolutionDueAt: null },
        audit: { action: 'ticket.sla_set', meta: { policy: null } },
        basis: null,
      };
    const spec = await this.calendarOf(ticket.teamId, current);
    return {
      changes: { slaPolicyId: targets.id, ...dueTimes(ticket, targets, spec) },
      audit: { action: 'ticket.sla_set', meta: { policy: targets.id } },
      basis: { targets, spec },
    };
  }

  /** (Re)computes the ticket's policy and due times (new ticket, or priority/type changed) and sets its timers. */
  async apply(ticketId: string, loaded?: Ticket, settings?: SettingsReads): Promise<Ticket> {
    // `loaded`: the ticket as the caller has just read or written it, so it is not read again.
    const ticket = loaded?.id === ticketId ? loaded : await this.tickets.get(ticketId);
    const setting = await this.settingFor(ticket, settings);
    const updated = await this.tickets.applySystemChanges(ticketId, setting.changes, setting.audit, ticket);
    await this.refreshTimers(updated, setting);
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
    const settings = await this.settings.current();
    const policy = await this.policyOf(ticket, settings);
    const spec = await this.calendarOf(ticket.teamId, settings);
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

  /**
   * Sets exactly the timers the ticket needs now (within the horizon) and removes the others.
   * `setting`: the one just stored on the ticket, so its policy and calendar are not read again.
   */
  async refreshTimers(ticket: Ticket, setting?: SlaSetting): Promise<void> {
    const plan = await this.timersToKeep(ticket, new Date(), setting?.basis);
    await this.timers.replace(ticket.id, plan);
  }

  /**
   * The timers Redis should hold for the ticket now: those due within `SLA_TIMER_HORIZON_MINUTES`.
   * `settings`: reads of the current settings shared by many tickets (the reconciler's page).
   */
  async timersToKeep(
    ticket: SlaClockState,
    now: Date,
    basis?: SlaBasis | null,
    settings?: SettingsReads,
  ): Promise<Partial<Record<SlaTimerKind, Date>>> {
    const plan = await this.planned(ticket, now, basis, settings);
    return timersDueBefore(plan, new Date(now.getTime() + this.config.SLA_TIMER_HORIZON_MINUTES * 60_000));
  }

  /** When a timer of this kind should fire for the ticket as it is now (null: it should not). */
  async fireTimeOf(ticket: SlaClockState, kind: SlaTimerKind): Promise<Date | null> {
    return (await this.planned(ticket, new Date()))[kind] ?? null;
  }

  /** `basis`: the policy and calendar just read (null: no policy applies); otherwise those of the current settings. */
  private async planned(
    ticket: SlaClockState,
    now: Date,
    basis?: SlaBasis | null,
    settings?: SettingsReads,
  ): Promise<Partial<Record<SlaTimerKind, Date>>> {
    if (basis !== undefined) return basis ? plannedTimers(ticket, basis.targets, basis.spec, now) : {};
    const current = settings ?? (await this.settings.current());
    const policy = await this.policyOf(ticket, current);
    if (!policy) return {};
    return plannedTimers(ticket, policy, await this.calendarOf(ticket.teamId, current), now);
  }
}

/** The most specific of the active policies for the ticket, as stored (null: none applies). */
function chosenFrom(active: SlaPolicy[], ticket: Pick<Ticket, 'priority' | 'type'>): SlaPolicy | null {
  const chosen = choosePolicy(active, ticket.priority, ticket.type);
  return chosen ? active.find((p) => p.id === chosen.id)! : null;
}
