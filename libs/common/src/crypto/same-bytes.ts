import { timingSafeEqual } from 'node:crypto';

/**
 * Whether two secrets (signatures, token hashes, codes) are equal, compared in constant time so the
 * time taken tells nothing about how much of a guess was right. Strings compare as UTF-8 bytes.
 */
export function sameBytes(a: Buffer | string, b: Buffer | string): boolean {
  const x = typeof a === 'string' ? Buffer.from(a) : a;
  const y = typeof b === 'string' ? Buffer.from(b) : b;
  return x.length === y.length && timingSafeEqual(x, y);
}
