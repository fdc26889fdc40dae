// Expected strings are from Node 20.20.2 / ICU 78.2 (REFERENCE §4.4); a future
// ICU may tweak month names or punctuation.
import { DUAL_DATE_SEPARATOR, formatDualDate, formatGregorian, formatHijri, hijriParts } from './hijri-date.js';

const RLM = '\u200F';
const FIRST_RAMADAN_1446 = new Date('2025-03-01T09:00:00Z');

describe('hijriParts', () => {
  it.each([
    ['reference instant', '2025-03-01T09:00:00Z', { year: 1446, month: 9, day: 1 }],
    ['1 Ramadan 1447 (start of Riyadh day)', '2026-02-18T00:00:00+03:00', { year: 1447, month: 9, day: 1 }],
    ['1 Ramadan 1447 (end of Riyadh day)', '2026-02-18T23:59:59+03:00', { year: 1447, month: 9, day: 1 }],
    ['1 Shawwal 1447', '2026-03-20T12:00:00+03:00', { year: 1447, month: 10, day: 1 }],
    ['last day before 1 Shawwal 1447', '2026-03-19T12:00:00+03:00', { year: 1447, month: 9, day: 30 }],
    // 22:30 UTC on 28 Feb is 01:30 on 1 March in Riyadh.
    ['after Riyadh midnight, before UTC midnight', '2025-02-28T22:30:00Z', { year: 1446, month: 9, day: 1 }],
    ['just before Riyadh midnight', '2025-02-28T20:59:59Z', { year: 1446, month: 8, day: 29 }],
    ['exactly Riyadh midnight', '2025-02-28T21:00:00Z', { year: 1446, month: 9, day: 1 }],
  ])('%s: %s', (_label, iso, expected) => {
    expect(hijriParts(new Date(iso))).toEqual(expected);
  });

  it('throws on an invalid date', () => {
    expect(() => hijriParts(new Date('nope'))).toThrow(RangeError);
  });
});

describe('formatHijri', () => {
  it.each([
    ['ar long latn (default)', 'ar', {}, '1 رمضان 1446 هـ'],
    ['ar long arab', 'ar', { digits: 'arab' }, '١ رمضان ١٤٤٦ هـ'],
    ['ar short latn', 'ar', { style: 'short' }, `1${RLM}/9${RLM}/1446 هـ`],
    ['ar short arab', 'ar', { style: 'short', digits: 'arab' }, `١${RLM}/٩${RLM}/١٤٤٦ هـ`],
    ['en long', 'en', {}, '1 Ramadan 1446 AH'],
    ['en short (day first)', 'en', { style: 'short' }, '01/09/1446 AH'],
    ['en with Arabic digits', 'en', { digits: 'arab' }, '١ Ramadan ١٤٤٦ AH'],
  ] as const)('%s', (_label, locale, opts, expected) => {
    expect(formatHijri(FIRST_RAMADAN_1446, locale, opts)).toBe(expected);
  });

  it('uses the Riyadh day, not the UTC day', () => {
    expect(formatHijri(new Date('2025-02-28T22:30:00Z'), 'ar')).toBe('1 رمضان 1446 هـ');
  });

  it('era sign is heh + tatweel (matters for search normalisation)', () => {
    expect(formatHijri(FIRST_RAMADAN_1446, 'ar').endsWith('\u0647\u0640')).toBe(true);
  });

  it('throws on an invalid date', () => {
    expect(() => formatHijri(new Date(Number.NaN), 'ar')).toThrow(RangeError);
  });
});

describe('formatGregorian', () => {
  it.each([
    ['ar long latn (default)', 'ar', {}, '1 مارس 2025'],
    ['ar long arab', 'ar', { digits: 'arab' }, '١ مارس ٢٠٢٥'],
    ['ar short latn', 'ar', { style: 'short' }, `1${RLM}/3${RLM}/2025`],
    ['en long', 'en', {}, '1 March 2025'],
    ['en short (day first)', 'en', { style: 'short' }, '01/03/2025'],
  ] as const)('%s', (_label, locale, opts, expected) => {
    expect(formatGregorian(FIRST_RAMADAN_1446, locale, opts)).toBe(expected);
  });

  it('uses the Riyadh day, not the UTC day', () => {
    expect(formatGregorian(new Date('2025-02-28T22:30:00Z'), 'en')).toBe('1 March 2025');
    expect(formatGregorian(new Date('2025-02-28T20:59:59Z'), 'en')).toBe('28 February 2025');
  });
});

describe('formatDualDate', () => {
  it('uses an em dash with spaces', () => {
    expect(DUAL_DATE_SEPARATOR).toBe(' — ');
  });

  it.each([
    ['ar', 'ar', {}, '1 رمضان 1446 هـ — 1 مارس 2025'],
    ['ar arab digits', 'ar', { digits: 'arab' }, '١ رمضان ١٤٤٦ هـ — ١ مارس ٢٠٢٥'],
    ['en', 'en', {}, '1 Ramadan 1446 AH — 1 March 2025'],
    ['en short', 'en', { style: 'short' }, '01/09/1446 AH — 01/03/2025'],
  ] as const)('%s', (_label, locale, opts, expected) => {
    expect(formatDualDate(FIRST_RAMADAN_1446, locale, opts)).toBe(expected);
  });

  it('both halves move to the next day together at Riyadh midnight', () => {
    expect(formatDualDate(new Date('2026-03-19T21:00:00Z'), 'en')).toBe('1 Shawwal 1447 AH — 20 March 2026');
  });
});
