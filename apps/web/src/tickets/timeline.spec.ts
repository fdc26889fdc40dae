import type { AuditEntryView, MessageView } from '../api/views';
import { keepNewerDeliveries, mergeTimeline, toTicketEvent, upsertMessage } from './timeline';

const message = (id: string, at: string, over: Partial<MessageView> = {}): MessageView => ({
  id,
  ticketId: 't1',
  direction: 'inbound',
  channel: 'sms',
  body: 'نص',
  bodyHtml: null,
  author: null,
  deliveryStatus: 'received',
  deliveryError: null,
  externalId: null,
  createdAt: at,
  attachments: [],
  ...over,
});

const entry = (
  id: string,
  action: string,
  at: string,
  before: Record<string, unknown> | null = null,
  after: Record<string, unknown> | null = null,
): AuditEntryView => ({
  id,
  seq: id,
  actorId: null,
  action,
  entityType: 'ticket',
  entityId: 't1',
  before,
  after,
  ip: null,
  createdAt: at,
});

describe('ticket timeline', () => {
  it('merges messages and system events oldest first, leaving out entries that repeat a message', () => {
    const items = mergeTimeline(
      [message('m1', '2025-03-02T10:00:00.000Z'), message('m2', '2025-03-02T10:05:00.000Z', { direction: 'outbound' })],
      [
        entry('e1', 'ticket.created', '2025-03-02T10:00:00.000Z'),
        entry('e2', 'ticket.routed', '2025-03-02T10:00:01.000Z', { teamId: null }, { teamId: 'x', ruleName: 'الإيجار' }),
        entry('e3', 'ticket.replied', '2025-03-02T10:05:00.000Z', null, { messageId: 'm2' }),
        entry('e4', 'ticket.status_changed', '2025-03-02T10:05:00.001Z', { status: 'new' }, { status: 'open', cause: 'reply' }),
      ],
    );
    expect(items.map((i) => i.id)).toEqual(['e:e1', 'm:m1', 'e:e2', 'm:m2', 'e:e4']);
    const status = items[4];
    expect(status?.kind === 'event' && status.event).toMatchObject({ kind: 'status', data: { from: 'new', to: 'open' } });
  });

  it('reads assignment, escalation, referral and SLA entries', () => {
    expect(toTicketEvent(entry('a', 'ticket.assigned', 'x', { assigneeId: null }, { assigneeId: 'u1' }))).toMatchObject({
      kind: 'assigned',
      data: { assigneeId: 'u1', previousAssigneeId: null },
    });
    expect(toTicketEvent(entry('a', 'ticket.assigned', 'x', { assigneeId: 'u1' }, { assigneeId: null }))?.kind).toBe('unassigned');
    expect(toTicketEvent(entry('b', 'ticket.escalated', 'x', { escalationLevel: 0 }, { escalationLevel: 1, reason: 'تأخر' }))?.data).toMatchObject({
      level: 1,
      reason: 'تأخر',
    });
    expect(toTicketEvent(entry('b', 'ticket.escalated', 'x', {}, { level: 2, reason: 'r', automatic: true }))?.data).toMatchObject({
      level: 2,
      automatic: true,
    });
    expect(toTicketEvent(entry('c', 'ticket.referred', 'x', {}, { assigneeId: 'u2', reason: 'غير واضح' }))).toMatchObject({
      kind: 'referred',
      data: { assigneeId: 'u2' },
    });
    expect(toTicketEvent(entry('d', 'ticket.sla_breached', 'x', {}, { target: 'first_response', due: 'x' }))).toMatchObject({
      kind: 'sla_breached',
      data: { target: 'first_response' },
    });
    expect(toTicketEvent(entry('e', 'ticket.updated', 'x', { priority: 'normal' }, { priority: 'high', tags: [] }))?.data.fields).toEqual([
      'priority',
      'tags',
    ]);
    expect(toTicketEvent(entry('f', 'ticket.note_added', 'x'))).toBeNull();
    expect(toTicketEvent(entry('g', 'help_request.handoff', 'x'))?.kind).toBe('other');
  });

  it('adds a live message in time order and replaces an updated one', () => {
    const list = [message('m1', '2025-03-02T10:00:00Z'), message('m3', '2025-03-02T10:10:00Z')];
    expect(upsertMessage(list, message('m2', '2025-03-02T10:05:00Z')).map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    const updated = upsertMessage(list, message('m3', '2025-03-02T10:10:00Z', { deliveryStatus: 'delivered' }));
    expect(updated.map((m) => m.deliveryStatus)).toEqual(['received', 'delivered']);
  });

  it('never lets a late copy move a delivery status back (events arrive out of order)', () => {
    const sent = [message('m1', '2025-03-02T10:00:00Z', { direction: 'outbound', deliveryStatus: 'sent', externalId: 'SM1' })];
    const late = upsertMessage(sent, message('m1', '2025-03-02T10:00:00Z', { direction: 'outbound', deliveryStatus: 'queued' }));
    expect(late[0]).toMatchObject({ deliveryStatus: 'sent', externalId: 'SM1' });
    const failed = upsertMessage(sent, message('m1', '2025-03-02T10:00:00Z', { direction: 'outbound', deliveryStatus: 'failed', deliveryError: 'x' }));
    expect(failed[0]).toMatchObject({ deliveryStatus: 'failed', deliveryError: 'x' });
  });

  it('keeps a live delivery status when a refetch that left the server earlier arrives after it', () => {
    const known = [
      message('m1', '2025-03-02T10:00:00Z'),
      message('m2', '2025-03-02T10:01:00Z', { direction: 'outbound', deliveryStatus: 'sent', externalId: 'SM2' }),
    ];
    const fetched = [
      message('m1', '2025-03-02T10:00:00Z'),
      message('m2', '2025-03-02T10:01:00Z', { direction: 'outbound', deliveryStatus: 'queued' }),
      message('m3', '2025-03-02T10:02:00Z'),
    ];
    expect(keepNewerDeliveries(known, fetched).map((m) => [m.id, m.deliveryStatus])).toEqual([
      ['m1', 'received'],
      ['m2', 'sent'],
      ['m3', 'received'],
    ]);
    // A newer status from the server is taken.
    const delivered = keepNewerDeliveries(known, [message('m2', '2025-03-02T10:01:00Z', { direction: 'outbound', deliveryStatus: 'delivered' })]);
    expect(delivered[0]!.deliveryStatus).toBe('delivered');
    expect(keepNewerDeliveries(undefined, fetched)).toBe(fetched);
  });
});
