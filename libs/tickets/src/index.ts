export { TicketsModule } from './tickets.module.js';
export {
  TicketsService,
  canSee,
  type Viewer,
  type NewMessage,
  type OpenTicketInput,
  type TicketChanges,
  type SystemTicketChanges,
  type TicketWrite,
} from './tickets.service.js';
export type { TicketListQuery, TicketSort } from './ticket-queue.query.js';
export { TicketIntakeService, type ContactDetails } from './ticket-intake.service.js';
export { CategoriesService, type CategoryInput } from './categories.service.js';
export { AttachmentStore, sanitizeFilename, ALLOWED_ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, type StoredFile } from './attachment-store.service.js';
export { sanitizeMessageHtml } from './html-sanitizer.js';
export { parseTicketNumber, formatTicketNumber } from './ticket-number.service.js';
export { checkTransition, allowedNextStatuses, type TransitionCause } from './ticket-transitions.js';
export { toTicketView, toMessageView, toAttachmentView, type TicketView, type MessageView, type AttachmentView } from './ticket-views.js';
export {
  TicketEvents,
  type TicketCreatedEvent,
  type TicketStatusChangedEvent,
  type MessageAddedEvent,
  type OutboundQueuedEvent,
} from './ticket-events.js';
export * from './ticket-vocabulary.js';
export { Ticket } from './ticket.entity.js';
export { Message } from './message.entity.js';
export { Attachment } from './attachment.entity.js';
export { Category } from './category.entity.js';

import { Attachment } from './attachment.entity.js';
import { Category } from './category.entity.js';
import { Message } from './message.entity.js';
import { TicketNumberCounter } from './ticket-number-counter.entity.js';
import { Ticket } from './ticket.entity.js';
export const TICKETS_ENTITIES = [Ticket, Message, Attachment, Category, TicketNumberCounter];
export { canAdvance, toDeliveryStatus } from './delivery-status.js';
export { AttachmentLinkSigner } from './attachment-links.js';
