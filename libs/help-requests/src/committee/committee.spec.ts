import { whatsappTemplateFor } from '../notices/whatsapp-template.js';
import { median, turnaround, type TurnaroundRow } from '../reports/turnaround.js';
import { committeeDays, daysLeft, isOverdue, pause, pausedSeconds, startOrResume } from './committee-clock.js';
import { checkStageMove, stageAfterResearch } from './committee-stages.js';
import { approvalSummary, decisionErrors } from './decision-rules.js';

const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

describe('committee clock', () => {
  it.each([
    [14, 14, 14],
    [21, 14, 21],
    [14, 30, 30],
    [7, 7, 14], // never under the policy's 14 days, whatever is configured
  ])('target %d, configured %d → %d days', (target, configured, days) => {
    expect(committeeDays(target, configured)).toBe(days);
  });

  it('starts the full period at the first hand-off', () => {
    const now = at('2026-11-25T10:00:00Z');
    expect(startOrResume({ dueAt: null, pausedAt: null, remainingSeconds: null }, now, 14)).toEqual({
      dueAt: new Date(now.getTime() + 14 * DAY),
      resumed: false,
    });
  });

  it('pauses on "more information" and resumes with the time that was left', () => {
    const handoff = at('2026-11-01T10:00:00Z');
    const due = new Date(handoff.getTime() + 14 * DAY);
    const stop = new Date(handoff.getTime() + 4 * DAY);
    const paused = pause(due, stop);
    expect(paused.remainingSeconds).toBe(10 * 86_400);
    const again = new Date(stop.getTime() + 7 * DAY);
    expect(startOrResume({ dueAt: due, ...paused }, again, 14)).toEqual({ dueAt: new Date(again.getTime() + 10 * DAY), resumed: true });
    expect(pausedSeconds(stop, again)).toBe(7 * 86_400);
  });

  it('keeps no negative time when paused while overdue', () => {
    expect(pause(at('2026-11-01T00:00:00Z'), at('2026-11-03T00:00:00Z')).remainingSeconds).toBe(0);
  });

  it('is overdue only after the due time', () => {
    const due = at('2026-11-15T10:00:00Z');
    expect(isOverdue(due, due)).toBe(false);
    expect(isOverdue(due, new Date(due.getTime() + 1))).toBe(true);
    expect(isOverdue(null, due)).toBe(false);
    expect(daysLeft(due, at('2026-11-12T10:00:00Z'))).toBe(3);
    expect(daysLeft(due, at('2026-11-16T10:00:01Z'))).toBe(-2);
  });
});

describe('board stages', () => {
  it.each([
    ['new', 'under_study', true],
    ['under_study', 'field_visit', true],
    ['field_visit', 'under_study', true],
    ['under_study', 'ready_for_decision', true],
    ['ready_for_decision', 'decided', false],
    ['decided', 'under_study', false],
    ['new', 'new', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(checkStageMove(from, to).allowed).toBe(allowed);
  });

  it('moves forward when research is recorded', () => {
    expect(stageAfterResearch('new', 'note')).toBe('under_study');
    expect(stageAfterResearch('under_study', 'field_visit')).toBe('field_visit');
    expect(stageAfterResearch('field_visit', 'note')).toBe('field_visit');
    expect(stageAfterResearch('ready_for_decision', 'field_visit')).toBe('ready_for_decision');
  });
});

describe('decisions', () => {
  it.each([
    [{ outcome: 'approved' as const }, ['amountSar or items must say what was approved']],
    [{ outcome: 'approved' as const, amountSar: 3000, durationMonths: 6 }, []],
    [{ outcome: 'approved' as const, items: ['سلة غذائية'] }, []],
    [{ outcome: 'rejected' as const }, ['reason is required when the request is rejected']],
    [
      { outcome: 'rejected' as const, reason: 'الدخل يتجاوز الحد', amountSar: 10 },
      ['amountSar, items and durationMonths belong to an approval only'],
    ],
    [{ outcome: 'more_info' as const, infoNeeded: ' ' }, ['infoNeeded must say what information is needed']],
    [{ outcome: 'more_info' as const, infoNeeded: 'صورة عقد الإيجار الجديد' }, []],
    [
      { outcome: 'more_info' as const, infoNeeded: 'x', correctsDecisionId: 'd1' },
      ['outcome of a correction must be approved or rejected', 'notes must explain the correction'],
    ],
  ])('%j → %j', (input, errors) => {
    expect(decisionErrors(input)).toEqual(errors);
  });

  it('says what was approved in Arabic and English', () => {
    expect(approvalSummary({ amountSar: 3000, durationMonths: 6, items: ['سلة غذائية'] }, 'ar')).toBe(
      'مبلغ 3,000 ريال شهرياً لمدة 6 أشهر؛ الأصناف: سلة غذائية',
    );
    expect(approvalSummary({ amountSar: 1500.5 }, 'en')).toBe('SAR 1,500.5');
    expect(approvalSummary({ items: ['food basket', 'blankets'], durationMonths: 1 }, 'en')).toBe('for 1 month; items: food basket, blankets');
  });
});

describe('turnaround report', () => {
  const now = at('2026-12-31T00:00:00Z');
  const row = (over: Partial<TurnaroundRow>): TurnaroundRow => ({
    serviceType: 'rent',
    serviceTypeName: 'Rent',
    status: 'decided',
    firstHandedOffAt: at('2026-11-01T00:00:00Z'),
    decidedAt: at('2026-11-11T00:00:00Z'),
    dueAt: at('2026-11-15T00:00:00Z'),
    pausedSeconds: 0,
    ...over,
  });

  it('computes count, average and median study days, late decisions and overdue studies per service type', () => {
    const figures = turnaround(
      [
        row({}),
        row({ decidedAt: at('2026-11-21T00:00:00Z'), pausedSeconds: 4 * 86_400 }), // 20 elapsed, 16 studied, late
        row({ decidedAt: at('2026-11-05T00:00:00Z') }),
        row({ status: 'with_committee', decidedAt: null, dueAt: at('2026-12-01T00:00:00Z') }),
        row({ status: 'with_committee', decidedAt: null, dueAt: at('2027-01-10T00:00:00Z') }),
        row({ serviceType: 'medical', serviceTypeName: 'Medical', status: 'intake', firstHandedOffAt: null, decidedAt: null, dueAt: null }),
      ],
      now,
    );
    expect(figures).toEqual([
      {
        serviceType: 'medical',
        serviceTypeName: 'Medical',
        decided: 0,
        avgDays: null,
        medianDays: null,
        avgElapsedDays: null,
        decidedLate: 0,
        open: 0,
        overdue: 0,
      },
      {
        serviceType: 'rent',
        serviceTypeName: 'Rent',
        decided: 3,
        avgDays: 10,
        medianDays: 10,
        avgElapsedDays: 11.3,
        decidedLate: 1,
        open: 2,
        overdue: 1,
      },
    ]);
  });

  it('takes the middle of an even list as the mean of the two middle values', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('WhatsApp notices', () => {
  const now = at('2026-11-25T12:00:00Z');
  it('use the approved template outside the 24-hour window, free text inside it', () => {
    expect(whatsappTemplateFor('whatsapp', at('2026-11-24T11:59:59Z'), now, 'HX' + 'a'.repeat(32), ['فاطمة', '1448-000001'])).toEqual({
      contentSid: 'HX' + 'a'.repeat(32),
      variables: { '1': 'فاطمة', '2': '1448-000001' },
    });
    expect(whatsappTemplateFor('whatsapp', at('2026-11-24T12:00:01Z'), now, 'HXabc', [])).toBeNull();
    expect(whatsappTemplateFor('whatsapp', null, now, 'HXabc', [])).toMatchObject({ contentSid: 'HXabc' });
    expect(whatsappTemplateFor('sms', null, now, 'HXabc', [])).toBeNull();
    expect(whatsappTemplateFor('whatsapp', null, now, null, [])).toBeNull();
  });
});
