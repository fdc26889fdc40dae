import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, CONTACT_KINDS } from '@app/contacts';
import {
  DELIVERY_STATUSES,
  MESSAGE_DIRECTIONS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type AttachmentView,
  type MessageView,
  type TicketView,
} from '@app/tickets';
import { ContactResponse } from '../contacts/contact-view.js';

// Response bodies, described for the OpenAPI document (and so for the web console's typed client).
// `implements` keeps each class in step with the view function that builds the body.

export class TicketRefResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

export class TicketContactRefResponse extends TicketRefResponse {
  @ApiProperty({ enum: CONTACT_KINDS })
  kind!: string;
}

export class TicketResponse implements TicketView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '1447-000123', description: 'human-readable, unique' })
  number!: string;

  @ApiProperty()
  subject!: string;

  @ApiProperty({ enum: TICKET_TYPES })
  type!: string;

  @ApiProperty({ enum: TICKET_STATUSES })
  status!: string;

  @ApiProperty({ enum: TICKET_PRIORITIES })
  priority!: string;

  @ApiProperty({ enum: CHANNELS })
  channel!: string;

  @ApiProperty({ type: TicketContactRefResponse, nullable: true })
  contact!: TicketContactRefResponse | null;

  @ApiProperty({ type: TicketRefResponse, nullable: true })
  assignee!: TicketRefResponse | null;

  @ApiProperty({ type: TicketRefResponse, nullable: true })
  team!: TicketRefResponse | null;

  @ApiProperty({ type: TicketRefResponse, nullable: true })
  category!: TicketRefResponse | null;

  @ApiProperty()
  escalationLevel!: number;

  @ApiProperty({ type: [String] })
  tags!: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ format: 'date-time' })
  lastActivityAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstResponseDueAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolutionDueAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstRespondedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: string | null;
}

export class TicketPageResponse {
  @ApiProperty({ type: [TicketResponse] })
  items!: TicketResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
}

export class TicketListResponse {
  @ApiProperty({ type: [TicketResponse] })
  items!: TicketResponse[];
}

export class AttachmentResponse implements AttachmentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  filename!: string;

  @ApiProperty({ example: 'application/pdf' })
  contentType!: string;

  @ApiProperty({ description: 'bytes' })
  size!: number;

  @ApiProperty({ example: '/api/v1/attachments/…', description: 'staff download link' })
  url!: string;
}

export class MessageAuthorResponse {
  @ApiProperty({ enum: ['contact', 'staff'] })
  type!: 'contact' | 'staff';

  @ApiProperty({ format: 'uuid' })
  id!: string;
}

export class MessageResponse implements MessageView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty({ enum: MESSAGE_DIRECTIONS })
  direction!: string;

  @ApiProperty({ enum: CHANNELS })
  channel!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ type: String, nullable: true })
  bodyHtml!: string | null;

  @ApiProperty({ type: MessageAuthorResponse, nullable: true, description: 'null: written by the system' })
  author!: MessageAuthorResponse | null;

  @ApiProperty({ type: String, enum: DELIVERY_STATUSES, nullable: true, description: 'null for notes' })
  deliveryStatus!: string | null;

  @ApiProperty({ type: String, nullable: true })
  deliveryError!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the provider’s id (Twilio SID, Message-ID, Meta mid)' })
  externalId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: [AttachmentResponse] })
  attachments!: AttachmentResponse[];
}

export class TicketDetailResponse extends TicketResponse {
  @ApiProperty({ type: ContactResponse })
  contactDetail!: ContactResponse;

  @ApiProperty({ type: [MessageResponse], description: 'oldest first' })
  messages!: MessageResponse[];

  @ApiProperty({ enum: TICKET_STATUSES, isArray: true, description: 'the statuses this ticket may move to now' })
  allowedStatuses!: string[];
}
