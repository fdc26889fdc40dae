import { type ComponentType, lazy, type LazyExoticComponent } from 'react';
import type { StaffRole } from '../api/views';
import type { ar } from '../i18n/ar';

/** A key under `nav` in the messages (ar.ts / en.ts). */
export type NavKey = Exclude<keyof typeof ar.nav, 'label'>;

/**
 * Every screen of the console, in navigation order. Adding a screen is one entry here: it gets
 * its route (`/<path>/*`), its side-navigation link (for the roles that may see it) and its own
 * code-split chunk. A screen without `nav` has a route but no link (e.g. `/tickets/:id`, opened
 * from the queue); the screen reads the rest of the path with `useParams()['*']`.
 */
export interface Screen {
  path: string;
  /** Its label: `nav.<key>` in the messages; no link in the navigation when omitted. */
  nav?: NavKey;
  /** Roles that see this screen; every staff member when omitted. */
  roles?: readonly StaffRole[];
  Component: LazyExoticComponent<ComponentType>;
}

export const SCREENS: readonly Screen[] = [
  {
    path: 'queue',
    nav: 'queue',
    Component: lazy(() => import('../pages/queue/QueuePage').then((m) => ({ default: m.QueuePage }))),
  },
  {
    path: 'tickets',
    Component: lazy(() => import('../pages/ticket/TicketPage').then((m) => ({ default: m.TicketPage }))),
  },
  {
    path: 'dashboard',
    nav: 'dashboard',
    roles: ['supervisor', 'admin'],
    Component: lazy(() => import('../pages/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage }))),
  },
  {
    path: 'help-requests',
    nav: 'helpRequests',
    // Intake is the officers' work (the api refuses it to the committee, who decide on the board).
    roles: ['officer', 'supervisor', 'admin'],
    Component: lazy(() => import('../pages/help-requests/HelpRequestsPage').then((m) => ({ default: m.HelpRequestsPage }))),
  },
  {
    path: 'committee',
    nav: 'committee',
    roles: ['committee', 'supervisor', 'admin'],
    Component: lazy(() => import('../pages/committee/CommitteePage').then((m) => ({ default: m.CommitteePage }))),
  },
  {
    path: 'users',
    nav: 'users',
    roles: ['admin'],
    Component: lazy(() => import('../pages/users/UsersPage').then((m) => ({ default: m.UsersPage }))),
  },
  {
    path: 'audit',
    nav: 'audit',
    roles: ['admin'],
    Component: lazy(() => import('../pages/audit/AuditPage').then((m) => ({ default: m.AuditPage }))),
  },
  {
    path: 'settings',
    nav: 'settings',
    // Supervisors see the settings read-only; only admins change them (the api enforces both).
    roles: ['supervisor', 'admin'],
    Component: lazy(() => import('../pages/admin/SettingsPage').then((m) => ({ default: m.SettingsPage }))),
  },
];

export function canSee(screen: Screen, role: StaffRole): boolean {
  return !screen.roles || screen.roles.includes(role);
}
