/**
 * The console banner's content, from GET /api/v1/system/status. That endpoint is not in the
 * api yet and its shape is not fixed, so this accepts the likely shapes and ignores the rest:
 *   { sandbox: true }                         every outbound channel is in sandbox
 *   { sandbox: { sms: true, email: false } }  per channel
 *   { sandbox: ['sms'] } / { sandboxChannels: ['sms'] }
 *   { channels: { sms: { sandbox: true } } } / { channels: [{ channel: 'sms', sandbox: true }] }
 *   { notices: ['text' | { message: 'text' }] }
 */
export interface SystemNotice {
  /** 'all' when every outbound channel is in sandbox; channel names otherwise; null when none is. */
  sandbox: 'all' | string[] | null;
  notices: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

function sandboxOf(status: Record<string, unknown>): 'all' | string[] | null {
  const channels = new Set<string>(stringList(status.sandboxChannels));
  const sandbox = status.sandbox;
  if (sandbox === true) return 'all';
  for (const name of stringList(sandbox)) channels.add(name);
  if (isRecord(sandbox)) for (const [name, on] of Object.entries(sandbox)) if (on === true) channels.add(name);
  const perChannel = status.channels;
  if (isRecord(perChannel)) {
    for (const [name, info] of Object.entries(perChannel)) if (isRecord(info) && info.sandbox === true) channels.add(name);
  } else if (Array.isArray(perChannel)) {
    for (const info of perChannel) if (isRecord(info) && info.sandbox === true && typeof info.channel === 'string') channels.add(info.channel);
  }
  return channels.size > 0 ? [...channels] : null;
}

export function systemNotice(status: unknown): SystemNotice | null {
  if (!isRecord(status)) return null;
  const notices = Array.isArray(status.notices)
    ? status.notices
        .flatMap((n) => (typeof n === 'string' ? [n] : isRecord(n) && typeof n.message === 'string' ? [n.message] : []))
        .filter((n) => n.trim())
    : [];
  const sandbox = sandboxOf(status);
  return sandbox || notices.length > 0 ? { sandbox, notices } : null;
}
