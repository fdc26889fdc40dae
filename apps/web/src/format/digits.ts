/**
 * Digits: staff choose Arabic-Indic (٠-٩, numbering system `arab`) or Latin (0-9, `latn`).
 * Display goes through Intl with the chosen numbering system; free text typed by staff
 * (phone numbers, IDs, search) is mapped to Latin before it is sent to the api.
 */
export const DIGIT_STYLES = ['latn', 'arab'] as const;
export type DigitStyle = (typeof DIGIT_STYLES)[number];

/** Latin by default: unambiguous for staff and what the api's identifiers and search keys use. */
export const DEFAULT_DIGITS: DigitStyle = 'latn';
export const DIGITS_STORAGE_KEY = 'hd.digits';

const ARABIC_INDIC_ZERO = 0x0660;
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0;
const NON_LATIN_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g;
const LATIN_DIGIT = /[0-9]/g;

export function isDigitStyle(value: unknown): value is DigitStyle {
  return typeof value === 'string' && (DIGIT_STYLES as readonly string[]).includes(value);
}

/** ٠-٩ and ۰-۹ (Persian/Urdu keyboards) become 0-9; everything else is unchanged. */
export function toLatinDigits(text: string): string {
  return text.replace(NON_LATIN_DIGIT, (ch) => {
    const code = ch.charCodeAt(0);
    const zero = code >= EXTENDED_ARABIC_INDIC_ZERO ? EXTENDED_ARABIC_INDIC_ZERO : ARABIC_INDIC_ZERO;
    return String.fromCharCode(0x30 + code - zero);
  });
}

/** 0-9 (and ۰-۹) become ٠-٩; everything else is unchanged. */
export function toArabicIndicDigits(text: string): string {
  return toLatinDigits(text).replace(LATIN_DIGIT, (ch) => String.fromCharCode(ARABIC_INDIC_ZERO + ch.charCodeAt(0) - 0x30));
}

/** Rewrites every digit of `text` in the chosen style (for already-formatted strings such as ticket numbers). */
export function withDigits(text: string, digits: DigitStyle): string {
  return digits === 'arab' ? toArabicIndicDigits(text) : toLatinDigits(text);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the interface language with the chosen digits: 1,234 / ١٬٢٣٤. */
export function formatNumber(value: number, language: 'ar' | 'en', digits: DigitStyle): string {
  const key = `${language}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === 'ar' ? 'ar-SA' : 'en-GB', { numberingSystem: digits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}
