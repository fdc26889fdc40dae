import { toLatinDigits } from './digits.js';

describe('toLatinDigits', () => {
  it.each([
    ['٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['0123456789', '0123456789'],
    ['طلب رقم ١٢٣ و ۴۵۶', 'طلب رقم 123 و 456'],
    ['+٩٦٦ ٥٠', '+966 50'],
    ['', ''],
    ['no digits', 'no digits'],
  ])('%j -> %j', (input, expected) => {
    expect(toLatinDigits(input)).toBe(expected);
  });

  it('leaves other Unicode digits alone (only the two Arabic blocks are in scope)', () => {
    // Devanagari and fullwidth digits are out of scope here; NFKC handles fullwidth in search.
    expect(toLatinDigits('१२ １２')).toBe('१२ １２');
  });

  it('does not touch the neighbours of the digit blocks', () => {
    // U+066A Arabic percent sign and U+06FA (letter) sit right after the ranges.
    expect(toLatinDigits('\u066A\u06FA\u065F')).toBe('\u066A\u06FA\u065F');
  });
});
