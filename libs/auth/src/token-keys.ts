import { hkdfSync } from 'node:crypto';

/** A key for one purpose derived from AUTH_SECRET, so one secret never serves two uses directly. */
export function deriveKey(secret: string, purpose: string, length = 32): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'helpdesk', purpose, length));
}
