/**
 * Hijri (Umm al-Qura) and Gregorian dates for Saudi users via Intl only,
 * REFERENCE §4.4. Every formatter pins BOTH the calendar and the time zone:
 * a bare `ar-SA` became Gregorian in ICU 76+, and the server's zone (often
 * UTC) would put evenings in Riyadh on the wrong day.
 */

export const RIYADH_TIME_ZONE = 'Asia/Riyadh';
/**
 * Between the Hijri and Gregorian parts of formatDualDate: an em dash with
 * spaces. Direction-neutral, so it reads correctly in RTL and LTR text, and
 * it cannot be confused with the `/` inside short dates.
 */
export const DUAL_DATE_SEPARATOR = ' — ';

export type DateLocale = 'ar' | 'en';
export interface DateFormatOptions {
  /** Default `latn` (0-9): unambiguous for staff, matches search keys; `arab` gives ٠-٩. */
  digits?: 'arab' | 'latn';
  /** Default `long`: `1 رمضان 1446 هـ`; `short`: `1/9/1446 هـ` (ICU adds U+200F after numbers in Arabic). */
  style?: 'long' | 'short';
}
export interface HijriParts {
  year: number;
  month: number;
  day: number;
}

type Calendar = 'islamic-umalqura' | 'gregory';

// ar-SA for Saudi month names (مارس, not آذار); en-GB rather than en(-US) so
// English dates are day-first like Arabic ones (01/03/2025, not 3/1/25).
const LOCALE_TAG: Record<DateLocale, string> = { ar: 'ar-SA', en: 'en-GB' };

// Building an Intl.DateTimeFormat is costly; these are called per row in lists.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: DateLocale, calendar: Calendar, opts: DateFormatOptions): Intl.DateTimeFormat {
  const digits = opts.digits ?? 'latn';
  const style = opts.style ?? 'long';
  const key = `${locale}|${calendar}|${digits}|${style}`;
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(LOCALE_TAG[locale], {
      calendar,
      numberingSystem: digits,
      timeZone: RIYADH_TIME_ZONE,
      dateStyle: style,
    });
    formatters.set(key, f);
  }
  return f;
}

// Numeric parts for arithmetic, per REFERENCE §4.4 ('en' + Umm al-Qura, Latin digits).
const partsFormatter = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
  calendar: 'islamic-umalqura',
  numberingSystem: 'latn',
  timeZone: RIYADH_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

function assertValid(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
}

/** The Umm al-Qura date of `date` as seen in Riyadh, e.g. {year: 1446, month: 9, day: 1}. */
export function hijriParts(date: Date): HijriParts {
  assertValid(date);
  const found: Partial<Record<'year' | 'month' | 'day', number>> = {};
  for (const part of partsFormatter.formatToParts(date)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day') {
      found[part.type] = Number(part.value);
    }
  }
  const { year, month, day } = found;
  if (year === undefined || month === undefined || day === undefined || ![year, month, day].every(Number.isInteger)) {
    throw new Error(`Unexpected Hijri parts from Intl for ${date.toISOString()}`);
  }
  return { year, month, day };
}

/** Umm al-Qura date in Riyadh, e.g. `1 رمضان 1446 هـ` / `1 Ramadan 1446 AH`. */
export function formatHijri(date: Date, locale: DateLocale, opts: DateFormatOptions = {}): string {
  assertValid(date);
  return formatter(locale, 'islamic-umalqura', opts).format(date);
}

/** Gregorian date in Riyadh, e.g. `1 مارس 2025` / `1 March 2025`. */
export function formatGregorian(date: Date, locale: DateLocale, opts: DateFormatOptions = {}): string {
  assertValid(date);
  return formatter(locale, 'gregory', opts).format(date);
}

/**
 * Hijri first, then Gregorian (the usual order on Saudi documents), joined by
 * DUAL_DATE_SEPARATOR: `1 رمضان 1446 هـ — 1 مارس 2025`.
 */
export function formatDualDate(date: Date, locale: DateLocale, opts: DateFormatOptions = {}): string {
  return `${formatHijri(date, locale, opts)}${DUAL_DATE_SEPARATOR}${formatGregorian(date, locale, opts)}`;
}
