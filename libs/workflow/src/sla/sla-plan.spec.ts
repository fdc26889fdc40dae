import type { CalendarSpec } from '../calendar/business-calendar.js';
import { dueTimes, isBreaching, plannedTimers, type SlaTargets, timersDueBefore } from './sla-plan.js';

const always: CalendarSpec = {
  timeZone: 'Asia/Riyadh',
  weekly: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]),
  holidays: [],
  overrides: [],
};
const t0 = new Date('2026-11-22T06:00:00Z');
const min = (n: number) => new Date(t0.getTime() + n * 60_000);
const targets: SlaTargets = { firstResponseMinutes: 10, resolutionMinutes: 100, escalationStepMinutes: 5 };
const base = {
  status: 'open',
  createdAt: t0,
  firstRespondedAt: null,
  slaPausedAt: null,
  slaPausedMinutes: 0,
  escalationLevel: 0,
  lastEscalatedAt: null,
};

describe('SLA plan', () => {
  it('sets due times from creation, pushed back by paused time', () => {
    expect(dueTimes(base, targets, always)).toEqual({ firstResponseDueAt: min(10), resolutionDueAt: min(100) });
    expect(dueTimes({ ...base, slaPausedMinutes: 30 }, targets, always)).toEqual({ firstResponseDueAt: min(40), resolutionDueAt: min(130) });
  });

  it('plans warnings at 80% and breaches at the due times', () => {
    const plan = plannedTimers({ ...base, ...dueTimes(base, targets, always) }, targets, always, t0);
    expect(plan).toEqual({ 'frt-warn': min(8), 'frt-breach': min(10), 'res-warn': min(80), 'res-breach': min(100) });
  });

  it('stops the first-response clock once answered', () => {
    const plan = plannedTimers({ ...base, firstRespondedAt: min(3), ...dueTimes(base, targets, always) }, targets, always, min(3));
    expect(Object.keys(plan)).toEqual(['res-warn', 'res-breach']);
  });

  it('plans nothing while pending, with the committee or resolved', () => {
    for (const status of ['pending', 'with_committee', 'resolved', 'closed']) {
      expect(plannedTimers({ ...base, status, ...dueTimes(base, targets, always) }, targets, always, t0)).toEqual({});
    }
    expect(plannedTimers({ ...base, slaPausedAt: t0, ...dueTimes(base, targets, always) }, targets, always, t0)).toEqual({});
  });

  it('plans the next escalation level one step after the last while the breach lasts', () => {
    const state = { ...base, escalationLevel: 1, lastEscalatedAt: min(10), ...dueTimes(base, targets, always) };
    expect(plannedTimers(state, targets, always, min(11)).escalate).toEqual(min(15));
    expect(plannedTimers({ ...state, escalationLevel: 3 }, targets, always, min(11)).escalate).toBeUndefined();
    expect(plannedTimers({ ...state, firstRespondedAt: min(11) }, targets, always, min(11)).escalate).toBeUndefined();
  });

  it('knows when a ticket is breaching', () => {
    const due = dueTimes(base, targets, always);
    expect(isBreaching({ ...base, ...due }, min(9))).toBe(false);
    expect(isBreaching({ ...base, ...due }, min(10))).toBe(true);
    expect(isBreaching({ ...base, ...due, firstRespondedAt: min(5) }, min(50))).toBe(false);
    expect(isBreaching({ ...base, ...due, firstRespondedAt: min(5) }, min(100))).toBe(true);
    expect(isBreaching({ ...base, ...due, status: 'pending' }, min(200))).toBe(true);
  });

  it('keeps in Redis only the timers within the horizon, and the later ones once they come within it', () => {
    const plan = plannedTimers({ ...base, ...dueTimes(base, targets, always) }, targets, always, t0);
    expect(timersDueBefore(plan, min(60))).toEqual({ 'frt-warn': min(8), 'frt-breach': min(10) });
    // 30 minutes later the same 60-minute horizon reaches the resolution warning, not yet the breach.
    expect(Object.keys(timersDueBefore(plannedTimers({ ...base, ...dueTimes(base, targets, always) }, targets, always, min(30)), min(90)))).toEqual([
      'frt-breach',
      'res-warn',
    ]);
  });
});
