import { canAdvance, toDeliveryStatus } from './delivery-status.js';

describe('delivery status ordering', () => {
  it.each([
    ['queued', 'sent', true],
    ['sent', 'delivered', true],
    ['delivered', 'read', true],
    ['sent', 'failed', true],
    ['delivered', 'sent', false],
    ['read', 'delivered', false],
    ['delivered', 'failed', false],
    ['failed', 'sent', false],
    ['sent', 'sent', false],
    [null, 'sent', true],
  ] as const)('%s → %s is %s', (from, to, ok) => {
    expect(canAdvance(from, to)).toBe(ok);
  });

  it('maps provider words', () => {
    expect(toDeliveryStatus('Delivered')).toBe('delivered');
    expect(toDeliveryStatus('canceled')).toBe('failed');
    expect(toDeliveryStatus('receiving')).toBeNull();
  });
});
