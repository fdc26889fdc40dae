import { systemNotice } from './system-status';

describe('system notice for the console banner (GET /api/v1/system/status)', () => {
  it('hides the banner when every channel is live or there is no answer', () => {
    expect(systemNotice(null)).toBeNull();
    expect(systemNotice(undefined)).toBeNull();
    expect(systemNotice({ channels: { sms: 'live', email: 'live' }, sandboxed: [] })).toBeNull();
  });

  it('names the sandboxed channels', () => {
    expect(
      systemNotice({
        channels: { sms: 'sandbox', whatsapp: 'sandbox', email: 'live', social: 'live', manual: 'live' },
        sandboxed: ['sms', 'whatsapp'],
      }),
    ).toEqual({
      sandbox: ['sms', 'whatsapp'],
    });
  });

  it('says "every channel" when all of them are sandboxed', () => {
    expect(systemNotice({ channels: { sms: 'sandbox', email: 'sandbox' }, sandboxed: ['sms', 'email'] })).toEqual({ sandbox: 'all' });
  });

  it('ignores a malformed answer', () => {
    expect(systemNotice({ channels: {}, sandboxed: 'sms' } as never)).toBeNull();
  });
});
