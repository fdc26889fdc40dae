import type { Attachment } from './attachment.entity.js';
import type { Message } from './message.entity.js';
import type { Ticket } from './ticket.entity.js';

export interface TicketView {
  id: string;
  number: string;
  subject: string;
  type: string;
  status: string;
  priority: string;
  channel: string;
  contact: { id: string; name: string; kind: string } | null;
  assignee: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
  category: { id: string; name: string } | null;
  escalationLevel: number;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
}

export interface AttachmentView {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  url: string;
}

export interface MessageView {
  id: string;
  ticketId: string;
  direction: string;
  channel: string;
  body: string;
  bodyHtml: string | null;
  author: { type: 'contact' | 'staff'; id: string } | null;
  deliveryStatus: string | null;
  deliveryError: string | null;
  externalId: string | null;
  createdAt: string;
  attachments: AttachmentView[];
}

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export function toTicketView(t: Ticket): TicketView {
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    type: t.type,
    status: t.status,
    priority: t.priority,
    channel: t.channel,
    contact: t.contact ? { id: t.contact.id, name: t.contact.name, kind: t.contact.kind } : null,
    assignee: t.assignee ? { id: t.assignee.id, name: t.assignee.name } : null,
    team: t.team ? { id: t.team.id, name: t.team.name } : null,
    category: t.category ? { id: t.category.id, name: t.category.name } : null,
    escalationLevel: t.escalationLevel,
    tags: t.tags,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    lastActivityAt: t.lastActivityAt.toISOString(),
    firstResponseDueAt: iso(t.firstResponseDueAt),
    resolutionDueAt: iso(t.resolutionDueAt),
    firstRespondedAt: iso(t.firstRespondedAt),
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
  };
}

export function toAttachmentView(a: Attachment): AttachmentView {
  return { id: a.id, filename: a.filename, contentType: a.contentType, size: a.size, url: `/api/v1/attachments/${a.id}` };
}

export function toMessageView(m: Message): MessageView {
  return {
    id: m.id,
    ticketId: m.ticketId,
    direction: m.direction,
    channel: m.channel,
    body: m.body,
    bodyHtml: m.bodyHtml,
    author: m.authorUserId ? { type: 'staff', id: m.authorUserId } : m.authorContactId ? { type: 'contact', id: m.authorContactId } : null,
    deliveryStatus: m.deliveryStatus,
    deliveryError: m.deliveryError,
    externalId: m.externalId,
    createdAt: m.createdAt.toISOString(),
    attachments: (m.attachments ?? []).map(toAttachmentView),
  };
}
