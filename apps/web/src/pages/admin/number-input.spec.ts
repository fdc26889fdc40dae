import { parseTypedNumber } from './number-input';

describe('parseTypedNumber', () => {
  it('reads Latin and Arabic-Indic digits, with either decimal separator', () => {
    expect(parseTypedNumber(' 120 ')).toBe(120);
    expect(parseTypedNumber('١٢٠')).toBe(120);
    expect(parseTypedNumber('٠٫٥')).toBe(0.5);
    expect(parseTypedNumber('2.25')).toBe(2.25);
  });

  it('refuses what is not a plain non-negative number', () => {
    for (const text of ['', 'abc', '-5', '1e3', '1.2.3', '١٢ساعة']) expect(parseTypedNumber(text)).toBeNull();
  });
});
