import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('uses the contract defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/helpdesk',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PUBLIC_BASE_URL: 'http://localhost:3000',
      SMTP_INBOUND_PORT: 2525,
      SUPPORT_EMAIL: 'support@example.org',
      META_GRAPH_BASE_URL: 'https://graph.facebook.com',
      ADMIN_EMAIL: 'admin@example.org',
      SURVEY_DELAY_SECONDS: 3600,
      SLA_TIMER_HORIZON_MINUTES: 1440,
      SLA_TIMER_CONCURRENCY: 32,
      DEMO_DATA: false,
    });
    expect(c.SMTP_URL).toBeUndefined();
    expect(c.TWILIO_AUTH_TOKEN).toBeUndefined();
  });

  it('reads typed values from the environment', () => {
    const c = loadConfig({
      PORT: '8080',
      DEMO_DATA: 'true',
      SURVEY_DELAY_SECONDS: '5',
      SMTP_URL: 'smtp://127.0.0.1:1025',
    });
    expect(c).toMatchObject({
      PORT: 8080,
      DEMO_DATA: true,
      SURVEY_DELAY_SECONDS: 5,
      SMTP_URL: 'smtp://127.0.0.1:1025',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ SUPPORT_EMAIL: 'support' }, 'SUPPORT_EMAIL'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA'],
    [{ TWILIO_SMS_FROM: '0501234567' }, 'TWILIO_SMS_FROM'],
    [{ PUBLIC_BASE_URL: 'example.org' }, 'PUBLIC_BASE_URL'],
    [{ SLA_TIMER_HORIZON_MINUTES: '5' }, 'SLA_TIMER_HORIZON_MINUTES'],
  ])('stops with one line naming the wrong setting: %j', (env, name) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.startsWith(`Invalid setting ${name}:`)).toBe(true);
    expect(message).not.toContain('\n');
  });

  it('requires AUTH_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) }).isProduction).toBe(true);
  });
});
