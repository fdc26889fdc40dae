import type { components } from './schema';

/**
 * Names the console uses for what the api answers. Every response body is described by the api's
 * OpenAPI document, so these are aliases of the generated schemas (schema.d.ts); only Page<T> and
 * the vocabulary lists below are the console's own.
 */
type Schemas = components['schemas'];

export type StaffRole = Schemas['UserResponse']['role'];
export type Language = Schemas['UserResponse']['preferredLanguage'];

export const STAFF_ROLES: readonly StaffRole[] = ['officer', 'supervisor', 'committee', 'admin'];

/** A page of a keyset-paginated list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** GET /api/v1/users/me: the signed-in staff member with their availability and teams. */
export type MeView = Schemas['MeResponse'];

/** The signed-in staff member as the session knows them (GET /api/v1/auth/me; sign-in adds the e-mail). */
export type SessionUser = Schemas['SessionStaffResponse'] & { email?: string };
export type IssuedToken = Schemas['IssuedTokenResponse'];

/** A staff account with its availability, teams and skills. */
export type UserView = Schemas['UserResponse'];

export type AuditEntryView = Schemas['AuditEntryResponse'];
export type TeamView = Schemas['TeamResponse'];

// ---- tickets ----------------------------------------------------------------------------

export type TicketView = Schemas['TicketResponse'];
export type TicketStatus = TicketView['status'];
export type TicketPriority = TicketView['priority'];
export type TicketType = TicketView['type'];
export type Channel = TicketView['channel'];
export type Availability = UserView['availability'];

export const TICKET_STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending', 'with_committee', 'resolved', 'closed'];
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
export const TICKET_TYPES: readonly TicketType[] = ['inquiry', 'help_request', 'complaint', 'suggestion', 'other'];
export const CHANNELS = [
  'sms',
  'whatsapp',
  'email',
  'social',
  'phone',
  'letter',
  'visit',
  'web',
  'help_request',
] as const satisfies readonly Channel[];
export const AVAILABILITIES: readonly Availability[] = ['available', 'away', 'offline'];

export type AttachmentView = Schemas['AttachmentResponse'];
export type MessageView = Schemas['MessageResponse'];

/** Its national ID is masked (1••••••••8); the full number only through the audited reveal call. */
export type ContactView = Schemas['ContactResponse'];
export type TicketDetailView = Schemas['TicketDetailResponse'];

export type MessageTemplateView = Schemas['MessageTemplateResponse'];
export type TeamLoad = Schemas['TeamLoadResponse'];

export type NotificationView = Schemas['NotificationResponse'];
export type NotificationPage = Schemas['NotificationPageResponse'];

export type SystemStatusView = Schemas['SystemStatusResponse'];
