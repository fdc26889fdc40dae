/**
 * Calendar dates as the association lives them: the day in Riyadh, written YYYY-MM-DD
 * (Gregorian), with the Umm al-Qura date beside it when shown. Expiry dates and the
 * submission day are compared as such dates, never as instants, so "expires today" means
 * the whole of today in Riyadh.
 */
import { hijriParts, RIYADH_TIME_ZONE } from '@app/common';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const dayParts = new Intl.DateTimeFormat('en-CA', { timeZone: RIYADH_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Riyadh of an instant, e.g. 2026-11-25. */
export function riyadhDate(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('Invalid Date');
  const parts = Object.fromEntries(dayParts.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** True for a real Gregorian calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function addDays(date: string, days: number): string {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Noon in Riyadh on that date: the instant to format when showing a calendar date in both calendars. */
export function riyadhNoon(date: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  return new Date(`${date}T12:00:00+03:00`);
}

/**
 * The Gregorian date of an Umm al-Qura date (Saudi IDs and Iqamas carry Hijri expiry dates).
 * Intl converts only Gregorian → Hijri (REFERENCE §4.4), so this walks from an estimate until
 * hijriParts agrees. Null when the date does not exist (day 30 of a 29-day month) or is out of range.
 */
export function hijriToGregorian(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger) || year < 1300 || year > 1600 || month < 1 || month > 12 || day < 1 || day > 30) return null;
  // 1 Muharram 1 AH ≈ 19 July 622 (proleptic Gregorian); a mean Hijri year is 354.367 days.
  let guess = Date.UTC(622, 6, 19) + Math.floor((year - 1) * 354.36667 + (month - 1) * 29.5306 + (day - 1)) * DAY_MS;
  const seen = new Set<number>();
  while (!seen.has(guess)) {
    seen.add(guess);
    const p = hijriParts(new Date(guess + 9 * 3_600_000)); // noon in Riyadh
    const diff = (year - p.year) * 354.367 + (month - p.month) * 29.53 + (day - p.day);
    if (p.year === year && p.month === month && p.day === day) return new Date(guess).toISOString().slice(0, 10);
    guess += (Math.abs(diff) >= 2 ? Math.round(diff) : Math.sign(diff)) * DAY_MS;
  }
  return null;
}

/** `1447-09-01` → 2026-02-18; null when it is not a Hijri date that exists. */
export function parseHijriDate(value: string): string | null {
  const m = ISO_DATE.exec(value.trim());
  return m ? hijriToGregorian(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
