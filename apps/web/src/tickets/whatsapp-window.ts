import { WHATSAPP_WINDOW_MS } from '../../../../libs/channels/src/twilio/whatsapp-window';

/**
 * WhatsApp's customer-care window: a free-form reply may be sent only within 24 hours of the
 * contact's last WhatsApp message. Outside it, an approved template (or another channel, SMS) is
 * needed. The server enforces it too (Twilio refuses with 63016); this tells the officer first.
 */
export { WHATSAPP_WINDOW_MS };
/** Under this, the window is shown as closing soon. */
export const WHATSAPP_CLOSING_SOON_MS = 3600_000;

export interface WindowMessage {
  direction: string;
  channel: string;
  createdAt: string;
}

export type WhatsAppWindowState = 'open' | 'closing' | 'closed' | 'never';

export interface WhatsAppWindow {
  state: WhatsAppWindowState;
  /** The last inbound WhatsApp message, when there is one. */
  lastInboundAt: string | null;
  closesAt: string | null;
  remainingMs: number;
}

export function whatsappWindow(messages: readonly WindowMessage[], now: number): WhatsAppWindow {
  let last: number | null = null;
  for (const m of messages) {
    if (m.direction !== 'inbound' || m.channel !== 'whatsapp') continue;
    const t = Date.parse(m.createdAt);
    if (!Number.isNaN(t) && (last === null || t > last)) last = t;
  }
  if (last === null) return { state: 'never', lastInboundAt: null, closesAt: null, remainingMs: 0 };
  const closes = last + WHATSAPP_WINDOW_MS;
  const remainingMs = Math.max(0, closes - now);
  const state: WhatsAppWindowState = remainingMs === 0 ? 'closed' : remainingMs <= WHATSAPP_CLOSING_SOON_MS ? 'closing' : 'open';
  return { state, lastInboundAt: new Date(last).toISOString(), closesAt: new Date(closes).toISOString(), remainingMs };
}

/** Whether a free-form WhatsApp reply can be sent now. */
export function canReplyFreely(window: WhatsAppWindow): boolean {
  return window.state === 'open' || window.state === 'closing';
}

/** `{{1}}`, `{{2}}` … in an approved template body: the variables the officer fills in. */
export function templateVariables(body: string): string[] {
  const keys = new Set<string>();
  for (const match of body.matchAll(/\{\{\s*(\d+)\s*\}\}/g)) keys.add(match[1]!);
  return [...keys].sort((a, b) => Number(a) - Number(b));
}

/** The template body with the officer's values, for the preview. */
export function fillTemplate(body: string, values: Record<string, string>): string {
  return body.replace(/\{\{\s*(\d+)\s*\}\}/g, (whole, key: string) => values[key] || whole);
}
