/**
 * Search-key normalisation for Arabic (and mixed Arabic/English) text,
 * following REFERENCE §5.1. Apply the SAME function to stored text and to
 * queries; keep the original string for display. Changing this function
 * changes every stored key, so treat edits as a reindex.
 */
import { stripBidiControls } from './bidi.js';
import { toLatinDigits } from './digits.js';

// Harakat incl. shadda/sukun (064B–0652), other combining marks (0653–065F),
// superscript alef (0670), Quranic honorifics (0610–061A), Quranic annotation
// marks (06D6–06ED). None of them change which word is meant for search.
const ARABIC_DIACRITICS = /[\u064B-\u065F\u0670\u0610-\u061A\u06D6-\u06ED]/g;
// Tatweel/kashida is pure typographic stretching (جمعيــة == جمعية).
const TATWEEL = /\u0640/g;
// Hamza/madda/wasla alef variants are spelt inconsistently by users.
const ALEF_VARIANTS = /[\u0623\u0625\u0622\u0671]/g;
const TEH_MARBUTA = /\u0629/g;
const ALEF_MAKSURA = /\u0649/g;
const WHITESPACE_RUN = /\s+/g;

/**
 * Returns the search key for `s`:
 *  bidi/zero-width removed → NFKC → lower-case → diacritics and tatweel
 *  removed → أ إ آ ٱ→ا, ة→ه, ى→ي → digits to ASCII → whitespace collapsed.
 *
 * Bidi/zero-width marks are removed *before* NFKC (not after, as listed in
 * §5.1) so composition sees the characters that will actually remain; a
 * final NFC pass recomposes anything exposed by removing marks (e.g. Latin
 * `e` + U+06DD + U+0301). Both keep the function idempotent.
 */
export function normalizeSearchText(s: string): string {
  let out = stripBidiControls(s).normalize('NFKC');
  // Locale-independent on purpose: the Turkish dotless-i rules must not apply.
  out = out.toLowerCase();
  out = out
    .replace(ARABIC_DIACRITICS, '')
    .replace(TATWEEL, '')
    .replace(ALEF_VARIANTS, '\u0627')
    .replace(TEH_MARBUTA, '\u0647')
    .replace(ALEF_MAKSURA, '\u064A');
  out = toLatinDigits(out);
  // Input is already NFKC, so canonical recomposition is all that is left to do.
  out = out.normalize('NFC');
  return out.replace(WHITESPACE_RUN, ' ').trim();
}
