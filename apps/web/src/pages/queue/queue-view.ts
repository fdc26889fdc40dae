import type { KeyValueStorage } from '../../i18n/language';
import { toLatinDigits } from '../../format/digits';
import type { Page, TicketView } from '../../api/views';

/**
 * The shared queue's views and filters: what they ask the api (`GET /api/v1/tickets`), whether a
 * ticket pushed live still belongs on screen, and how the choice is remembered per staff member.
 */
export const QUEUE_VIEWS = ['mine', 'unassigned', 'team', 'all', 'overdue', 'committee'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const QUEUE_SORTS = ['recent', 'newest', 'oldest', 'due'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export interface QueueFilters {
  status: string[];
  channel: string[];
  type: string[];
  priority: string[];
  /** A team to narrow to (in "my team": which of my teams). */
  teamId: string | null;
  assigneeId: string | null;
  q: string;
  sort: QueueSort;
}

export interface QueueSettings {
  view: QueueView;
  filters: QueueFilters;
}

export const EMPTY_FILTERS: QueueFilters = { status: [], channel: [], type: [], priority: [], teamId: null, assigneeId: null, q: '', sort: 'recent' };
export const DEFAULT_SETTINGS: QueueSettings = { view: 'all', filters: EMPTY_FILTERS };

/** What the queue asks for. `myTeamIds` are the teams the user belongs to. */
export interface TicketQuery {
  status?: string[];
  channel?: string[];
  type?: string[];
  priority?: string[];
  teamId?: string;
  assigneeId?: string;
  mine?: boolean;
  unassigned?: boolean;
  overdue?: boolean;
  q?: string;
  sort?: QueueSort;
}

export function teamOfView(view: QueueView, filters: QueueFilters, myTeamIds: readonly string[]): string | null {
  if (view === 'team') return filters.teamId && myTeamIds.includes(filters.teamId) ? filters.teamId : (myTeamIds[0] ?? null);
  return filters.teamId;
}

export function queueQuery(view: QueueView, filters: QueueFilters, myTeamIds: readonly string[]): TicketQuery {
  const query: TicketQuery = { sort: filters.sort };
  if (view === 'mine') query.mine = true;
  if (view === 'unassigned') query.unassigned = true;
  if (view === 'overdue') query.overdue = true;
  if (view === 'committee') query.status = ['with_committee'];
  else if (filters.status.length) query.status = [...filters.status];
  if (filters.channel.length) query.channel = [...filters.channel];
  if (filters.type.length) query.type = [...filters.type];
  if (filters.priority.length) query.priority = [...filters.priority];
  const teamId = teamOfView(view, filters, myTeamIds);
  if (teamId) query.teamId = teamId;
  if (filters.assigneeId && view !== 'mine' && view !== 'unassigned') query.assigneeId = filters.assigneeId;
  const q = toLatinDigits(filters.q).trim();
  if (q) query.q = q;
  return query;
}

const ACTIVE_UNCOMMITTED = new Set(['new', 'open', 'pending']);

function isOverdue(t: TicketView, now: number): boolean {
  if (!ACTIVE_UNCOMMITTED.has(t.status)) return false;
  const frt = t.firstResponseDueAt ? Date.parse(t.firstResponseDueAt) : null;
  const res = t.resolutionDueAt ? Date.parse(t.resolutionDueAt) : null;
  return (frt !== null && !t.firstRespondedAt && frt < now) || (res !== null && res < now);
}

/**
 * Whether a ticket pushed live belongs in the view: true / false, or 'unknown' when a text search
 * is active (the api's Arabic-aware search decides; the console does not guess).
 */
export function matchesQuery(t: TicketView, query: TicketQuery, userId: string, now: number): boolean | 'unknown' {
  if (query.mine && t.assignee?.id !== userId) return false;
  if (query.unassigned && t.assignee) return false;
  if (query.overdue && !isOverdue(t, now)) return false;
  if (query.status && !query.status.includes(t.status)) return false;
  if (query.channel && !query.channel.includes(t.channel)) return false;
  if (query.type && !query.type.includes(t.type)) return false;
  if (query.priority && !query.priority.includes(t.priority)) return false;
  if (query.teamId && t.team?.id !== query.teamId) return false;
  if (query.assigneeId && t.assignee?.id !== query.assigneeId) return false;
  if (query.q) return 'unknown';
  return true;
}

/**
 * Applies a live ticket to the loaded pages: replaced in place while it still belongs, removed
 * when it no longer does. `present` tells whether it was on screen at all.
 */
export function patchPages(
  pages: readonly Page<TicketView>[],
  ticket: TicketView,
  belongs: boolean,
): { pages: Page<TicketView>[]; present: boolean } {
  let present = false;
  const next = pages.map((page) => {
    if (!page.items.some((t) => t.id === ticket.id)) return page;
    present = true;
    return { ...page, items: belongs ? page.items.map((t) => (t.id === ticket.id ? ticket : t)) : page.items.filter((t) => t.id !== ticket.id) };
  });
  return { pages: present ? next : [...pages], present };
}

/** Sorts where a ticket that just arrived or changed belongs at the top of the first page. */
export function insertsAtTop(sort: QueueSort | undefined): boolean {
  return sort === undefined || sort === 'recent' || sort === 'newest';
}

/** Puts a live ticket at the top of the first page (once). */
export function prependTicket(pages: readonly Page<TicketView>[], ticket: TicketView): Page<TicketView>[] {
  if (pages.some((p) => p.items.some((t) => t.id === ticket.id))) return [...pages];
  const [first, ...rest] = pages;
  return [{ items: [ticket, ...(first?.items ?? [])], nextCursor: first?.nextCursor ?? null }, ...rest];
}

// ---- remembered per user --------------------------------------------------------------------

const KEY_PREFIX = 'hd.queue:';

const strings = (v: unknown, allowed?: readonly string[]): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && (!allowed || allowed.includes(x))) : [];

export function parseSettings(raw: string | null): QueueSettings {
  if (!raw) return DEFAULT_SETTINGS;
  try {
    const v = JSON.parse(raw) as Partial<QueueSettings> | null;
    const f = (v?.filters ?? {}) as Partial<Record<keyof QueueFilters, unknown>>;
    return {
      view: QUEUE_VIEWS.includes(v?.view as QueueView) ? (v!.view as QueueView) : DEFAULT_SETTINGS.view,
      filters: {
        status: strings(f.status),
        channel: strings(f.channel),
        type: strings(f.type),
        priority: strings(f.priority),
        teamId: typeof f.teamId === 'string' ? f.teamId : null,
        assigneeId: typeof f.assigneeId === 'string' ? f.assigneeId : null,
        q: typeof f.q === 'string' ? f.q.slice(0, 200) : '',
        sort: QUEUE_SORTS.includes(f.sort as QueueSort) ? (f.sort as QueueSort) : 'recent',
      },
    };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function readSettings(storage: KeyValueStorage | undefined, userId: string): QueueSettings {
  try {
    return parseSettings(storage?.getItem(`${KEY_PREFIX}${userId}`) ?? null);
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function writeSettings(storage: KeyValueStorage | undefined, userId: string, settings: QueueSettings): void {
  try {
    storage?.setItem(`${KEY_PREFIX}${userId}`, JSON.stringify(settings));
  } catch {
    // not remembered; the queue still works
  }
}

export function activeFilterCount(filters: QueueFilters): number {
  return (
    (filters.status.length ? 1 : 0) +
    (filters.channel.length ? 1 : 0) +
    (filters.type.length ? 1 : 0) +
    (filters.priority.length ? 1 : 0) +
    (filters.teamId ? 1 : 0) +
    (filters.assigneeId ? 1 : 0) +
    (filters.q.trim() ? 1 : 0)
  );
}
