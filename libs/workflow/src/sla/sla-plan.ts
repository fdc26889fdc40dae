import { addWorkingMinutes, type CalendarSpec, subtractWorkingMinutes } from '../calendar/business-calendar.js';
import { SLA_WARNING_SHARE } from './sla-policy-choice.js';
import type { SlaTimerKind } from './sla-timers.service.js';

export interface SlaTicketState {
  status: string;
  createdAt: Date;
  firstRespondedAt: Date | null;
  slaPausedAt: Date | null;
  slaPausedMinutes: number;
  escalationLevel: number;
  lastEscalatedAt: Date | null;
}

export interface SlaTargets {
  firstResponseMinutes: number;
  resolutionMinutes: number;
  escalationStepMinutes: number;
}

export const MAX_ESCALATION_LEVEL = 3;

/** Statuses in which the clock runs; `pending` (waiting on the contact) and `with_committee` stop it. */
export function clockRuns(status: string): boolean {
  return status === 'new' || status === 'open';
}

/** Due times: the targets in working time from creation, pushed back by the time the clock was stopped. */
export function dueTimes(state: SlaTicketState, targets: SlaTargets, spec: CalendarSpec): { firstResponseDueAt: Date; resolutionDueAt: Date } {
  return {
    firstResponseDueAt: addWorkingMinutes(state.createdAt, targets.firstResponseMinutes + state.slaPausedMinutes, spec),
    resolutionDueAt: addWorkingMinutes(state.createdAt, targets.resolutionMinutes + state.slaPausedMinutes, spec),
  };
}

/**
 * When each timer should fire for the ticket as it is now: warnings when 80% of a target has
 * passed, breaches at the due times, and the next escalation level one step after the last.
 * A kind that should not fire is absent.
 */
export function plannedTimers(
  state: SlaTicketState & { firstResponseDueAt: Date | null; resolutionDueAt: Date | null },
  targets: SlaTargets,
  spec: CalendarSpec,
  now: Date,
): Partial<Record<SlaTimerKind, Date>> {
  if (!clockRuns(state.status) || state.slaPausedAt) return {};
  const plan: Partial<Record<SlaTimerKind, Date>> = {};
  if (!state.firstRespondedAt && state.firstResponseDueAt) {
    plan['frt-warn'] = subtractWorkingMinutes(state.firstResponseDueAt, targets.firstResponseMinutes * (1 - SLA_WARNING_SHARE), spec);
    plan['frt-breach'] = state.firstResponseDueAt;
  }
  if (state.resolutionDueAt) {
    plan['res-warn'] = subtractWorkingMinutes(state.resolutionDueAt, targets.resolutionMinutes * (1 - SLA_WARNING_SHARE), spec);
    plan['res-breach'] = state.resolutionDueAt;
  }
  if (state.escalationLevel >= 1 && state.escalationLevel < MAX_ESCALATION_LEVEL && state.lastEscalatedAt && isBreaching(state, now)) {
    plan.escalate = new Date(state.lastEscalatedAt.getTime() + targets.escalationStepMinutes * 60_000);
  }
  // Timers already past are not planned again, except breaches and escalation, which must still happen.
  for (const kind of ['frt-warn', 'res-warn'] as const) {
    const at = plan[kind];
    if (at && at.getTime() < now.getTime() - 1000 && plan[kind === 'frt-warn' ? 'frt-breach' : 'res-breach']!.getTime() <= now.getTime())
      delete plan[kind];
  }
  return plan;
}

/** Past a target that is still unmet. */
export function isBreaching(
  state: { firstRespondedAt: Date | null; firstResponseDueAt: Date | null; resolutionDueAt: Date | null; status: string },
  now: Date,
): boolean {
  const frt = !state.firstRespondedAt && !!state.firstResponseDueAt && state.firstResponseDueAt.getTime() <= now.getTime();
  const res = clockRuns(state.status) && !!state.resolutionDueAt && state.resolutionDueAt.getTime() <= now.getTime();
  return frt || res;
}

/** The planned timers due before `until`; later ones are added by a later reconciliation pass as they come within it. */
export function timersDueBefore(plan: Partial<Record<SlaTimerKind, Date>>, until: Date): Partial<Record<SlaTimerKind, Date>> {
  return Object.fromEntries(Object.entries(plan).filter(([, at]) => at.getTime() < until.getTime()));
}
