import { inspect } from 'node:util';
import { NationalIdCipher } from './national-id-cipher.js';

const SECRET = 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const OTHER_SECRET = 'another-secret-0123456789abcdefghijklmnopqrstuv';
const ID = '1012345672';
const TOKEN_SHAPE = /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/;

/** Flips one character of one dot-separated part, keeping it valid base64url. */
function tamper(token: string, partIndex: number): string {
  const parts = token.split('.');
  const part = parts[partIndex];
  const flipped = part[0] === 'A' ? 'B' : 'A';
  parts[partIndex] = flipped + part.slice(1);
  return parts.join('.');
}

describe('NationalIdCipher', () => {
  const cipher = new NationalIdCipher(SECRET);

  it('round-trips', () => {
    const token = cipher.encrypt(ID);
    expect(token).toMatch(TOKEN_SHAPE);
    expect(token).not.toContain(ID);
    expect(cipher.decrypt(token)).toBe(ID);
  });

  it('decrypts with a new instance built from the same secret', () => {
    expect(new NationalIdCipher(SECRET).decrypt(cipher.encrypt('2123456788'))).toBe('2123456788');
  });

  it('produces a different token each time (random IV)', () => {
    const a = cipher.encrypt(ID);
    const b = cipher.encrypt(ID);
    expect(a).not.toBe(b);
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
    expect([cipher.decrypt(a), cipher.decrypt(b)]).toEqual([ID, ID]);
  });

  it.each([
    ['IV', 1],
    ['auth tag', 2],
    ['ciphertext', 3],
  ])('detects tampering with the %s', (_label, partIndex) => {
    const token = cipher.encrypt(ID);
    expect(() => cipher.decrypt(tamper(token, partIndex))).toThrow();
  });

  it('rejects a token encrypted under another secret', () => {
    const token = new NationalIdCipher(OTHER_SECRET).encrypt(ID);
    expect(() => cipher.decrypt(token)).toThrow();
  });

  it.each([
    ['empty', ''],
    ['wrong version', (t: string) => t.replace(/^v1/, 'v2')],
    ['missing part', (t: string) => t.split('.').slice(0, 3).join('.')],
    ['extra part', (t: string) => `${t}.AAAA`],
    [
      'truncated tag',
      (t: string) =>
        t
          .split('.')
          .map((p, i) => (i === 2 ? p.slice(0, 8) : p))
          .join('.'),
    ],
    ['non-base64url characters', (t: string) => t.replace(/\.([^.]+)$/, '.+/=')],
    ['empty ciphertext', (t: string) => t.replace(/\.[^.]+$/, '.')],
  ])('rejects a malformed token: %s', (_label, mutate) => {
    const token = typeof mutate === 'string' ? mutate : mutate(cipher.encrypt(ID));
    expect(() => cipher.decrypt(token)).toThrow();
  });

  describe('lookupHash', () => {
    it('is deterministic 64-char hex', () => {
      const h = cipher.lookupHash(ID);
      expect(h).toMatch(/^[0-9a-f]{64}$/);
      expect(cipher.lookupHash(ID)).toBe(h);
      expect(new NationalIdCipher(SECRET).lookupHash(ID)).toBe(h);
    });

    it('differs for another ID', () => {
      expect(cipher.lookupHash('1000000008')).not.toBe(cipher.lookupHash(ID));
    });

    it('differs with another secret', () => {
      expect(new NationalIdCipher(OTHER_SECRET).lookupHash(ID)).not.toBe(cipher.lookupHash(ID));
    });
  });

  it.each(['١٠١٢٣٤٥٦٧٢', ' 1012345672', '12345', ''])('refuses non-canonical input %j', (input) => {
    expect(() => cipher.encrypt(input)).toThrow(TypeError);
    expect(() => cipher.lookupHash(input)).toThrow(TypeError);
  });

  it('refuses a short secret', () => {
    expect(() => new NationalIdCipher('too-short')).toThrow(RangeError);
  });

  it('does not expose key material when logged or serialised', () => {
    expect(JSON.stringify(cipher)).toBe('{}');
    expect(Object.keys(cipher)).toEqual([]);
    expect(inspect(cipher, { showHidden: true })).not.toMatch(/Buffer|[0-9a-f]{2} [0-9a-f]{2}/);
  });
});
