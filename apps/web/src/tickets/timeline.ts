import { canAdvance } from '../../../../libs/tickets/src/delivery-status';
import type { DeliveryStatus } from '../../../../libs/tickets/src/ticket-vocabulary';
import type { AuditEntryView, MessageView } from '../api/views';

/**
 * One timeline for a ticket: its messages (inbound, outbound, notes — across channels) and the
 * system events of its history (routing, assignment, status, escalation, referral, SLA), oldest
 * first. Audit entries that only repeat a message (a reply, a note, an upload) are left out.
 */
export type TimelineItem =
  { kind: 'message'; id: string; at: string; message: MessageView } | { kind: 'event'; id: string; at: string; event: TicketEvent };

export type TicketEventKind =
  | 'created'
  | 'routed'
  | 'assigned'
  | 'unassigned'
  | 'status'
  | 'escalated'
  | 'referred'
  | 'updated'
  | 'sla_set'
  | 'sla_paused'
  | 'sla_resumed'
  | 'sla_warning'
  | 'sla_breached'
  | 'other';

export interface TicketEvent {
  kind: TicketEventKind;
  action: string;
  actorId: string | null;
  /** Fields the label needs: status from/to, assignee id, level, reason, target, changed fields. */
  data: {
    from?: string;
    to?: string;
    assigneeId?: string | null;
    previousAssigneeId?: string | null;
    level?: number;
    reason?: string;
    target?: string;
    fields?: string[];
    automatic?: boolean;
    ruleName?: string;
  };
}

/** Entries already visible as a message on the timeline. */
const HIDDEN = new Set(['ticket.replied', 'ticket.note_added', 'ticket.attachment_uploaded']);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export function toTicketEvent(entry: AuditEntryView): TicketEvent | null {
  if (HIDDEN.has(entry.action)) return null;
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const base = { action: entry.action, actorId: entry.actorId };
  switch (entry.action) {
    case 'ticket.created':
      return { ...base, kind: 'created', data: {} };
    case 'ticket.routed':
      return { ...base, kind: 'routed', data: { ruleName: str(after.ruleName), fields: Object.keys(before) } };
    case 'ticket.assigned': {
      const assigneeId = (after.assigneeId as string | null | undefined) ?? null;
      return {
        ...base,
        kind: assigneeId ? 'assigned' : 'unassigned',
        data: { assigneeId, previousAssigneeId: (before.assigneeId as string | null | undefined) ?? null, reason: str(after.reason) },
      };
    }
    case 'ticket.status_changed':
      return { ...base, kind: 'status', data: { from: str(before.status), to: str(after.status), reason: str(after.reason) } };
    case 'ticket.escalated':
      return {
        ...base,
        kind: 'escalated',
        data: {
          level: typeof after.escalationLevel === 'number' ? after.escalationLevel : typeof after.level === 'number' ? after.level : undefined,
          reason: str(after.reason),
          automatic: after.automatic === true,
        },
      };
    case 'ticket.referred':
      return { ...base, kind: 'referred', data: { assigneeId: str(after.assigneeId) ?? null, reason: str(after.reason) } };
    case 'ticket.updated':
      return { ...base, kind: 'updated', data: { fields: Object.keys(after) } };
    case 'ticket.sla_set':
      return { ...base, kind: 'sla_set', data: {} };
    case 'ticket.sla_paused':
      return { ...base, kind: 'sla_paused', data: {} };
    case 'ticket.sla_resumed':
      return { ...base, kind: 'sla_resumed', data: {} };
    case 'ticket.sla_warning':
      return { ...base, kind: 'sla_warning', data: { target: str(after.target) } };
    case 'ticket.sla_breached':
      return { ...base, kind: 'sla_breached', data: { target: str(after.target) } };
    default:
      return { ...base, kind: 'other', data: {} };
  }
}

export function mergeTimeline(messages: readonly MessageView[], history: readonly AuditEntryView[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const message of messages) items.push({ kind: 'message', id: `m:${message.id}`, at: message.createdAt, message });
  for (const entry of history) {
    const event = toTicketEvent(entry);
    if (event) items.push({ kind: 'event', id: `e:${entry.id}`, at: entry.createdAt, event });
  }
  // Oldest first; at the same instant the event (e.g. "created") before the message; otherwise stable.
  return items
    .map((item, index) => ({ item, index, t: Date.parse(item.at) }))
    .sort((a, b) => a.t - b.t || (a.item.kind === b.item.kind ? a.index - b.index : a.item.kind === 'event' ? -1 : 1))
    .map((x) => x.item);
}

/**
 * Whether `copy` is an older state of the message than `known`: its delivery status is one `known` has
 * already moved past. Live events come from several processes and a refetch may have left the server
 * before the latest event: such a copy (e.g. the "created" event, still queued) never replaces a newer status.
 */
function isOlderCopy(known: MessageView, copy: MessageView): boolean {
  return (
    !!known.deliveryStatus &&
    !!copy.deliveryStatus &&
    known.deliveryStatus !== copy.deliveryStatus &&
    !canAdvance(known.deliveryStatus as DeliveryStatus, copy.deliveryStatus as DeliveryStatus)
  );
}

/** Adds or replaces one message (from `message.created` / `message.updated`) in a ticket's list, in time order. */
export function upsertMessage(messages: readonly MessageView[], message: MessageView): MessageView[] {
  const at = messages.findIndex((m) => m.id === message.id);
  if (at >= 0) return isOlderCopy(messages[at]!, message) ? [...messages] : messages.map((m, i) => (i === at ? message : m));
  return [...messages, message].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/** A refetched list of messages, keeping what the console already knows of a delivery when the fetched copy is older. */
export function keepNewerDeliveries(known: readonly MessageView[] | undefined, fetched: MessageView[]): MessageView[] {
  if (!known?.length) return fetched;
  const byId = new Map(known.map((m) => [m.id, m]));
  return fetched.map((m) => {
    const current = byId.get(m.id);
    return current && isOlderCopy(current, m) ? current : m;
  });
}
