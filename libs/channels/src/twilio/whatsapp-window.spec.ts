import { whatsAppWindowOpen } from './whatsapp-window.js';

describe('WhatsApp customer-care window', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

  it('is open for 24 hours after the last inbound message, closed after and when the person never wrote', () => {
    expect(whatsAppWindowOpen(hoursAgo(1), now)).toBe(true);
    expect(whatsAppWindowOpen(hoursAgo(23.99), now)).toBe(true);
    expect(whatsAppWindowOpen(hoursAgo(24), now)).toBe(false);
    expect(whatsAppWindowOpen(null, now)).toBe(false);
  });

  it('closes early by the given margin', () => {
    expect(whatsAppWindowOpen(hoursAgo(23.9), now, 10 * 60_000)).toBe(false);
    expect(whatsAppWindowOpen(hoursAgo(23.8), now, 10 * 60_000)).toBe(true);
  });
});
