/**
 * Field-level protection for National ID / Iqama numbers (PDPL, REFERENCE
 * §4.5): the number is stored encrypted (AES-256-GCM) next to a keyed hash
 * (HMAC-SHA256) that backs a unique index and exact-match look-ups without
 * ever decrypting.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { deriveKey } from '../crypto/derive-key.js';

const VERSION = 'v1';
const IV_BYTES = 12; // GCM's native nonce size
const TAG_BYTES = 16;
const MIN_SECRET_LENGTH = 32;
const ENC_INFO = 'national-id/aes-256-gcm/v1';
const HASH_INFO = 'national-id/hmac-sha256/v1';
const CANONICAL_ID = /^\d{10}$/;
const B64URL = /^[A-Za-z0-9_-]+$/;

function assertCanonical(plain: string): void {
  // Encrypting or hashing `١٠١…` and `101…` separately would break look-ups,
  // so only the `value` returned by validateNationalId is accepted.
  if (!CANONICAL_ID.test(plain)) {
    throw new TypeError('NationalIdCipher expects the canonical 10-digit value from validateNationalId');
  }
}

function decodePart(part: string | undefined, expectedBytes?: number): Buffer {
  if (part === undefined || !B64URL.test(part)) throw new Error('Malformed national ID token');
  const bytes = Buffer.from(part, 'base64url');
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) throw new Error('Malformed national ID token');
  return bytes;
}

/**
 * Encrypts, decrypts and hashes canonical National ID numbers.
 *
 * `secret` is a single high-entropy application secret (at least 32
 * characters, e.g. 32 random bytes in base64, from config/KMS). Two
 * independent 32-byte keys are derived from it with HKDF-SHA256, one for
 * AES-256-GCM and one for HMAC-SHA256, so one setting covers both. Rotating
 * the secret invalidates every stored token and hash: re-encrypt on rotation,
 * using the `v1` token prefix to tell generations apart.
 */
export class NationalIdCipher {
  readonly #encKey: Buffer;
  readonly #hashKey: Buffer;

  constructor(secret: string) {
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new RangeError(`NationalIdCipher secret must be at least ${MIN_SECRET_LENGTH} characters`);
    }
    this.#encKey = deriveKey(secret, ENC_INFO);
    this.#hashKey = deriveKey(secret, HASH_INFO);
  }

  /** Returns `v1.<iv>.<tag>.<ciphertext>` (base64url parts); a fresh random IV each call. */
  encrypt(plain: string): string {
    assertCanonical(plain);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#encKey, iv, {
      authTagLength: TAG_BYTES,
    });
    // The version is authenticated too, so it cannot be swapped undetected.
    cipher.setAAD(Buffer.from(VERSION));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  /** Inverse of encrypt. Throws if the token is malformed, tampered with, or from another secret. */
  decrypt(token: string): string {
    const parts = token.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('Malformed national ID token');
    const iv = decodePart(parts[1], IV_BYTES);
    const tag = decodePart(parts[2], TAG_BYTES);
    const ciphertext = decodePart(parts[3]);
    // authTagLength pins the tag size, so a truncated tag cannot be accepted.
    const decipher = createDecipheriv('aes-256-gcm', this.#encKey, iv, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(VERSION));
    decipher.setAuthTag(tag);
    // final() throws "Unsupported state or unable to authenticate data" on any tampering.
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  }

  /** Deterministic HMAC-SHA256 (64 hex chars) for a unique index and exact-match look-ups. */
  lookupHash(plain: string): string {
    assertCanonical(plain);
    return createHmac('sha256', this.#hashKey).update(plain, 'utf8').digest('hex');
  }
}
