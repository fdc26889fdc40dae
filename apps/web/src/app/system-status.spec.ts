import { systemNotice } from './system-status';

describe('system notice for the console banner', () => {
  it('hides the banner when there is nothing to say', () => {
    expect(systemNotice(null)).toBeNull();
    expect(systemNotice({})).toBeNull();
    expect(systemNotice({ sandbox: false, notices: [] })).toBeNull();
    expect(systemNotice({ sandbox: { sms: false } })).toBeNull();
  });

  it('understands the likely shapes of sandbox information', () => {
    expect(systemNotice({ sandbox: true })).toEqual({ sandbox: 'all', notices: [] });
    expect(systemNotice({ sandbox: { sms: true, whatsapp: true, email: false } })?.sandbox).toEqual(['sms', 'whatsapp']);
    expect(systemNotice({ sandbox: ['email'] })?.sandbox).toEqual(['email']);
    expect(systemNotice({ sandboxChannels: ['sms'] })?.sandbox).toEqual(['sms']);
    expect(systemNotice({ channels: { email: { sandbox: true }, sms: { sandbox: false } } })?.sandbox).toEqual(['email']);
    expect(systemNotice({ channels: [{ channel: 'social', sandbox: true }] })?.sandbox).toEqual(['social']);
  });

  it('passes notices through', () => {
    expect(systemNotice({ notices: ['صيانة مجدولة الليلة', { message: 'Maintenance tonight' }, 3] })).toEqual({
      sandbox: null,
      notices: ['صيانة مجدولة الليلة', 'Maintenance tonight'],
    });
  });
});
