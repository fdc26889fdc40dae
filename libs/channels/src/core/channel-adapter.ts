import type { Channel, IdentityKind } from '@app/contacts';
import type { DeliveryStatus } from '@app/tickets';

/** A file that came with an inbound message: inline bytes, or a URL the worker fetches. */
export interface InboundAttachment {
  filename: string;
  contentType: string;
  /** base64 content (e-mail parts). */
  contentBase64?: string;
  /** fetched by the worker (Twilio MediaUrlN, Meta attachment URLs). */
  url?: string;
}

/** Facts used to put a message on the ticket it belongs to. */
export interface ThreadHints {
  /** E-mail Message-ID of this message. */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  /** A ticket number written in the subject, e.g. [#1448-000123]. */
  subjectTicketNumber?: string;
}

/**
 * Every channel turns what arrived into this one shape (DESIGN.md). It is stored as the
 * payload of an inbound event before the sender is answered.
 */
export interface InboundContact {
  channel: Channel;
  /** The provider's id of this message (MessageSid, Message-ID, mid, CallSid); unique per channel. */
  externalId: string;
  from: { kind: IdentityKind; address: string; name?: string };
  to?: string;
  subject?: string;
  text: string;
  html?: string;
  attachments: InboundAttachment[];
  threadHints: ThreadHints;
  receivedAt: string;
  /** Auto-replies, bounces and mailing lists: stored, never a ticket, never answered. */
  automated?: { reason: string };
  /** Channel facts kept on the message (WhatsApp profile name, call duration, recording URL). */
  meta?: Record<string, unknown>;
}

/** What an adapter is asked to deliver. */
export interface OutboundMessage {
  messageId: string;
  ticketId: string;
  ticketNumber: string;
  to: string;
  subject?: string;
  text: string;
  /** Files to send, read from the attachment store. */
  attachments: { filename: string; contentType: string; sha256: string; url: string }[];
  /** E-mail threading: our Message-ID for this message and the ids it answers. */
  email?: { messageId: string; inReplyTo?: string; references?: string[] };
  /** A pre-approved WhatsApp template (outside the 24-hour window). */
  template?: { contentSid: string; variables: Record<string, string> };
  /** Where the provider reports delivery status (Twilio StatusCallback). */
  statusCallbackUrl?: string;
  /** Sent by the system, not a person (acknowledgements): e-mail marks it `Auto-Submitted: auto-replied`. */
  automatic?: boolean;
}

export interface DeliveryResult {
  externalId: string | null;
  status: DeliveryStatus;
  /** True when nothing left the machine because the channel has no credentials. */
  sandbox: boolean;
  /** Facts to keep on the message (e.g. our e-mail Message-ID). */
  meta?: Record<string, unknown>;
}

/**
 * A vendor error, classified once so retry policy is written once: temporary errors are
 * retried with backoff, permanent ones mark the message failed with the provider's reason.
 */
export class ChannelDeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly providerCode?: string | number,
  ) {
    super(message);
    this.name = 'ChannelDeliveryError';
  }
}

/** The outbound face of a channel. Adapters are stateless: credentials come from config per instance. */
export interface ChannelSender {
  /** The delivery channel this sender uses (sms, whatsapp, email, social, manual). */
  readonly via: DeliveryChannel;
  /** False when credentials are missing: sends are recorded, nothing leaves the machine. */
  isLive(): boolean;
  send(message: OutboundMessage): Promise<DeliveryResult>;
}

export const DELIVERY_CHANNELS = ['sms', 'whatsapp', 'email', 'social', 'manual'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
