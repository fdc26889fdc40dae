import { createHash, randomBytes } from 'node:crypto';
import { sameBytes } from '@app/common';

/** 18 random bytes = 144 bits, written as 24 URL-safe characters (short enough for one SMS line). */
export const SURVEY_TOKEN_BYTES = 18;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;

/**
 * A survey link's secret. Only its SHA-256 hash is stored with the invitation, so the survey
 * tables alone never let anyone answer in a contact's name.
 */
export function createSurveyToken(): { token: string; hash: string } {
  const token = randomBytes(SURVEY_TOKEN_BYTES).toString('base64url');
  return { token, hash: hashSurveyToken(token) };
}

export function hashSurveyToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Cheap shape check before any database look-up: anything else is simply unknown (404). */
export function isWellFormedSurveyToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** Constant-time comparison of a presented token with a stored hash. */
export function surveyTokenMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashSurveyToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return sameBytes(a, b);
}

/** The public links of one token: the survey page and its opt-out confirmation. */
export function surveyLinks(publicBaseUrl: string, token: string): { link: string; optOutLink: string } {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return { link: `${base}/s/${token}`, optOutLink: `${base}/s/${token}/opt-out` };
}
