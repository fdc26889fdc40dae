import { createHmac } from 'node:crypto';
import { sameBytes } from '@app/common';

const HEADER_PATTERN = /^sha256=([0-9a-f]{64})$/i;

/** `sha256=<hex HMAC-SHA256(appSecret, body)>`, the X-Hub-Signature-256 value Meta sends (REFERENCE §2.2). */
export function signMetaBody(appSecret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * True when `header` is the X-Hub-Signature-256 of exactly these bytes. The HMAC is taken over
 * the raw body as received: Meta escapes non-ASCII text as \uXXXX, so a body parsed and
 * serialised again would not match. The digests are compared in constant time.
 */
export function verifyMetaSignature(appSecret: string, rawBody: Buffer | undefined, header: string | string[] | undefined): boolean {
  if (!rawBody || typeof header !== 'string') return false;
  const match = HEADER_PATTERN.exec(header.trim());
  if (!match) return false;
  const given = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return sameBytes(given, expected);
}
