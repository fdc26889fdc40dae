import { ApiError, isRetryable, networkError, toApiError } from './api-error';

describe('api errors', () => {
  it("keeps the api's status, error and message, and the extra fields", () => {
    const error = toApiError({ statusCode: 409, error: 'Conflict', message: 'a user with this e-mail exists', code: 'conflict' }, 409, 'Conflict');
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, error: 'Conflict', message: 'a user with this e-mail exists', details: { code: 'conflict' } });
  });

  it('joins message lists and falls back to the HTTP status', () => {
    expect(toApiError({ message: ['name is too short', 'email must be an email'] }, 400).message).toBe('name is too short; email must be an email');
    expect(toApiError(undefined, 502, 'Bad Gateway').message).toBe('Bad Gateway');
    expect(toApiError('<html>proxy error</html>', 502).message).toBe('HTTP 502');
  });

  it('retries only what may succeed later', () => {
    expect(isRetryable(networkError(new TypeError('Failed to fetch')))).toBe(true);
    expect(isRetryable(toApiError({}, 503))).toBe(true);
    expect(isRetryable(toApiError({}, 400))).toBe(false);
    expect(isRetryable(toApiError({}, 401))).toBe(false);
    expect(isRetryable(new Error('x'))).toBe(false);
  });
});
