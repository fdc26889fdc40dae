import {
  addWorkingMinutes,
  type CalendarSpec,
  defaultSaudiCalendar,
  subtractWorkingMinutes,
  validateCalendar,
  workingMinutesBetween,
} from './business-calendar.js';

// Times are written in Riyadh local time (UTC+3) for readability.
const at = (local: string): Date => new Date(`${local}+03:00`);
const iso = (d: Date): string => new Date(d.getTime() + 3 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

const saudi: CalendarSpec = {
  ...defaultSaudiCalendar(),
  holidays: [{ date: '2026-09-23', name: 'اليوم الوطني' }],
  overrides: [
    { from: '2026-02-18', to: '2026-03-19', hours: [{ start: '10:00', end: '15:00' }], name: 'رمضان' },
    { from: '2026-03-20', to: '2026-03-29', hours: [], name: 'عيد الفطر' },
  ],
};
// 2026-11-22 is a Sunday; 2026-11-26 Thursday; 27 Friday; 28 Saturday.

describe('addWorkingMinutes', () => {
  it.each([
    ['2026-11-22 09:00', 60, '2026-11-22 10:00', 'within one working day'],
    ['2026-11-22 14:30', 60, '2026-11-23 08:30', 'carries over to the next morning'],
    ['2026-11-22 07:00', 30, '2026-11-22 08:30', 'starts counting when the day opens'],
    ['2026-11-22 16:00', 30, '2026-11-23 08:30', 'after hours: from the next opening'],
    ['2026-11-26 14:00', 120, '2026-11-29 09:00', 'Thursday afternoon runs over the Friday–Saturday weekend'],
    ['2026-11-27 10:00', 60, '2026-11-29 09:00', 'received on Friday: counted from Sunday'],
    ['2026-11-28 23:59', 1, '2026-11-29 08:01', 'just before midnight on Saturday'],
    ['2026-11-22 00:00', 420, '2026-11-22 15:00', 'a whole working day from midnight'],
    ['2026-11-22 09:00', 420 * 5, '2026-11-29 09:00', 'a working week'],
    ['2026-09-22 14:00', 120, '2026-09-24 09:00', 'skips the National Day holiday'],
    ['2026-02-18 09:00', 60, '2026-02-18 11:00', 'Ramadan hours start at 10:00'],
    ['2026-02-18 14:30', 60, '2026-02-19 10:30', 'Ramadan day ends at 15:00'],
    ['2026-03-19 14:00', 120, '2026-03-30 09:00', 'the Eid closure is skipped entirely'],
    ['2026-11-22 10:00', 0, '2026-11-22 10:00', 'zero minutes during hours is now'],
    ['2026-11-27 10:00', 0, '2026-11-29 08:00', 'zero minutes at the weekend is the next opening'],
    ['2026-11-22 09:00', 0.05, '2026-11-22 09:00', 'fractions of a minute (3 s)'],
  ])('%s + %d min → %s (%s)', (start, minutes, expected) => {
    expect(iso(addWorkingMinutes(at(start), minutes, saudi))).toBe(expected);
  });

  it('keeps seconds for short targets', () => {
    expect(addWorkingMinutes(at('2026-11-22 09:00'), 0.05, saudi).getTime() - at('2026-11-22 09:00').getTime()).toBe(3000);
  });
});

describe('workingMinutesBetween', () => {
  it.each([
    ['2026-11-22 09:00', '2026-11-22 10:30', 90, 'same day'],
    ['2026-11-22 14:00', '2026-11-23 09:00', 120, 'overnight'],
    ['2026-11-26 14:00', '2026-11-29 09:00', 120, 'over the weekend'],
    ['2026-11-27 09:00', '2026-11-28 17:00', 0, 'inside the weekend'],
    ['2026-11-22 16:00', '2026-11-22 20:00', 0, 'after hours'],
    ['2026-11-23 10:00', '2026-11-22 10:00', 0, 'reversed'],
    ['2026-09-22 14:00', '2026-09-24 09:00', 120, 'across a holiday'],
    ['2026-03-01 09:00', '2026-03-01 16:00', 300, 'a Ramadan day is five hours'],
    ['2026-11-22 00:00', '2026-11-29 00:00', 420 * 5, 'a calendar week'],
  ])('%s → %s = %d min (%s)', (from, to, expected) => {
    expect(workingMinutesBetween(at(from), at(to), saudi)).toBe(expected);
  });

  it('is the inverse of addWorkingMinutes', () => {
    const start = at('2026-11-25 13:17');
    for (const minutes of [1, 59, 181, 420, 1000, 4321]) {
      expect(workingMinutesBetween(start, addWorkingMinutes(start, minutes, saudi), saudi)).toBeCloseTo(minutes, 6);
    }
  });

  it('works on a round-the-clock calendar', () => {
    const always: CalendarSpec = {
      timeZone: 'Asia/Riyadh',
      weekly: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]),
      holidays: [],
      overrides: [],
    };
    expect(addWorkingMinutes(at('2026-11-27 23:00'), 120, always).getTime()).toBe(at('2026-11-28 01:00').getTime());
  });
});

describe('subtractWorkingMinutes', () => {
  it.each([
    ['2026-11-22 10:00', 60, '2026-11-22 09:00'],
    ['2026-11-23 09:00', 120, '2026-11-22 14:00'],
    ['2026-11-29 09:00', 120, '2026-11-26 14:00'],
    ['2026-09-24 09:00', 120, '2026-09-22 14:00'],
  ])('%s − %d min → %s', (end, minutes, expected) => {
    expect(iso(subtractWorkingMinutes(at(end), minutes, saudi))).toBe(expected);
  });
});

describe('validateCalendar', () => {
  it('names what is wrong', () => {
    expect(validateCalendar(saudi)).toBeNull();
    expect(validateCalendar({ ...saudi, weekly: saudi.weekly.slice(0, 5) })).toMatch(/7 days/);
    expect(validateCalendar({ ...saudi, weekly: [[{ start: '15:00', end: '08:00' }], [], [], [], [], [], []] })).toMatch(/ends before/);
    expect(validateCalendar({ ...saudi, holidays: [{ date: '23/09/2026' }] })).toMatch(/invalid date/);
    expect(validateCalendar({ ...saudi, timeZone: 'Mars/Olympus' })).toMatch(/time zone/);
  });
});
