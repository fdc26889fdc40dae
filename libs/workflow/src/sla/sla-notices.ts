import type { DataSource } from 'typeorm';
import type { SlaTimerKind } from './sla-timers.service.js';

/** What a warning or breach timer records on the ticket: once per target and due time. */
export interface SlaNotice {
  action: 'ticket.sla_warning' | 'ticket.sla_breached';
  target: 'first_response' | 'resolution';
  due: string;
}

/** The notice a timer of this kind records for the ticket as it is (null: the escalation timer, which records levels). */
export function noticeOf(kind: SlaTimerKind, ticket: { firstResponseDueAt: Date | null; resolutionDueAt: Date | null }): SlaNotice | null {
  if (kind === 'escalate') return null;
  const target = kind.startsWith('frt') ? 'first_response' : 'resolution';
  const due = (target === 'first_response' ? ticket.firstResponseDueAt : ticket.resolutionDueAt)?.toISOString() ?? '';
  return { action: kind.endsWith('warn') ? 'ticket.sla_warning' : 'ticket.sla_breached', target, due };
}

export function noticeKey(ticketId: string, notice: SlaNotice): string {
  return `${ticketId} ${notice.action} ${notice.target} ${notice.due}`;
}

/**
 * Nothing is left to do for this notice: a warning once recorded; a breach once recorded and the
 * ticket escalated (a worker stopped between the two must still escalate when the timer runs again).
 */
export function noticeSettled(ticketId: string, notice: SlaNotice, escalationLevel: number, recorded: ReadonlySet<string>): boolean {
  if (!recorded.has(noticeKey(ticketId, notice))) return false;
  return notice.action === 'ticket.sla_warning' || escalationLevel >= 1;
}

/** The warnings and breaches already recorded for these tickets, as `noticeKey`s. */
export async function recordedNotices(dataSource: DataSource, ticketIds: readonly string[]): Promise<Set<string>> {
  if (!ticketIds.length) return new Set();
  const rows: (SlaNotice & { ticketId: string })[] = await dataSource.query(
    `SELECT entity_id AS "ticketId", action, after->>'target' AS target, after->>'due' AS due FROM audit_log
     WHERE entity_type = 'ticket' AND entity_id = ANY($1) AND action IN ('ticket.sla_warning', 'ticket.sla_breached')`,
    [ticketIds],
  );
  return new Set(rows.map((r) => noticeKey(r.ticketId, r)));
}
