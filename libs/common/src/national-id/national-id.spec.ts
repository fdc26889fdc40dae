import { maskNationalId, validateNationalId } from './national-id.js';

describe('validateNationalId', () => {
  it.each([
    // REFERENCE §4.1 worked example: S9 = 28 → check digit 2.
    ['worked example', '1012345672', '1012345672', 'citizen'],
    ['all zeros body', '1000000008', '1000000008', 'citizen'],
    // Iqama, computed by hand: 2 1 2 3 4 5 6 7 8 → odd positions 2,2,4,6,8
    // doubled 4,4,8,3,7 = 26; even positions 1,3,5,7 = 16; S9 = 42 → check 8.
    ['Iqama (resident)', '2123456788', '2123456788', 'resident'],
    // 2 then zeros: S9 = 4 → check 6.
    ['Iqama, zeros body', '2000000006', '2000000006', 'resident'],
    ['Arabic-Indic digits', '١٠١٢٣٤٥٦٧٢', '1012345672', 'citizen'],
    ['Extended Arabic-Indic digits', '۲۱۲۳۴۵۶۷۸۸', '2123456788', 'resident'],
    ['spaces and surrounding whitespace', ' 1012 345 672 ', '1012345672', 'citizen'],
    ['RLM marks from an RTL form', '\u200F1012345672\u200F', '1012345672', 'citizen'],
  ])('%s: %j is valid', (_label, input, value, kind) => {
    expect(validateNationalId(input)).toEqual({ valid: true, value, kind });
  });

  it.each([
    ['bad check digit', '1000000000', 'check_digit'],
    ['worked example off by one', '1012345673', 'check_digit'],
    ['Iqama with bad check digit', '2123456789', 'check_digit'],
    ['prefix 3', '3012345672', 'prefix'],
    ['prefix 0', '0012345672', 'prefix'],
    ['too short', '12345', 'format'],
    ['too long', '10123456720', 'format'],
    ['letters', '10123456a2', 'format'],
    ['dashes are not stripped', '1012-345-672', 'format'],
    ['empty', '', 'format'],
  ])('%s: %j -> %s', (_label, input, reason) => {
    expect(validateNationalId(input)).toEqual({ valid: false, reason });
  });

  it('checks format before prefix before check digit', () => {
    expect(validateNationalId('3')).toEqual({ valid: false, reason: 'format' });
    expect(validateNationalId('3000000000')).toEqual({
      valid: false,
      reason: 'prefix',
    });
  });

  it('accepts exactly one check digit per 9-digit prefix', () => {
    const valid = [...'0123456789'].filter((d) => validateNationalId(`101234567${d}`).valid);
    expect(valid).toEqual(['2']);
  });
});

describe('maskNationalId', () => {
  it.each([
    ['1000000008', '1••••••••8'],
    ['2123456788', '2••••••••8'],
    ['١٠١٢٣٤٥٦٧٢', '1••••••••2'],
    [' 1012 345 672 ', '1••••••••2'],
  ])('%j -> %j', (input, expected) => {
    expect(maskNationalId(input)).toBe(expected);
  });

  it('uses U+2022 bullets and keeps the length at 10', () => {
    const masked = maskNationalId('1012345672');
    expect(masked).toHaveLength(10);
    expect(masked.slice(1, 9)).toBe('\u2022'.repeat(8));
  });

  it.each(['', '12345', '10123456720', 'abcdefghij'])('fully masks malformed input %j', (input) => {
    expect(maskNationalId(input)).toBe('••••••••••');
  });
});
