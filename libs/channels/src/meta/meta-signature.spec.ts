import { createHmac } from 'node:crypto';
import { signMetaBody, verifyMetaSignature } from './meta-signature.js';

const SECRET = 'app-secret-123';

/** Meta sends non-ASCII text escaped as \uXXXX: these exact bytes are what it signs. */
const RAW = Buffer.from(
  '{"object":"page","entry":[{"id":"1000000001","time":1764000000000,"messaging":[{"sender":{"id":"2000000001"},"recipient":{"id":"1000000001"},"timestamp":1764000000000,"message":{"mid":"m_1","text":"\\u0627\\u0644\\u0633\\u0644\\u0627\\u0645 \\u0639\\u0644\\u064a\\u0643\\u0645"}}]}]}',
  'utf8',
);
const hmac = (body: Buffer | string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

describe('Meta X-Hub-Signature-256', () => {
  it('the payload really is ASCII with Arabic escaped, and decodes to Arabic', () => {
    expect(/^[\x20-\x7e]+$/.test(RAW.toString('latin1'))).toBe(true);
    const parsed = JSON.parse(RAW.toString('utf8')) as { entry: { messaging: { message: { text: string } }[] }[] };
    expect(parsed.entry[0].messaging[0].message.text).toBe('السلام عليكم');
  });

  it('accepts the HMAC of the raw bytes', () => {
    expect(signMetaBody(SECRET, RAW)).toBe(hmac(RAW));
    expect(verifyMetaSignature(SECRET, RAW, hmac(RAW))).toBe(true);
    expect(verifyMetaSignature(SECRET, RAW, hmac(RAW).toUpperCase().replace('SHA256=', 'sha256='))).toBe(true);
  });

  it('refuses the HMAC of the same JSON serialised again (Arabic unescaped), which is why the raw body is used', () => {
    const reserialised = JSON.stringify(JSON.parse(RAW.toString('utf8')));
    expect(reserialised).toContain('السلام عليكم');
    expect(verifyMetaSignature(SECRET, RAW, hmac(reserialised))).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['the legacy sha1 header', `sha1=${createHmac('sha1', SECRET).update(RAW).digest('hex')}`],
    ['no prefix', createHmac('sha256', SECRET).update(RAW).digest('hex')],
    ['too short', hmac(RAW).slice(0, -2)],
    ['not hex', `sha256=${'z'.repeat(64)}`],
    ['another secret', `sha256=${createHmac('sha256', 'other').update(RAW).digest('hex')}`],
    ['a repeated header', [hmac(RAW), hmac(RAW)]],
  ])('refuses a signature that is %s', (_label, header) => {
    expect(verifyMetaSignature(SECRET, RAW, header as string | string[] | undefined)).toBe(false);
  });

  it('refuses a body changed by one byte, and a missing body', () => {
    const tampered = Buffer.from(RAW);
    tampered[tampered.length - 5] ^= 1;
    expect(verifyMetaSignature(SECRET, tampered, hmac(RAW))).toBe(false);
    expect(verifyMetaSignature(SECRET, undefined, hmac(RAW))).toBe(false);
  });
});
