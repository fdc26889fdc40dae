import type { components } from './schema';

/**
 * What the api answers. The api does not describe its response bodies in OpenAPI yet, so these
 * are written by hand from its views (libs/users UserView, libs/auth IssuedToken, libs/audit
 * AuditEntry, TeamView). console-paths.ts puts them into the generated `paths` only where the document
 * has no response body, so once the api documents one, the generated type takes over.
 */
export type StaffRole = components['schemas']['CreateUserDto']['role'];
export type Language = NonNullable<components['schemas']['CreateUserDto']['preferredLanguage']>;

export const STAFF_ROLES: readonly StaffRole[] = ['officer', 'supervisor', 'committee', 'admin'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** GET /api/v1/users/me: the signed-in staff member with their availability and teams. */
export type MeView = components['schemas']['MeResponse'];

export interface SessionUser {
  id: string;
  name: string;
  email?: string;
  role: StaffRole;
  preferredLanguage: Language;
}

export interface IssuedToken {
  accessToken: string;
  expiresAt: string;
  user: SessionUser & { email: string };
}

export interface UserView {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  active: boolean;
  preferredLanguage: Language;
  teamIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface AuditEntryView {
  id: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  createdAt: string;
}

export interface TeamView {
  id: string;
  name: string;
  nameEn: string | null;
  members?: { id: string; name: string; role: string }[];
}

// ---- tickets (libs/tickets/src/ticket-views.ts, apps/api/src/tickets/tickets.controller.ts) ----------

export type TicketStatus = NonNullable<components['schemas']['ChangeStatusDto']['status']>;
export type TicketPriority = NonNullable<components['schemas']['UpdateTicketDto']['priority']>;
export type TicketType = NonNullable<components['schemas']['UpdateTicketDto']['type']>;
export type Availability = components['schemas']['AvailabilityDto']['availability'];

export const TICKET_STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending', 'with_committee', 'resolved', 'closed'];
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
export const TICKET_TYPES: readonly TicketType[] = ['inquiry', 'help_request', 'complaint', 'suggestion', 'other'];
export const CHANNELS = ['sms', 'whatsapp', 'email', 'social', 'phone', 'letter', 'visit', 'web', 'help_request'] as const;
export type Channel = (typeof CHANNELS)[number];
export const AVAILABILITIES: readonly Availability[] = ['available', 'away', 'offline'];

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

export type MessageDirection = 'inbound' | 'outbound' | 'note';

export interface MessageView {
  id: string;
  ticketId: string;
  direction: MessageDirection | string;
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

/** apps/api/src/contacts/contact-view.ts */
export interface ContactView {
  id: string;
  name: string;
  kind: string;
  membershipNumber: string | null;
  preferredLanguage: string;
  preferredChannel: string | null;
  consentToContact: boolean;
  surveyOptOut: boolean;
  notes: string | null;
  /** Masked (1••••••••8); the full number only through the audited reveal call. */
  nationalId: string | null;
  identities: { kind: string; address: string }[];
  mergedIntoId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContactWithTickets extends ContactView {
  tickets: TicketView[];
}

export interface TicketDetailView extends TicketView {
  contactDetail: ContactView;
  messages: MessageView[];
  allowedStatuses: string[];
}

/** libs/channels MessageTemplate (GET /api/v1/templates). */
export interface MessageTemplateView {
  id: string;
  key: string;
  language: 'ar' | 'en';
  channel: string;
  subject: string | null;
  body: string;
  whatsappContentSid: string | null;
}

/** libs/tickets Category (GET /api/v1/categories). */
export interface CategoryView {
  id: string;
  name: string;
  nameEn: string | null;
  teamId: string | null;
  competentOfficerId: string | null;
  active: boolean;
}

/** libs/workflow TeamLoad (GET /api/v1/teams/:id/load). */
export interface TeamLoad {
  teamId: string;
  officers: { id: string; name: string; role: string; availability: string; active: boolean; openTickets: number; breachingTickets: number }[];
  unassigned: number;
  breaching: {
    id: string;
    number: string;
    subject: string;
    assigneeId: string | null;
    firstResponseDueAt: string | null;
    resolutionDueAt: string | null;
    escalationLevel: number;
  }[];
}

/** libs/notifications Notification. */
export interface NotificationView {
  id: string;
  userId: string;
  kind: string;
  ticketId: string | null;
  title: string;
  body: string;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPage extends Page<NotificationView> {
  unreadCount: number;
}

/** GET /api/v1/system/status */
export interface SystemStatusView {
  channels: Record<string, 'live' | 'sandbox'>;
  sandboxed: string[];
}

/** UserView with the workflow fields (PATCH /api/v1/users/me/availability answers it). */
export interface UserWithAvailability extends UserView {
  availability: Availability;
  skillCategoryIds?: string[];
}
