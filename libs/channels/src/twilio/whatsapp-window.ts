import type { DataSource, EntityManager } from 'typeorm';

/** WhatsApp's customer-care window: free-form text only within 24 hours of the person's last message (REFERENCE §1.2). */
export const WHATSAPP_WINDOW_MS = 24 * 3600_000;

/** When the contact last wrote to us on WhatsApp, on any of their tickets; null if never. */
export async function lastWhatsAppInboundAt(db: DataSource | EntityManager, contactId: string): Promise<Date | null> {
  const [row]: { last: Date | string | null }[] = await db.query(
    `SELECT max(m.created_at) AS last FROM messages m JOIN tickets t ON t.id = m.ticket_id
      WHERE t.contact_id = $1 AND m.channel = 'whatsapp' AND m.direction = 'inbound'`,
    [contactId],
  );
  return row?.last ? new Date(row.last) : null;
}

/** Whether free-form text may still be sent, `marginMs` before the window closes (a message queued now is sent a little later). */
export function whatsAppWindowOpen(lastInboundAt: Date | null, now: Date, marginMs = 0): boolean {
  return !!lastInboundAt && now.getTime() - lastInboundAt.getTime() < WHATSAPP_WINDOW_MS - marginMs;
}
