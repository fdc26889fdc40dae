import { TwilioRequestError } from './twilio-params.js';
import { parseTwilioStatusCallback } from './twilio-status.js';

const SM = `SM${'a'.repeat(32)}`;

describe('parseTwilioStatusCallback', () => {
  it.each([
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'read'],
    ['sending', 'sending'],
    ['receiving', null],
  ])('%s → %s', (word, status) => {
    expect(parseTwilioStatusCallback({ MessageSid: SM, MessageStatus: word })).toEqual({ messageSid: SM, providerStatus: word, status });
  });

  it('keeps Twilio’s reason on a failure', () => {
    expect(parseTwilioStatusCallback({ MessageSid: SM, MessageStatus: 'undelivered', ErrorCode: '30003' })).toEqual({
      messageSid: SM,
      providerStatus: 'undelivered',
      status: 'undelivered',
      errorCode: '30003',
      error: 'Twilio 30003: unreachable destination handset',
    });
    expect(parseTwilioStatusCallback({ MessageSid: SM, MessageStatus: 'failed', ErrorCode: '99999', ErrorMessage: 'Something odd' }).error).toBe(
      'Twilio 99999: Something odd',
    );
    expect(parseTwilioStatusCallback({ MessageSid: SM, MessageStatus: 'failed' }).error).toBe('Twilio: failed');
  });

  it('reads the deprecated SmsStatus when MessageStatus is absent', () => {
    expect(parseTwilioStatusCallback({ MessageSid: SM, SmsStatus: 'Delivered' }).status).toBe('delivered');
  });

  it.each([
    [{ MessageStatus: 'sent' }, 'MessageSid'],
    [{ MessageSid: SM }, 'MessageStatus'],
  ])('refuses %j naming %s', (params, field) => {
    expect(() => parseTwilioStatusCallback(params)).toThrow(TwilioRequestError);
    try {
      parseTwilioStatusCallback(params);
    } catch (error) {
      expect((error as TwilioRequestError).field).toBe(field);
    }
  });
});
