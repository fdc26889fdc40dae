import type { ChannelSender, DeliveryChannel } from './channel-adapter.js';
import { ChannelRegistry } from './channel-registry.js';

const sender = (via: DeliveryChannel, live = false): ChannelSender => ({
  via,
  isLive: () => live,
  send: () => Promise.reject(new Error('not in this test')),
});

describe('ChannelRegistry', () => {
  it('refuses to start when a channel has no sender', () => {
    expect(() => new ChannelRegistry([sender('sms'), sender('email')])).toThrow('no sender registered for channel(s): whatsapp, social, manual');
  });

  it('refuses two senders for one channel', () => {
    expect(() => new ChannelRegistry([sender('sms'), sender('sms')])).toThrow('two senders registered for channel sms');
  });

  it('reports which channels are live', () => {
    const registry = new ChannelRegistry([sender('sms', true), sender('whatsapp'), sender('email', true), sender('social'), sender('manual')]);
    expect(registry.status()).toEqual({ sms: 'live', whatsapp: 'sandbox', email: 'live', social: 'sandbox', manual: 'live' });
  });
});
