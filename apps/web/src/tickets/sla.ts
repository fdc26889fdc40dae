/**
 * The SLA badge of a ticket: for its first response (until someone answered) and its resolution
 * (until resolved). A target is "warning" from 80% of the time between the ticket's creation and
 * the due time (the same 80% at which the worker warns), and "breached" past the due time.
 */
export type SlaState = 'none' | 'met' | 'missed' | 'on_time' | 'warning' | 'breached' | 'paused';
export type SlaTarget = 'first_response' | 'resolution';

export const SLA_WARNING_SHARE = 0.8;

export interface SlaInput {
  status: string;
  createdAt: string;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
}

export interface SlaBadge {
  target: SlaTarget;
  state: SlaState;
  dueAt: string | null;
  /** Milliseconds until the due time (negative once past), null without one. */
  remainingMs: number | null;
}

/** Statuses in which the clock is stopped (waiting on the contact, or with the committee). */
const PAUSED = new Set(['pending', 'with_committee']);

function time(iso: string | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

export function slaState(start: number | null, due: number | null, done: number | null, now: number, paused = false): SlaState {
  if (due === null) return 'none';
  if (done !== null) return done <= due ? 'met' : 'missed';
  if (now >= due) return 'breached';
  if (paused) return 'paused';
  if (start !== null && due > start && now - start >= SLA_WARNING_SHARE * (due - start)) return 'warning';
  return 'on_time';
}

export function slaBadge(ticket: SlaInput, target: SlaTarget, now: number): SlaBadge {
  const dueAt = target === 'first_response' ? ticket.firstResponseDueAt : ticket.resolutionDueAt;
  const done = target === 'first_response' ? ticket.firstRespondedAt : ticket.resolvedAt;
  const due = time(dueAt);
  const state = slaState(time(ticket.createdAt), due, time(done), now, PAUSED.has(ticket.status));
  return { target, state, dueAt, remainingMs: due === null ? null : due - now };
}

/** The badge the queue shows: the first response while it is owed, else the resolution. */
export function currentSlaBadge(ticket: SlaInput, now: number): SlaBadge {
  const closed = ticket.status === 'resolved' || ticket.status === 'closed';
  if (!closed && ticket.firstResponseDueAt && !ticket.firstRespondedAt) return slaBadge(ticket, 'first_response', now);
  const resolution = slaBadge(ticket, 'resolution', now);
  if (resolution.state !== 'none') return resolution;
  return slaBadge(ticket, 'first_response', now);
}

/** Compact countdown parts: days, hours, minutes (of the absolute remaining time). */
export function countdownParts(ms: number): { days: number; hours: number; minutes: number } {
  const total = Math.floor(Math.abs(ms) / 60_000);
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}
