/**
 * Phone number canonicalisation to E.164 (REFERENCE §4.2). E.164 is the key
 * we match contacts on across SMS, WhatsApp and voice, so every inbound
 * address goes through normalizePhoneNumber before any look-up.
 */
// Full (`max`) metadata is required: the package's default entry point ships
// the `min` metadata, whose getType() is always undefined and which accepts
// 052… numbers because it does not check the per-type patterns.
// We use `core` + the metadata's bare-specifier export instead of
// 'libphonenumber-js/max' because jest's `(\.{1,2}/.*)\.js → $1` mapper
// rewrites max's internal `./metadata.max.json.js` import to the raw JSON file
// (deprecated JSON import without attributes under ESM jest).
import { parsePhoneNumberFromString as parseWithMetadata, type CountryCode } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max';
import { stripBidiControls } from '../text/bidi.js';
import { toLatinDigits } from '../text/digits.js';

// Twilio addresses WhatsApp senders as `whatsapp:+9665…`; `tel:` comes from links.
const ADDRESS_SCHEME = /^(?:whatsapp|tel):/i;
// Visual separators people type or paste: spaces (incl. NBSP), - ( ) . /
const SEPARATORS = /[\s\-()./]/g;
const DIALLABLE = /^\+?\d+$/;
// Generous upper bound so garbage never reaches the parser.
const MAX_INPUT_LENGTH = 64;

/**
 * Returns the E.164 form (`+966501234567`) or null when `input` is not a
 * valid number. Accepts local (`0501234567`, `501234567`), international
 * (`966…`, `00966…`, `+966…`), Arabic-Indic digits, bidi marks, separators
 * and a `whatsapp:`/`tel:` prefix. Anything else (letters, extensions,
 * free text around the number) is rejected rather than guessed at.
 */
export function normalizePhoneNumber(input: string, defaultCountry: CountryCode = 'SA'): string | null {
  if (input.length > MAX_INPUT_LENGTH) return null;
  // Every webhook names our own number and senders write again: parsing with full metadata is the costly part.
  const key = `${defaultCountry}:${input}`;
  const known = recent.get(key);
  if (known !== undefined) return known;
  const normalized = parse(input, defaultCountry);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  recent.set(key, normalized);
  return normalized;
}

const RECENT_LIMIT = 2000;
const recent = new Map<string, string | null>();

function parse(input: string, defaultCountry: CountryCode): string | null {
  let s = toLatinDigits(stripBidiControls(input).trim()).replace(ADDRESS_SCHEME, '');
  s = s.replace(SEPARATORS, '');
  // 00 is the international prefix in SA and most of the world; rewriting it
  // here makes it work whatever defaultCountry's own exit code is.
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (!DIALLABLE.test(s)) return null;

  const parsed = parseWithMetadata(s, defaultCountry, metadata);
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * True only for a Saudi mobile number in E.164 (`+9665…`), per the current
 * metadata: 050, 051, 053–056, 058, 059 and most of 057; 052 is not allocated.
 * Pass the output of normalizePhoneNumber; other formats return false.
 */
export function isSaudiMobile(e164: string): boolean {
  if (!/^\+\d{1,15}$/.test(e164)) return false;
  const parsed = parseWithMetadata(e164, metadata);
  return parsed !== undefined && parsed.country === 'SA' && parsed.getType() === 'MOBILE';
}
