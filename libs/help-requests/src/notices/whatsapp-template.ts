import { whatsAppWindowOpen } from '@app/channels';

/**
 * WhatsApp allows free text only within 24 hours of the person's last message (REFERENCE §1.2).
 * Outside it a notice goes as the approved template named by the message template's
 * whatsappContentSid, with numbered variables.
 */
export function whatsappTemplateFor(
  channel: string,
  lastInboundAt: Date | null,
  now: Date,
  contentSid: string | null,
  variables: string[],
): { contentSid: string; variables: Record<string, string> } | null {
  if (channel !== 'whatsapp' || !contentSid) return null;
  if (whatsAppWindowOpen(lastInboundAt, now)) return null;
  return { contentSid, variables: Object.fromEntries(variables.map((v, i) => [String(i + 1), v])) };
}
