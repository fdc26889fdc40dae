import { createHash } from 'node:crypto';
import { createSurveyToken, hashSurveyToken, isWellFormedSurveyToken, SURVEY_TOKEN_BYTES, surveyLinks, surveyTokenMatches } from './survey-token.js';

describe('survey tokens', () => {
  it('carries at least 128 random bits in a URL-safe form', () => {
    expect(SURVEY_TOKEN_BYTES * 8).toBeGreaterThanOrEqual(128);
    const { token } = createSurveyToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(SURVEY_TOKEN_BYTES);
  });

  it('is different every time', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => createSurveyToken().token));
    expect(tokens.size).toBe(1000);
  });

  it('is stored only as its SHA-256 hash', () => {
    const { token, hash } = createSurveyToken();
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hashSurveyToken(token)).toBe(hash);
    expect(surveyTokenMatches(token, hash)).toBe(true);
    expect(surveyTokenMatches(createSurveyToken().token, hash)).toBe(false);
  });

  it('rejects anything that is not a token before the database is asked', () => {
    expect(isWellFormedSurveyToken(createSurveyToken().token)).toBe(true);
    for (const bad of ['', 'results', 'a'.repeat(23), 'a'.repeat(25), `${'a'.repeat(23)}=`, `${'a'.repeat(23)}/`, `${'a'.repeat(23)}:`]) {
      expect(isWellFormedSurveyToken(bad)).toBe(false);
    }
  });

  it('builds the survey and opt-out links under the public address', () => {
    expect(surveyLinks('https://help.example.org/', 'abc')).toEqual({
      link: 'https://help.example.org/s/abc',
      optOutLink: 'https://help.example.org/s/abc/opt-out',
    });
  });
});
