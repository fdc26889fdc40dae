import { chooseDeliveryRoute } from './delivery-route.js';

const phone = { kind: 'phone' as const, address: '+966501234567' };
const email = { kind: 'email' as const, address: 'a@example.org' };
const fb = { kind: 'facebook' as const, address: '123456789' };

describe('chooseDeliveryRoute', () => {
  it.each([
    ['sms', [phone, email], { via: 'sms', to: '+966501234567' }],
    ['whatsapp', [phone], { via: 'whatsapp', to: '+966501234567' }],
    ['phone', [phone], { via: 'sms', to: '+966501234567' }],
    ['email', [phone, email], { via: 'email', to: 'a@example.org' }],
    ['social', [fb], { via: 'social', to: 'facebook:123456789' }],
    ['web', [email], { via: 'email', to: 'a@example.org' }],
    ['web', [email, phone], { via: 'sms', to: '+966501234567' }],
    ['help_request', [phone], { via: 'sms', to: '+966501234567' }],
    ['letter', [phone], { via: 'manual', to: 'letter' }],
    ['visit', [], { via: 'manual', to: 'visit' }],
  ] as const)('%s with %j → %j', (channel, identities, expected) => {
    expect(chooseDeliveryRoute(channel, [...identities])).toEqual(expected);
  });

  it('prefers e-mail for a form when the contact asked for it', () => {
    expect(chooseDeliveryRoute('web', [phone, email], 'email')).toEqual({ via: 'email', to: 'a@example.org' });
  });

  it.each([
    ['sms', [email], 'no phone number'],
    ['email', [phone], 'no e-mail address'],
    ['social', [phone], 'no social media id'],
    ['help_request', [], 'neither a phone number nor an e-mail'],
  ] as const)('cannot reach a %s contact with %j', (channel, identities, reason) => {
    const route = chooseDeliveryRoute(channel, [...identities]);
    expect(route.via).toBeNull();
    expect(route.via === null && route.reason).toContain(reason);
  });
});
