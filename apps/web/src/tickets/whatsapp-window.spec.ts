import { canReplyFreely, fillTemplate, templateVariables, whatsappWindow } from './whatsapp-window';

const H = 3600_000;
const t0 = Date.parse('2025-03-02T10:00:00Z');
const msg = (direction: string, channel: string, at: number) => ({ direction, channel, createdAt: new Date(at).toISOString() });

describe('WhatsApp 24-hour window', () => {
  it('opens with the last inbound WhatsApp message and closes 24 hours later', () => {
    const messages = [msg('inbound', 'whatsapp', t0), msg('outbound', 'whatsapp', t0 + H), msg('inbound', 'whatsapp', t0 + 2 * H)];
    const open = whatsappWindow(messages, t0 + 3 * H);
    expect(open).toEqual({
      state: 'open',
      lastInboundAt: new Date(t0 + 2 * H).toISOString(),
      closesAt: new Date(t0 + 26 * H).toISOString(),
      remainingMs: 23 * H,
    });
    expect(canReplyFreely(open)).toBe(true);
    expect(whatsappWindow(messages, t0 + 25.5 * H).state).toBe('closing');
    const closed = whatsappWindow(messages, t0 + 26 * H);
    expect(closed).toMatchObject({ state: 'closed', remainingMs: 0 });
    expect(canReplyFreely(closed)).toBe(false);
  });

  it('ignores our own messages, notes and other channels', () => {
    const messages = [msg('outbound', 'whatsapp', t0), msg('note', 'whatsapp', t0), msg('inbound', 'sms', t0)];
    expect(whatsappWindow(messages, t0).state).toBe('never');
    expect(canReplyFreely(whatsappWindow([], t0))).toBe(false);
  });

  it('finds and fills the numbered variables of an approved template', () => {
    expect(templateVariables('طلبك {{1}} جاهز، راجعنا {{ 2 }} أو {{1}}')).toEqual(['1', '2']);
    expect(fillTemplate('طلبك {{1}} جاهز {{2}}', { '1': '1446-000123' })).toBe('طلبك 1446-000123 جاهز {{2}}');
  });
});
