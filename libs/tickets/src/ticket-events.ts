import type { Ticket } from './ticket.entity.js';
import type { TicketStatus } from './ticket-vocabulary.js';

/** In-process domain events other modules react to (routing, SLA timers, surveys, outbound delivery). */
export const TicketEvents = {
  Created: 'ticket.created',
  StatusChanged: 'ticket.status_changed',
  Assigned: 'ticket.assigned',
  Updated: 'ticket.updated',
  Resolved: 'ticket.resolved',
  Reopened: 'ticket.reopened',
  MessageAdded: 'ticket.message_added',
  OutboundQueued: 'ticket.outbound_queued',
} as const;

export interface TicketCreatedEvent {
  ticketId: string;
  /** The ticket as its creating write left it (with its contact), and the text of the contact's first message: routing in the same process need not read them again. */
  ticket: Ticket;
  firstInboundText: string | null;
}

export interface TicketStatusChangedEvent {
  ticketId: string;
  from: TicketStatus;
  to: TicketStatus;
}

export interface MessageAddedEvent {
  ticketId: string;
  messageId: string;
  direction: 'inbound' | 'outbound' | 'note';
  /** Whether the ticket had its first response once the message was stored (absent: unknown, read the ticket). */
  firstResponded?: boolean;
}

export interface OutboundQueuedEvent {
  ticketId: string;
  messageId: string;
}
