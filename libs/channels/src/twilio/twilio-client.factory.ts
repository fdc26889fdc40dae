import twilio from 'twilio';
import type { AppConfig } from '@app/common';

type TwilioClient = ReturnType<typeof twilio>;

/**
 * The twilio SDK client for the configured account, or null in sandbox. With TWILIO_API_BASE_URL
 * the SDK's own request client is wrapped so every REST call keeps its path but goes to that base
 * URL (staging, tests) — the documented pluggable-httpClient route, not a patched object.
 */
export function createTwilioClient(config: AppConfig): TwilioClient | null {
  if (!config.TWILIO_ACCOUNT_SID || !config.TWILIO_AUTH_TOKEN) return null;
  const base = config.TWILIO_API_BASE_URL?.replace(/\/$/, '');
  if (!base) return twilio(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, { autoRetry: true, maxRetries: 3 });
  const inner = new twilio.RequestClient({ timeout: 15_000 });
  const httpClient = Object.create(inner) as typeof inner;
  httpClient.request = (opts) => inner.request({ ...opts, uri: opts.uri.replace(/^https:\/\/[a-z0-9.-]+\.twilio\.com/i, base) });
  return twilio(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, { httpClient });
}

export type { TwilioClient };
