import twilio from 'twilio';
import { createHmac } from 'node:crypto';
import { isValidTwilioSignature, signedUrl } from './twilio-signature.js';

/** REFERENCE §1.5 test vector [verified]. */
const TOKEN = '12345';
const URL_ = 'https://example.com/webhooks/twilio/sms?tenant=1';
const PARAMS = { From: '+966501234567', To: '+15005550006', Body: 'السلام عليكم', MessageSid: 'SMx', NumMedia: '0' };
const EXPECTED = '04Hi045hMk6BmrZYx4PFJ0bAby4=';

describe('X-Twilio-Signature', () => {
  it('matches the reference test vector, by the SDK and by hand', () => {
    expect(twilio.getExpectedTwilioSignature(TOKEN, URL_, PARAMS)).toBe(EXPECTED);
    const data = Object.keys(PARAMS)
      .sort()
      .reduce((acc, k) => acc + k + PARAMS[k as keyof typeof PARAMS], URL_);
    expect(createHmac('sha1', TOKEN).update(Buffer.from(data, 'utf8')).digest('base64')).toBe(EXPECTED);
  });

  it('accepts the vector and refuses any change to token, URL, query, fields or signature', () => {
    expect(isValidTwilioSignature(TOKEN, EXPECTED, URL_, PARAMS)).toBe(true);
    expect(isValidTwilioSignature('54321', EXPECTED, URL_, PARAMS)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, EXPECTED, 'https://example.com/webhooks/twilio/sms', PARAMS)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, EXPECTED, 'http://example.com/webhooks/twilio/sms?tenant=1', PARAMS)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, EXPECTED, URL_, { ...PARAMS, Body: 'السلام عليكم.' })).toBe(false);
    expect(isValidTwilioSignature(TOKEN, EXPECTED, URL_, { ...PARAMS, Extra: '' })).toBe(false);
    const { NumMedia: _dropped, ...fewer } = PARAMS;
    expect(isValidTwilioSignature(TOKEN, EXPECTED, URL_, fewer)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, `${EXPECTED.slice(0, -2)}A=`, URL_, PARAMS)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, undefined, URL_, PARAMS)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, '', URL_, PARAMS)).toBe(false);
  });

  it('accepts the URL with the default port Twilio sometimes signs', () => {
    const withPort = twilio.getExpectedTwilioSignature(TOKEN, 'https://example.com:443/webhooks/twilio/sms?tenant=1', PARAMS);
    expect(isValidTwilioSignature(TOKEN, withPort, URL_, PARAMS)).toBe(true);
  });

  it('signs repeated fields with each sorted value', () => {
    const params = { MessageSid: 'SMx', Tag: ['b', 'a'] };
    const sig = createHmac('sha1', TOKEN).update(`${URL_}MessageSidSMxTagaTagb`).digest('base64');
    expect(isValidTwilioSignature(TOKEN, sig, URL_, params)).toBe(true);
  });
});

describe('signedUrl', () => {
  it('is the public base URL plus the path and query received', () => {
    expect(signedUrl('https://helpdesk.example.org/', '/webhooks/twilio/messaging?x=1')).toBe(
      'https://helpdesk.example.org/webhooks/twilio/messaging?x=1',
    );
    expect(signedUrl('https://helpdesk.example.org', '/webhooks/twilio/status')).toBe('https://helpdesk.example.org/webhooks/twilio/status');
  });
});
