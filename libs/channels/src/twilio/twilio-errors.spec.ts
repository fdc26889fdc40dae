import { toChannelError } from './twilio-errors.js';

describe('toChannelError (Twilio)', () => {
  it.each([
    [{ status: 400, code: 21211, message: "The 'To' number is not a valid phone number." }, false],
    [{ status: 400, code: 63016, message: 'Failed to send freeform message because you are outside the allowed window.' }, false],
    [{ status: 429, code: 20429, message: 'Too Many Requests' }, true],
    [{ status: 503, message: 'Service Unavailable' }, true],
    [new Error('socket hang up'), true],
  ])('%j retryable=%s', (error, retryable) => {
    const mapped = toChannelError(error);
    expect(mapped.retryable).toBe(retryable);
    expect(mapped.message).toMatch(/^Twilio/);
  });
});
