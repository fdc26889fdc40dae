import { DUAL_DATE_SEPARATOR, dualDateParts, formatDualDate, toDate } from './dual-date';

// 1 Ramadan 1446 AH began on 1 March 2025 (Umm al-Qura).
const FIRST_OF_RAMADAN = '2025-03-01T09:00:00Z';

describe('DualDate formatting', () => {
  it('puts Hijri (Umm al-Qura) first and Gregorian beside it, in Arabic with Latin digits', () => {
    const text = formatDualDate(FIRST_OF_RAMADAN, 'ar', { digits: 'latn' });
    expect(text).toBe(`1 رمضان 1446 هـ${DUAL_DATE_SEPARATOR}1 مارس 2025`);
  });

  it('uses Arabic-Indic digits when the user prefers them', () => {
    const parts = dualDateParts(FIRST_OF_RAMADAN, 'ar', { digits: 'arab' });
    expect(parts?.hijri).toBe('١ رمضان ١٤٤٦ هـ');
    expect(parts?.gregorian).toBe('١ مارس ٢٠٢٥');
  });

  it('always passes the calendar: the Hijri part is never Gregorian (a bare ar-SA is Gregorian on current ICU)', () => {
    const parts = dualDateParts(FIRST_OF_RAMADAN, 'ar', { digits: 'latn', style: 'short' });
    expect(parts?.hijri).toContain('1446');
    expect(parts?.hijri).not.toContain('2025');
    expect(parts?.gregorian).toContain('2025');
  });

  it('writes English day-first, with AH', () => {
    expect(formatDualDate(FIRST_OF_RAMADAN, 'en', { digits: 'latn' })).toBe(`1 Ramadan 1446 AH${DUAL_DATE_SEPARATOR}1 March 2025`);
  });

  it('uses Riyadh time: 22:30 UTC is already the next day in Riyadh (UTC+3)', () => {
    const parts = dualDateParts('2025-02-28T22:30:00Z', 'en', { digits: 'latn', withTime: true });
    expect(parts?.gregorian).toBe('1 March 2025');
    expect(parts?.hijri).toBe('1 Ramadan 1446 AH');
    expect(parts?.time).toMatch(/^1:30/);
  });

  it('adds the time after the dates when asked', () => {
    const text = formatDualDate('2025-03-01T12:05:00Z', 'ar', { digits: 'latn', withTime: true });
    expect(text.startsWith(`1 رمضان 1446 هـ${DUAL_DATE_SEPARATOR}1 مارس 2025، `)).toBe(true);
    expect(text).toContain('3:05');
  });

  it('gives nothing for missing or invalid values, and keeps the ISO instant for <time dateTime>', () => {
    expect(toDate(null)).toBeNull();
    expect(toDate('')).toBeNull();
    expect(toDate('not a date')).toBeNull();
    expect(formatDualDate('not a date', 'ar', { digits: 'latn' })).toBe('');
    expect(dualDateParts(Date.UTC(2025, 2, 1), 'ar', { digits: 'latn' })?.iso).toBe('2025-03-01T00:00:00.000Z');
  });
});
