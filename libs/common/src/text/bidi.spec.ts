import { stripBidiControls } from './bidi.js';

describe('stripBidiControls', () => {
  it.each([
    ['LRM/RLM', 'a\u200Eb\u200Fc', 'abc'],
    ['Arabic letter mark', '\u061C٥٠', '٥٠'],
    ['zero-width space/non-joiner/joiner', 'x\u200By\u200Cz\u200D', 'xyz'],
    ['embeddings and overrides', '\u202A1\u202B2\u202C3\u202D4\u202E5', '12345'],
    ['isolates', '\u2066a\u2067b\u2068c\u2069', 'abc'],
    ['word joiner and BOM', '\uFEFFab\u2060c', 'abc'],
    ['nothing to strip', 'محمد 123', 'محمد 123'],
  ])('%s', (_label, input, expected) => {
    expect(stripBidiControls(input)).toBe(expected);
  });

  it('keeps ordinary whitespace', () => {
    expect(stripBidiControls(' a\tb\n')).toBe(' a\tb\n');
  });
});
