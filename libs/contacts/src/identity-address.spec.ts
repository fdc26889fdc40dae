import { normalizeIdentityAddress } from './identity-address.js';

describe('normalizeIdentityAddress', () => {
  it.each([
    ['phone', '0501234567', '+966501234567'],
    ['phone', 'whatsapp:+966501234567', '+966501234567'],
    ['phone', '٠٥٠١٢٣٤٥٦٧', '+966501234567'],
    ['phone', '009665 0123 4567', '+966501234567'],
    ['phone', 'not a phone', null],
    ['email', ' Ali@Example.ORG ', 'ali@example.org'],
    ['email', 'nobody', null],
    ['facebook', '1234567890123456', '1234567890123456'],
    ['instagram', '١٢٣٤٥٦٧', '1234567'],
    ['facebook', 'abc', null],
  ] as const)('%s %j → %j', (kind, raw, expected) => {
    expect(normalizeIdentityAddress(kind, raw)).toBe(expected);
  });
});
