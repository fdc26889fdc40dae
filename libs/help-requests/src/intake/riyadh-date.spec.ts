import { addDays, hijriToGregorian, isIsoDate, parseHijriDate, riyadhDate, riyadhNoon } from './riyadh-date.js';

describe('riyadhDate', () => {
  it.each([
    ['2026-11-25T20:59:59Z', '2026-11-25'],
    ['2026-11-25T21:00:00Z', '2026-11-26'], // midnight in Riyadh (UTC+3)
    ['2026-01-01T00:00:00+03:00', '2026-01-01'],
  ])('%s is %s in Riyadh', (instant, date) => {
    expect(riyadhDate(new Date(instant))).toBe(date);
  });
});

describe('isIsoDate / addDays / riyadhNoon', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['26-01-01', false],
    ['2026-1-1', false],
  ])('%s → %s', (value, ok) => expect(isIsoDate(value)).toBe(ok));

  it('adds days across months and years', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('anchors a date at noon in Riyadh', () => {
    expect(riyadhNoon('2026-11-25').toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });
});

describe('hijriToGregorian', () => {
  it.each([
    [1447, 9, 1, '2026-02-18'], // 1 Ramadan 1447 (REFERENCE §4.4)
    [1447, 10, 1, '2026-03-20'], // 1 Shawwal 1447
    [1446, 9, 1, '2025-03-01'], // 1 Ramadan 1446
  ])('%d-%d-%d → %s', (y, m, d, expected) => {
    expect(hijriToGregorian(y, m, d)).toBe(expected);
  });

  it('gives day 30 only in months that have it, and refuses impossible dates', () => {
    expect(hijriToGregorian(1447, 9, 30)).toBe('2026-03-19'); // Ramadan 1447 has 30 days
    let shortMonths = 0;
    for (let m = 1; m <= 11; m++) {
      const first = hijriToGregorian(1447, m, 1) as string;
      const hasThirty = addDays(first, 30) === hijriToGregorian(1447, m + 1, 1);
      if (!hasThirty) shortMonths++;
      expect(hijriToGregorian(1447, m, 30)).toBe(hasThirty ? addDays(first, 29) : null);
    }
    expect(shortMonths).toBeGreaterThan(0);
    expect(hijriToGregorian(1447, 13, 1)).toBeNull();
    expect(hijriToGregorian(1200, 1, 1)).toBeNull();
    expect(parseHijriDate('1447-09-01')).toBe('2026-02-18');
    expect(parseHijriDate('not a date')).toBeNull();
  });

  it('round-trips every day of a Hijri year', () => {
    let date = '2026-02-18';
    for (let i = 0; i < 360; i++) {
      const parts = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
        timeZone: 'Asia/Riyadh',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
      })
        .formatToParts(riyadhNoon(date))
        .reduce<Record<string, number>>((acc, p) => (p.type === 'literal' || p.type === 'era' ? acc : { ...acc, [p.type]: Number(p.value) }), {});
      expect(hijriToGregorian(parts.year, parts.month, parts.day)).toBe(date);
      date = addDays(date, 1);
    }
  });
});
