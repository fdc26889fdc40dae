import type { DeliveryStatus } from './ticket-vocabulary.js';

/**
 * Providers report statuses out of order (REFERENCE §1.3). Each has a rank and a message only
 * ever moves to a higher one, so a late "sent" never overwrites "delivered". Failures rank above
 * "sent" (a message that failed was never delivered) but below "delivered" and "read".
 */
const RANK: Record<DeliveryStatus, number> = {
  received: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  undelivered: 4,
  failed: 4,
  delivered: 5,
  read: 6,
};

export function canAdvance(from: DeliveryStatus | null, to: DeliveryStatus): boolean {
  if (from === null) return true;
  return RANK[to] > RANK[from];
}

/** Maps a provider's status word to ours, or null when it is not a delivery status we track. */
export function toDeliveryStatus(providerStatus: string): DeliveryStatus | null {
  const s = providerStatus.trim().toLowerCase();
  switch (s) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
      return 'queued';
    case 'sending':
      return 'sending';
    case 'sent':
      return 'sent';
    case 'delivered':
      return 'delivered';
    case 'read':
      return 'read';
    case 'undelivered':
      return 'undelivered';
    case 'failed':
    case 'canceled':
      return 'failed';
    default:
      return null;
  }
}
