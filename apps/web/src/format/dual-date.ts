import type { DigitStyle } from './digits';

/**
 * Hijri (Umm al-Qura) beside Gregorian, as staff in Saudi Arabia read dates, in Riyadh time.
 * Every formatter pins BOTH the calendar and the time zone: a bare `ar-SA` is Gregorian on
 * current ICU (76+), and the browser's zone would put a Riyadh evening on the wrong day for
 * staff abroad. Mirrors libs/common/src/hijri (which the browser bundle cannot import).
 */
export const RIYADH_TIME_ZONE = 'Asia/Riyadh';
export const DUAL_DATE_SEPARATOR = ' — ';

export type DateLanguage = 'ar' | 'en';
export type DateStyle = 'long' | 'short';
type Calendar = 'islamic-umalqura' | 'gregory';

// ar-SA for Saudi month names (مارس, not آذار); en-GB so English dates are day-first like Arabic ones.
const LOCALE_TAG: Record<DateLanguage, string> = { ar: 'ar-SA', en: 'en-GB' };

const formats = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

function dateFormat(language: DateLanguage, calendar: Calendar, digits: DigitStyle, style: DateStyle): Intl.DateTimeFormat {
  return cached(
    `${language}|${calendar}|${digits}|${style}`,
    () => new Intl.DateTimeFormat(LOCALE_TAG[language], { calendar, numberingSystem: digits, timeZone: RIYADH_TIME_ZONE, dateStyle: style }),
  );
}

function timeFormat(language: DateLanguage, digits: DigitStyle): Intl.DateTimeFormat {
  return cached(
    `${language}|time|${digits}`,
    () =>
      new Intl.DateTimeFormat(LOCALE_TAG[language], {
        calendar: 'gregory',
        numberingSystem: digits,
        timeZone: RIYADH_TIME_ZONE,
        hour: 'numeric',
        minute: '2-digit',
      }),
  );
}

/** A Date from what the api sends (ISO string or epoch ms); null when it is missing or not a date. */
export function toDate(value: Date | string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export interface DualDateOptions {
  digits: DigitStyle;
  style?: DateStyle;
  withTime?: boolean;
}

export interface DualDateParts {
  /** `1 رمضان 1446 هـ` / `1 Ramadan 1446 AH` */
  hijri: string;
  /** `1 مارس 2025` / `1 March 2025` */
  gregorian: string;
  /** Riyadh wall-clock time, when asked for. */
  time: string | null;
  /** The instant in ISO 8601, for <time dateTime>. */
  iso: string;
}

export function dualDateParts(value: Date | string | number, language: DateLanguage, options: DualDateOptions): DualDateParts | null {
  const date = toDate(value);
  if (!date) return null;
  const style = options.style ?? 'long';
  return {
    hijri: dateFormat(language, 'islamic-umalqura', options.digits, style).format(date),
    gregorian: dateFormat(language, 'gregory', options.digits, style).format(date),
    time: options.withTime ? timeFormat(language, options.digits).format(date) : null,
    iso: date.toISOString(),
  };
}

/** Hijri first, then Gregorian (the order on Saudi documents), then the time: `1 رمضان 1446 هـ — 1 مارس 2025، 3:00 م`. */
export function formatDualDate(value: Date | string | number, language: DateLanguage, options: DualDateOptions): string {
  const parts = dualDateParts(value, language, options);
  if (!parts) return '';
  const date = `${parts.hijri}${DUAL_DATE_SEPARATOR}${parts.gregorian}`;
  if (!parts.time) return date;
  return `${date}${language === 'ar' ? '، ' : ', '}${parts.time}`;
}
