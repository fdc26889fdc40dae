import { randomUUID } from 'node:crypto';
import type { DeliveryResult } from './channel-adapter.js';

/** What a channel without credentials reports: recorded as sent, visibly sandboxed, nothing left the machine. */
export function sandboxDelivery(): DeliveryResult {
  return { externalId: `sandbox-${randomUUID()}`, status: 'sent', sandbox: true };
}
