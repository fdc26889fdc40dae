import { countdownParts, currentSlaBadge, slaBadge, slaState } from './sla';

const H = 3600_000;
const created = Date.parse('2025-03-02T06:00:00Z');
const iso = (t: number) => new Date(t).toISOString();

const ticket = (over: Partial<Parameters<typeof slaBadge>[0]> = {}) => ({
  status: 'open',
  createdAt: iso(created),
  firstResponseDueAt: iso(created + 10 * H),
  resolutionDueAt: iso(created + 100 * H),
  firstRespondedAt: null,
  resolvedAt: null,
  ...over,
});

describe('SLA badge state', () => {
  it('is on time before 80% of the target, a warning from 80%, breached at the due time', () => {
    expect(slaState(0, 100, null, 0)).toBe('on_time');
    expect(slaState(0, 100, null, 79)).toBe('on_time');
    expect(slaState(0, 100, null, 80)).toBe('warning');
    expect(slaState(0, 100, null, 99)).toBe('warning');
    expect(slaState(0, 100, null, 100)).toBe('breached');
    expect(slaState(0, 100, null, 500)).toBe('breached');
  });

  it('knows met and missed targets, no target, and a stopped clock', () => {
    expect(slaState(0, 100, 90, 500)).toBe('met');
    expect(slaState(0, 100, 101, 500)).toBe('missed');
    expect(slaState(0, null, null, 500)).toBe('none');
    expect(slaState(0, 100, null, 90, true)).toBe('paused');
    expect(slaState(0, 100, null, 120, true)).toBe('breached'); // a breach stays visible while waiting
  });

  it('reads the ticket: first response while owed, then resolution, with the time left', () => {
    const now = created + 9 * H;
    expect(currentSlaBadge(ticket(), now)).toEqual({ target: 'first_response', state: 'warning', dueAt: iso(created + 10 * H), remainingMs: H });
    const answered = ticket({ firstRespondedAt: iso(created + 2 * H) });
    expect(currentSlaBadge(answered, now)).toMatchObject({ target: 'resolution', state: 'on_time', remainingMs: 91 * H });
    expect(slaBadge(answered, 'first_response', now).state).toBe('met');
    expect(currentSlaBadge(ticket({ status: 'pending' }), created + 2 * H).state).toBe('paused');
    expect(currentSlaBadge(ticket({ firstResponseDueAt: null, resolutionDueAt: null }), now).state).toBe('none');
    const resolvedLate = ticket({ status: 'resolved', firstRespondedAt: iso(created + H), resolvedAt: iso(created + 120 * H) });
    expect(currentSlaBadge(resolvedLate, created + 130 * H).state).toBe('missed');
  });

  it('splits a countdown into days, hours and minutes', () => {
    expect(countdownParts(90 * 60_000)).toEqual({ days: 0, hours: 1, minutes: 30 });
    expect(countdownParts(-(26 * H + 5 * 60_000))).toEqual({ days: 1, hours: 2, minutes: 5 });
  });
});
