import twilio from 'twilio';
import type { AppConfig } from '@app/common';

type TwilioClient = ReturnType<typeof twilio>;

/** REST calls give up after this long; the outbound queue retries with backoff. */
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * The twilio SDK client for the configured account, or null in sandbox. One request client in
 * every case: 429 answers are retried inside the SDK (exponential, full jitter, at most 3 times,
 * REFERENCE §1.6) before the outbound queue's own backoff takes over. With TWILIO_API_BASE_URL the
 * request client is wrapped so every REST call keeps its path and Basic auth but goes to that base
 * URL (staging, tests) — the documented pluggable-httpClient route, not a patched object.
 */
export function createTwilioClient(config: AppConfig): TwilioClient | null {
  if (!config.TWILIO_ACCOUNT_SID || !config.TWILIO_AUTH_TOKEN) return null;
  const inner = new twilio.RequestClient({ timeout: REQUEST_TIMEOUT_MS, autoRetry: true, maxRetries: 3 });
  const base = twilioApiBaseUrl(config);
  if (base === TWILIO_API) return twilio(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, { httpClient: inner });
  const httpClient = Object.create(inner) as typeof inner;
  httpClient.request = (opts) => inner.request({ ...opts, uri: rewriteTwilioUrl(opts.uri, base) });
  return twilio(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, { httpClient });
}

const TWILIO_API = 'https://api.twilio.com';

/** Where Twilio's REST API (and the media and recordings under it) is reached. */
export function twilioApiBaseUrl(config: Pick<AppConfig, 'TWILIO_API_BASE_URL'>): string {
  return config.TWILIO_API_BASE_URL?.replace(/\/+$/, '') || TWILIO_API;
}

/** `https://<anything>.twilio.com/path?query` → `<base>/path?query`; other URLs are left alone. */
export function rewriteTwilioUrl(uri: string, base: string): string {
  return uri.replace(/^https:\/\/[a-z0-9.-]+\.twilio\.com(:443)?(?=\/|$)/i, base);
}

export type { TwilioClient };
