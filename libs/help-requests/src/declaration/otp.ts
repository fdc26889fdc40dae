/**
 * One-time codes that sign the applicant's declaration: 6 digits, valid 10 minutes, at most 5
 * tries. Only an HMAC of the code is stored (keyed from the application secret and bound to the
 * challenge id), so a database reader cannot test the million candidates offline.
 */
import { createHmac, randomInt } from 'node:crypto';
import { sameBytes, toLatinDigits } from '@app/common';

export const OTP_DIGITS = 6;
export const OTP_TTL_MS = 10 * 60_000;
export const OTP_MAX_ATTEMPTS = 5;

export function generateOtp(random: (max: number) => number = (max) => randomInt(max)): string {
  return String(random(10 ** OTP_DIGITS)).padStart(OTP_DIGITS, '0');
}

export function hashOtp(key: Buffer, challengeId: string, code: string): string {
  return createHmac('sha256', key).update(`${challengeId}.${code}`, 'utf8').digest('hex');
}

export function otpMatches(key: Buffer, challengeId: string, code: string, storedHash: string): boolean {
  const given = Buffer.from(hashOtp(key, challengeId, code), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return sameBytes(given, stored);
}

/** What a person typed (Arabic-Indic digits, spaces) as the 6 ASCII digits, or null. */
export function normalizeOtpInput(input: string): string | null {
  const digits = toLatinDigits(input).replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${OTP_DIGITS}}$`).test(digits) ? digits : null;
}

export interface OtpChallengeState {
  expiresAt: Date;
  attempts: number;
  maxAttempts: number;
  consumedAt: Date | null;
}

export type OtpUsability = 'usable' | 'used' | 'expired' | 'exhausted';

/** Whether a code may still be tried: not used, not past its 10 minutes, tries left. */
export function otpUsability(c: OtpChallengeState, now: Date): OtpUsability {
  if (c.consumedAt) return 'used';
  if (now.getTime() >= c.expiresAt.getTime()) return 'expired';
  if (c.attempts >= c.maxAttempts) return 'exhausted';
  return 'usable';
}
