/**
 * Invisible direction and zero-width characters. RTL UIs, WhatsApp and
 * copy-paste from Arabic documents wrap numbers and names in these, so two
 * visually identical strings compare unequal unless they are removed.
 *
 * - U+200B–200F  ZWSP, ZWNJ, ZWJ, LRM, RLM
 * - U+061C       ARABIC LETTER MARK
 * - U+202A–202E  LRE, RLE, PDF, LRO, RLO (embeddings/overrides)
 * - U+2066–2069  LRI, RLI, FSI, PDI (isolates)
 * - U+2060, U+FEFF  WORD JOINER and BOM/ZWNBSP (also invisible, also pasted)
 */
const BIDI_AND_ZERO_WIDTH = /[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\u2060\uFEFF]/g;

/** Removes bidi controls and zero-width characters; everything else is kept. */
export function stripBidiControls(s: string): string {
  return s.replace(BIDI_AND_ZERO_WIDTH, '');
}
