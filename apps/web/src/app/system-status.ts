import type { SystemStatusView } from '../api/views';

/**
 * The console banner's content, from GET /api/v1/system/status:
 *   { channels: { sms: 'live' | 'sandbox', whatsapp: …, email: …, social: …, manual: … }, sandboxed: ['sms', …] }
 * A sandboxed channel records outgoing messages without sending them; the banner names those channels.
 */
export interface SystemNotice {
  /** The sandboxed channels, in the api's order; 'all' when every channel it lists is sandboxed. */
  sandbox: 'all' | string[];
}

export function systemNotice(status: SystemStatusView | null | undefined): SystemNotice | null {
  if (!status || !Array.isArray(status.sandboxed)) return null;
  const sandboxed = status.sandboxed.filter((c): c is string => typeof c === 'string' && c.trim() !== '');
  if (sandboxed.length === 0) return null;
  const channels = Object.keys(status.channels ?? {});
  const all = channels.length > 0 && channels.every((c) => sandboxed.includes(c));
  return { sandbox: all ? 'all' : sandboxed };
}
