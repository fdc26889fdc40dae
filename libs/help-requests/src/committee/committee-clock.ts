/**
 * The committee's clock. A hand-off starts it (or resumes it); "more information needed" stops
 * it, keeping the time left; the next hand-off resumes it with that time. The applicant is told
 * the expected decision date, never sooner than the policy's minimum (14 days).
 */
import { MIN_COMMITTEE_DAYS } from '../catalogue/service-type-spec.js';

const DAY_MS = 86_400_000;

/** Days the committee is given: the service's target, the configured minimum, and never under 14. */
export function committeeDays(serviceTargetDays: number, configuredDays: number): number {
  return Math.max(MIN_COMMITTEE_DAYS, configuredDays, serviceTargetDays);
}

export interface ClockState {
  dueAt: Date | null;
  pausedAt: Date | null;
  remainingSeconds: number | null;
}

/** A first hand-off starts the full period; a hand-off after "more information" resumes the time that was left. */
export function startOrResume(clock: ClockState, now: Date, days: number): { dueAt: Date; resumed: boolean } {
  if (clock.pausedAt && clock.remainingSeconds !== null) {
    return { dueAt: new Date(now.getTime() + clock.remainingSeconds * 1000), resumed: true };
  }
  return { dueAt: new Date(now.getTime() + days * DAY_MS), resumed: false };
}

/** Stops the clock; the time left is kept (0 when already overdue). */
export function pause(dueAt: Date, now: Date): { pausedAt: Date; remainingSeconds: number } {
  return { pausedAt: now, remainingSeconds: Math.max(0, Math.ceil((dueAt.getTime() - now.getTime()) / 1000)) };
}

/** Seconds between the pause and the resumption, added to the request's total paused time. */
export function pausedSeconds(pausedAt: Date, now: Date): number {
  return Math.max(0, Math.round((now.getTime() - pausedAt.getTime()) / 1000));
}

export function isOverdue(dueAt: Date | null, now: Date): boolean {
  return !!dueAt && now.getTime() > dueAt.getTime();
}

/** Whole days left until the due time (negative when overdue). */
export function daysLeft(dueAt: Date, now: Date): number {
  return Math.floor((dueAt.getTime() - now.getTime()) / DAY_MS);
}
