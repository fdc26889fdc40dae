import { hkdfSync } from 'node:crypto';

/**
 * A 32-byte key for one purpose derived from the one application secret (HKDF-SHA256),
 * so no key serves two uses. The salt is public; the secret is the secret.
 */
export function deriveKey(secret: string, purpose: string, length = 32): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'jamiya-helpdesk', purpose, length));
}
