import { type Channel, contactFromRow, type ContactRow } from '@app/contacts';
import { type Availability, type Language, type StaffRole, Team, User } from '@app/users';
import { Attachment } from './attachment.entity.js';
import { Category } from './category.entity.js';
import { Message } from './message.entity.js';
import type { DeliveryStatus, MessageDirection, TicketPriority, TicketStatus, TicketType } from './ticket-vocabulary.js';
import { Ticket } from './ticket.entity.js';

/*
 * Rows of the ticket tables as plain SQL returns them, for the reads every inbound message makes (TypeORM's
 * query building and hydration cost more CPU than the query). A row of the query itself has Dates and a
 * `numeric` as a string; a row inside `to_jsonb(…)` has ISO strings and a number: both are accepted.
 */

type Timestamp = Date | string;

export interface TicketRow {
  id: string;
  number: string;
  subject: string;
  type: TicketType;
  status: TicketStatus;
  priority: TicketPriority;
  channel: Channel;
  contact_id: string;
  category_id: string | null;
  team_id: string | null;
  assignee_id: string | null;
  escalation_level: number;
  tags: string[];
  first_response_due_at: Timestamp | null;
  resolution_due_at: Timestamp | null;
  first_responded_at: Timestamp | null;
  sla_policy_id: string | null;
  sla_paused_at: Timestamp | null;
  sla_paused_minutes: string | number;
  last_escalated_at: Timestamp | null;
  routed_at: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  created_by_id: string | null;
  subject_search: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_activity_at: Timestamp;
}

/** A ticket with what the console shows of it (see SHOWN_TICKET_SQL). */
export interface ShownTicketRow extends TicketRow {
  contact: ContactRow | null;
  assignee: UserRow | null;
  team: TeamRow | null;
  category: CategoryRow | null;
}

export interface MessageRow {
  id: string;
  ticket_id: string;
  direction: MessageDirection;
  channel: Channel;
  author_contact_id: string | null;
  author_user_id: string | null;
  body: string;
  body_html: string | null;
  delivery_status: DeliveryStatus | null;
  delivery_error: string | null;
  external_id: string | null;
  meta: Record<string, unknown>;
  search_text: string;
  created_at: Timestamp;
}

export interface AttachmentRow {
  id: string;
  ticket_id: string;
  message_id: string | null;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by_id: string | null;
  created_at: Timestamp;
}

interface UserRow {
  id: string;
  name: string;
  email: string;
  password_hash: string;
  role: StaffRole;
  active: boolean;
  preferred_language: Language;
  availability: Availability;
  created_at: Timestamp;
  updated_at: Timestamp;
}

interface TeamRow {
  id: string;
  name: string;
  name_en: string | null;
  assignment_mode: Team['assignmentMode'];
  max_open_per_officer: number;
  last_assigned_user_id: string | null;
  calendar_id: string | null;
  created_at: Timestamp;
}

interface CategoryRow {
  id: string;
  name: string;
  name_en: string | null;
  team_id: string | null;
  competent_officer_id: string | null;
  requires_skill: boolean;
  active: boolean;
  created_at: Timestamp;
}

/**
 * A ticket with its contact, assignee, team and category (null when it has none), in one query; callers add
 * the WHERE (columns of `t`) and what follows it.
 */
export const SHOWN_TICKET_SQL = `SELECT t.*, to_jsonb(c) AS contact, to_jsonb(u) AS assignee, to_jsonb(tm) AS team, to_jsonb(g) AS category
  FROM tickets t
  LEFT JOIN contacts c ON c.id = t.contact_id
  LEFT JOIN users u ON u.id = t.assignee_id
  LEFT JOIN teams tm ON tm.id = t.team_id
  LEFT JOIN categories g ON g.id = t.category_id`;

export function shownTicketFromRow(row: ShownTicketRow): Ticket {
  return Object.assign(ticketFromRow(row), {
    contact: row.contact && contactFromRow(row.contact),
    assignee: row.assignee && userFromRow(row.assignee),
    team: row.team && teamFromRow(row.team),
    category: row.category && categoryFromRow(row.category),
  });
}

export function ticketFromRow(row: TicketRow): Ticket {
  return Object.assign(new Ticket(), {
    id: row.id,
    number: row.number,
    subject: row.subject,
    type: row.type,
    status: row.status,
    priority: row.priority,
    channel: row.channel,
    contactId: row.contact_id,
    categoryId: row.category_id,
    teamId: row.team_id,
    assigneeId: row.assignee_id,
    escalationLevel: row.escalation_level,
    tags: row.tags,
    firstResponseDueAt: dateOrNull(row.first_response_due_at),
    resolutionDueAt: dateOrNull(row.resolution_due_at),
    firstRespondedAt: dateOrNull(row.first_responded_at),
    slaPolicyId: row.sla_policy_id,
    slaPausedAt: dateOrNull(row.sla_paused_at),
    slaPausedMinutes: Number(row.sla_paused_minutes),
    lastEscalatedAt: dateOrNull(row.last_escalated_at),
    routedAt: dateOrNull(row.routed_at),
    resolvedAt: dateOrNull(row.resolved_at),
    closedAt: dateOrNull(row.closed_at),
    createdById: row.created_by_id,
    subjectSearch: row.subject_search,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    lastActivityAt: new Date(row.last_activity_at),
  });
}

export function messageFromRow(row: MessageRow): Message {
  return Object.assign(new Message(), {
    id: row.id,
    ticketId: row.ticket_id,
    direction: row.direction,
    channel: row.channel,
    authorContactId: row.author_contact_id,
    authorUserId: row.author_user_id,
    body: row.body,
    bodyHtml: row.body_html,
    deliveryStatus: row.delivery_status,
    deliveryError: row.delivery_error,
    externalId: row.external_id,
    meta: row.meta,
    searchText: row.search_text,
    createdAt: new Date(row.created_at),
  });
}

export function attachmentFromRow(row: AttachmentRow): Attachment {
  return Object.assign(new Attachment(), {
    id: row.id,
    ticketId: row.ticket_id,
    messageId: row.message_id,
    filename: row.filename,
    contentType: row.content_type,
    size: row.size,
    sha256: row.sha256,
    uploadedById: row.uploaded_by_id,
    createdAt: new Date(row.created_at),
  });
}

function userFromRow(row: UserRow): User {
  return Object.assign(new User(), {
    id: row.id,
    name: row.name,
    email: row.email,
    passwordHash: row.password_hash,
    role: row.role,
    active: row.active,
    preferredLanguage: row.preferred_language,
    availability: row.availability,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  });
}

function teamFromRow(row: TeamRow): Team {
  return Object.assign(new Team(), {
    id: row.id,
    name: row.name,
    nameEn: row.name_en,
    assignmentMode: row.assignment_mode,
    maxOpenPerOfficer: row.max_open_per_officer,
    lastAssignedUserId: row.last_assigned_user_id,
    calendarId: row.calendar_id,
    createdAt: new Date(row.created_at),
  });
}

function categoryFromRow(row: CategoryRow): Category {
  return Object.assign(new Category(), {
    id: row.id,
    name: row.name,
    nameEn: row.name_en,
    teamId: row.team_id,
    competentOfficerId: row.competent_officer_id,
    requiresSkill: row.requires_skill,
    active: row.active,
    createdAt: new Date(row.created_at),
  });
}

function dateOrNull(value: Timestamp | null): Date | null {
  return value === null ? null : new Date(value);
}
