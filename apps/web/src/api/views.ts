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
