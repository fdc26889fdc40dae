import twilio from 'twilio';
import type { TwilioParams } from './twilio-params.js';

/**
 * The URL Twilio signed: the public base URL we gave Twilio plus the path and query the request
 * arrived with. Never built from the Host header, which a proxy (or an attacker) decides.
 */
export function signedUrl(publicBaseUrl: string, originalUrl: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}${originalUrl.startsWith('/') ? originalUrl : `/${originalUrl}`}`;
}

/**
 * X-Twilio-Signature check for a form-encoded webhook (REFERENCE §1.5), through the SDK's
 * validateRequest: HMAC-SHA1 over the URL and every posted field (sorted), compared in constant
 * time, with and without the default port. All received fields are signed; none may be dropped first.
 */
export function isValidTwilioSignature(authToken: string, signature: string | undefined, url: string, params: TwilioParams): boolean {
  if (!signature) return false;
  return twilio.validateRequest(authToken, signature, url, params as Record<string, string>);
}
