import { sameBytes } from './same-bytes.js';

describe('sameBytes', () => {
  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'abcd', false],
    ['', '', true],
    ['مرحبا', 'مرحبا', true],
    ['مرحبا', 'مرحبه', false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(sameBytes(a, b)).toBe(expected);
    expect(sameBytes(Buffer.from(a), Buffer.from(b))).toBe(expected);
  });
});
