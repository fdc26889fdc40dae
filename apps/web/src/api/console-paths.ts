import type { paths } from './schema';
import type {
  AttachmentView,
  AuditEntryView,
  CategoryView,
  ContactWithTickets,
  IssuedToken,
  MessageTemplateView,
  MessageView,
  NotificationPage,
  Page,
  SessionUser,
  SystemStatusView,
  TeamLoad,
  TeamView,
  TicketDetailView,
  TicketView,
  UserView,
  UserWithAvailability,
} from './views';

/**
 * The `paths` type the console's client uses: the generated one (schema.d.ts), with hand-written
 * success bodies where the OpenAPI document has none (see views.ts). They step aside by themselves
 * once the api documents the real thing (e.g. /api/v1/stats/overview and /api/v1/surveys/* are
 * typed from the document alone).
 */
interface HandWrittenResponses {
  '/api/v1/auth/login': { post: IssuedToken };
  '/api/v1/auth/refresh': { post: IssuedToken };
  '/api/v1/auth/me': { get: SessionUser };
  '/api/v1/users': { get: Page<UserView>; post: UserView };
  '/api/v1/users/{id}': { get: UserWithAvailability; patch: UserView };
  '/api/v1/users/me/availability': { patch: UserWithAvailability };
  '/api/v1/audit': { get: Page<AuditEntryView> };
  '/api/v1/teams': { get: TeamView[] };
  '/api/v1/teams/{id}/load': { get: TeamLoad };
  '/api/v1/categories': { get: CategoryView[] };
  '/api/v1/system/status': { get: SystemStatusView };
  '/api/v1/templates': { get: MessageTemplateView[] };
  '/api/v1/tickets': { get: Page<TicketView>; post: TicketView };
  '/api/v1/tickets/{id}': { get: TicketDetailView; patch: TicketView };
  '/api/v1/tickets/{id}/history': { get: { items: AuditEntryView[] } };
  '/api/v1/tickets/{id}/messages': { post: MessageView };
  '/api/v1/tickets/{id}/attachments': { post: AttachmentView };
  '/api/v1/tickets/{id}/assign': { post: TicketView };
  '/api/v1/tickets/{id}/escalate': { post: TicketView };
  '/api/v1/tickets/{id}/status': { post: TicketView };
  '/api/v1/tickets/{id}/resolve': { post: TicketView };
  '/api/v1/tickets/{id}/refer': { post: TicketView };
  '/api/v1/tickets/bulk': { post: { items: TicketView[] } };
  '/api/v1/contacts/{id}': { get: ContactWithTickets };
  '/api/v1/contacts/{id}/national-id': { get: { nationalId: string | null } };
  '/api/v1/notifications': { get: NotificationPage };
  '/api/v1/notifications/read': { post: { marked: number } };
}

// A renamed or removed api path must fail the build here rather than silently lose its type.
const _everyHandWrittenPathExists: [Exclude<keyof HandWrittenResponses, keyof paths>] extends [never] ? true : false = true;

type JsonContent<T> = { 'application/json': T };

type FillResponse<R, T> = R extends { content: Record<string, unknown> } ? R : Omit<R, 'content'> & { content: JsonContent<T> };

type FillOperation<Op, T> = Op extends { responses: infer Rs }
  ? Omit<Op, 'responses'> & { responses: { [S in keyof Rs]: S extends 200 | 201 ? FillResponse<Rs[S], T> : Rs[S] } }
  : Op;

type FillPaths<P, H> = {
  [K in keyof P]: K extends keyof H ? { [M in keyof P[K]]: M extends keyof H[K] ? FillOperation<P[K][M], H[K][M]> : P[K][M] } : P[K];
};

export type ConsolePaths = FillPaths<paths, HandWrittenResponses>;
