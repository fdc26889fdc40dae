import { pickEmailThread, pickOpenThread, subjectTicketNumber, type ThreadCandidate } from './threading.js';

const now = new Date('2026-11-25T12:00:00Z');
const t = (id: string, status: ThreadCandidate['status'], minutesAgo: number, resolvedHoursAgo?: number, contactId = 'c1'): ThreadCandidate => ({
  ticketId: id,
  contactId,
  status,
  resolvedAt: resolvedHoursAgo === undefined ? null : new Date(now.getTime() - resolvedHoursAgo * 3600_000),
  lastActivityAt: new Date(now.getTime() - minutesAgo * 60_000),
});

describe('pickOpenThread', () => {
  it('joins the most recent active ticket', () => {
    expect(pickOpenThread([t('a', 'open', 50), t('b', 'pending', 10), t('c', 'closed', 1)], now, 72)).toBe('b');
  });
  it('re-opens a ticket resolved within the window, not one resolved before it', () => {
    expect(pickOpenThread([t('a', 'resolved', 100, 24)], now, 72)).toBe('a');
    expect(pickOpenThread([t('a', 'resolved', 100, 80)], now, 72)).toBeNull();
  });
  it('never re-opens a closed ticket', () => {
    expect(pickOpenThread([t('a', 'closed', 1)], now, 72)).toBeNull();
  });
  it('joins a ticket that is with the committee', () => {
    expect(pickOpenThread([t('a', 'with_committee', 1)], now, 72)).toBe('a');
  });
});

describe('pickEmailThread', () => {
  it('follows the headers when the sender owns the ticket', () => {
    expect(pickEmailThread('c1', t('a', 'open', 5), t('b', 'open', 5), now, 72)).toBe('a');
  });
  it('ignores headers pointing at a stranger’s ticket and falls back to the subject tag', () => {
    expect(pickEmailThread('c1', t('a', 'open', 5, undefined, 'c2'), t('b', 'open', 5), now, 72)).toBe('b');
    expect(pickEmailThread('c1', t('a', 'open', 5, undefined, 'c2'), null, now, 72)).toBeNull();
  });
  it('opens a new ticket instead of joining a closed one', () => {
    expect(pickEmailThread('c1', t('a', 'closed', 5), null, now, 72)).toBeNull();
  });
});

describe('subjectTicketNumber', () => {
  it.each([
    ['Re: [#1448-000123] طلب مساعدة', '1448-000123'],
    ['رد: طلب [# 1448-42]', '1448-42'],
    ['no tag', null],
    [undefined, null],
  ])('%j → %j', (subject, expected) => {
    expect(subjectTicketNumber(subject)).toBe(expected);
  });
});
