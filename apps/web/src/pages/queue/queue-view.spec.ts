import type { TicketView } from '../../api/views';
import {
  DEFAULT_SETTINGS,
  EMPTY_FILTERS,
  insertsAtTop,
  matchesQuery,
  parseSettings,
  patchPages,
  prependTicket,
  queueQuery,
  readSettings,
  writeSettings,
} from './queue-view';

const ticket = (over: Partial<TicketView> = {}): TicketView => ({
  id: 't1',
  number: '1446-000001',
  subject: 'استفسار',
  type: 'inquiry',
  status: 'new',
  priority: 'normal',
  channel: 'sms',
  contact: { id: 'c1', name: 'فاطمة', kind: 'beneficiary' },
  assignee: null,
  team: { id: 'team-a', name: 'أ' },
  category: null,
  escalationLevel: 0,
  tags: [],
  createdAt: '2025-03-02T10:00:00Z',
  updatedAt: '2025-03-02T10:00:00Z',
  lastActivityAt: '2025-03-02T10:00:00Z',
  firstResponseDueAt: null,
  resolutionDueAt: null,
  firstRespondedAt: null,
  resolvedAt: null,
  closedAt: null,
  ...over,
});

describe('queue views and filters', () => {
  it('asks the api for each view', () => {
    expect(queueQuery('mine', EMPTY_FILTERS, [])).toEqual({ sort: 'recent', mine: true });
    expect(queueQuery('unassigned', { ...EMPTY_FILTERS, assigneeId: 'u9' }, [])).toEqual({ sort: 'recent', unassigned: true });
    expect(queueQuery('team', EMPTY_FILTERS, ['team-a', 'team-b'])).toEqual({ sort: 'recent', teamId: 'team-a' });
    expect(queueQuery('team', { ...EMPTY_FILTERS, teamId: 'team-b' }, ['team-a', 'team-b']).teamId).toBe('team-b');
    expect(queueQuery('overdue', EMPTY_FILTERS, [])).toEqual({ sort: 'recent', overdue: true });
    expect(queueQuery('committee', { ...EMPTY_FILTERS, status: ['new'] }, [])).toEqual({ sort: 'recent', status: ['with_committee'] });
    expect(
      queueQuery('all', { ...EMPTY_FILTERS, status: ['new', 'open'], channel: ['sms'], priority: ['urgent'], q: ' ٠٥٠١٢٣ ', sort: 'due' }, []),
    ).toEqual({ sort: 'due', status: ['new', 'open'], channel: ['sms'], priority: ['urgent'], q: '050123' });
  });

  it('decides whether a live ticket belongs in the view', () => {
    const now = Date.parse('2025-03-03T00:00:00Z');
    expect(matchesQuery(ticket(), queueQuery('unassigned', EMPTY_FILTERS, []), 'me', now)).toBe(true);
    expect(matchesQuery(ticket({ assignee: { id: 'me', name: 'أنا' } }), queueQuery('unassigned', EMPTY_FILTERS, []), 'me', now)).toBe(false);
    expect(matchesQuery(ticket({ assignee: { id: 'me', name: 'أنا' } }), queueQuery('mine', EMPTY_FILTERS, []), 'me', now)).toBe(true);
    expect(matchesQuery(ticket(), queueQuery('team', EMPTY_FILTERS, ['team-b']), 'me', now)).toBe(false);
    expect(matchesQuery(ticket(), queueQuery('all', { ...EMPTY_FILTERS, channel: ['whatsapp'] }, []), 'me', now)).toBe(false);
    expect(matchesQuery(ticket(), queueQuery('overdue', EMPTY_FILTERS, []), 'me', now)).toBe(false);
    expect(matchesQuery(ticket({ firstResponseDueAt: '2025-03-02T12:00:00Z' }), queueQuery('overdue', EMPTY_FILTERS, []), 'me', now)).toBe(true);
    expect(matchesQuery(ticket({ status: 'with_committee' }), queueQuery('committee', EMPTY_FILTERS, []), 'me', now)).toBe(true);
    expect(matchesQuery(ticket(), queueQuery('all', { ...EMPTY_FILTERS, q: 'إيجار' }, []), 'me', now)).toBe('unknown');
  });

  it('updates a row in place, or removes it when it left the view', () => {
    const pages = [
      { items: [ticket(), ticket({ id: 't2' })], nextCursor: 'c' },
      { items: [ticket({ id: 't3' })], nextCursor: null },
    ];
    const changed = ticket({ id: 't3', priority: 'urgent' });
    const kept = patchPages(pages, changed, true);
    expect(kept.present).toBe(true);
    expect(kept.pages[1]?.items[0]?.priority).toBe('urgent');
    const removed = patchPages(pages, ticket({ id: 't2' }), false);
    expect(removed.pages[0]?.items.map((t) => t.id)).toEqual(['t1']);
    expect(patchPages(pages, ticket({ id: 'new' }), true).present).toBe(false);
  });

  it('puts a live ticket at the top when the sort is by recency, once', () => {
    expect(insertsAtTop('recent')).toBe(true);
    expect(insertsAtTop('newest')).toBe(true);
    expect(insertsAtTop('due')).toBe(false);
    expect(insertsAtTop('oldest')).toBe(false);
    const pages = [{ items: [ticket()], nextCursor: 'c' }];
    const next = prependTicket(pages, ticket({ id: 't9' }));
    expect(next[0]?.items.map((t) => t.id)).toEqual(['t9', 't1']);
    expect(next[0]?.nextCursor).toBe('c');
    expect(prependTicket(next, ticket({ id: 't9' }))[0]?.items).toHaveLength(2);
    expect(prependTicket([], ticket({ id: 't9' }))).toEqual([{ items: [ticket({ id: 't9' })], nextCursor: null }]);
  });

  it('remembers the view and filters per user, ignoring anything unexpected', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: () => undefined,
    };
    expect(readSettings(storage, 'u1')).toEqual(DEFAULT_SETTINGS);
    writeSettings(storage, 'u1', { view: 'mine', filters: { ...EMPTY_FILTERS, channel: ['sms'], q: 'إيجار' } });
    expect(readSettings(storage, 'u1')).toEqual({ view: 'mine', filters: { ...EMPTY_FILTERS, channel: ['sms'], q: 'إيجار' } });
    expect(readSettings(storage, 'u2')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{"view":"nope","filters":{"status":[1,"new"],"sort":"sideways"}}')).toEqual({
      view: 'all',
      filters: { ...EMPTY_FILTERS, status: ['new'] },
    });
    expect(parseSettings('not json')).toEqual(DEFAULT_SETTINGS);
  });
});
