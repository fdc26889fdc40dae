/**
 * Saudi National ID (citizens) and Iqama (residents) numbers, REFERENCE §4.1.
 * Beneficiary files are keyed by this number, so it is validated before it is
 * stored and masked whenever it is shown or logged (PDPL, §4.5).
 */
import { stripBidiControls } from '../text/bidi.js';
import { toLatinDigits } from '../text/digits.js';

export type NationalIdKind = 'citizen' | 'resident';
export type NationalIdValidation =
  { valid: true; value: string; kind: NationalIdKind } | { valid: false; reason: 'format' | 'prefix' | 'check_digit' };

const TEN_DIGITS = /^\d{10}$/;
const WHITESPACE = /\s/g;
const BULLET = '\u2022';

/** Arabic-Indic digits → ASCII; spaces and bidi marks (often pasted with the number) removed. */
function canonicalize(input: string): string {
  return toLatinDigits(stripBidiControls(input)).replace(WHITESPACE, '');
}

/** Luhn mod 10 over all ten digits: odd positions (1st, 3rd, …) doubled. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(i) - 0x30;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Validates a National ID / Iqama number. On success `value` is the canonical
 * 10 ASCII digits to store, hash and compare; the first digit gives the kind
 * (1 = citizen, 2 = resident). Reasons are checked in order: format, prefix,
 * check digit.
 */
export function validateNationalId(input: string): NationalIdValidation {
  const value = canonicalize(input);
  if (!TEN_DIGITS.test(value)) return { valid: false, reason: 'format' };
  const kind: NationalIdKind | undefined = value[0] === '1' ? 'citizen' : value[0] === '2' ? 'resident' : undefined;
  if (kind === undefined) return { valid: false, reason: 'prefix' };
  if (!passesLuhn(value)) return { valid: false, reason: 'check_digit' };
  return { valid: true, value, kind };
}

/**
 * For UI and logs: first and last digit with eight bullets (U+2022) between,
 * e.g. `1••••••••8`. The first digit (citizen/resident) and last digit help
 * staff confirm the number with the caller without exposing it. Input that
 * is not 10 digits is fully masked rather than partially leaked.
 */
export function maskNationalId(value: string): string {
  const digits = canonicalize(value);
  if (!TEN_DIGITS.test(digits)) return BULLET.repeat(10);
  return `${digits[0]}${BULLET.repeat(8)}${digits[9]}`;
}
