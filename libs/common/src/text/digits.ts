/**
 * The single place where non-ASCII decimal digits are mapped to ASCII.
 * Arabic keyboards and phones produce Arabic-Indic (٠-٩, U+0660–0669) or, on
 * Persian/Urdu layouts, Extended Arabic-Indic (۰-۹, U+06F0–06F9) digits, so
 * every identifier parser (phone, National ID, search) funnels through here.
 */

const ARABIC_INDIC_ZERO = 0x0660;
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0;
const NON_LATIN_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Maps ٠-٩ and ۰-۹ to 0-9; every other character is left untouched. */
export function toLatinDigits(s: string): string {
  return s.replace(NON_LATIN_DIGIT, (ch) => {
    const code = ch.charCodeAt(0);
    const zero = code >= EXTENDED_ARABIC_INDIC_ZERO ? EXTENDED_ARABIC_INDIC_ZERO : ARABIC_INDIC_ZERO;
    return String.fromCharCode(0x30 + code - zero);
  });
}
