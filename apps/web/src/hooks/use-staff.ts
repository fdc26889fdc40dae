import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap } from '../api/client';
import type { StaffRole, TeamView, UserView } from '../api/views';
import { useSession } from '../auth/use-session';
import { useTeamsQuery } from './use-teams-query';

export interface StaffMember {
  id: string;
  name: string;
  role: string;
}

export interface StaffDirectory {
  /** Everyone the console knows by name: team members for all, every account for supervisors and admins. */
  people: StaffMember[];
  /** Staff who can be given tickets (officers, supervisors, admins), active only when known. */
  assignable: StaffMember[];
  nameOf: (id: string | null | undefined) => string | null;
  teams: TeamView[];
  myTeamIds: string[];
  /** Supervisors and admins may list users, assign to anyone and act in bulk. */
  isLead: boolean;
  loading: boolean;
}

export function isLeadRole(role: StaffRole | undefined): boolean {
  return role === 'supervisor' || role === 'admin';
}

/**
 * Names of colleagues for assignee pickers, @mentions and "who did this" on the timeline.
 * Officers may not list users (GET /api/v1/users is for supervisors and admins), so for them the
 * names come from the teams' member lists (GET /api/v1/teams, open to all staff).
 */
export function useStaff(): StaffDirectory {
  const session = useSession();
  const user = session.status === 'signed-in' ? session.user : null;
  const isLead = isLeadRole(user?.role);
  const teams = useTeamsQuery();
  const users = useQuery({
    queryKey: ['users', 'directory'],
    queryFn: async () => {
      const all: UserView[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(api.GET('/api/v1/users', { params: { query: { limit: 100, cursor } } }));
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && all.length < 1000);
      return all;
    },
    enabled: isLead,
    staleTime: 5 * 60_000,
  });

  return useMemo(() => {
    const byId = new Map<string, StaffMember & { active: boolean }>();
    for (const team of teams.data ?? []) for (const m of team.members ?? []) byId.set(m.id, { id: m.id, name: m.name, role: m.role, active: true });
    for (const u of users.data ?? []) byId.set(u.id, { id: u.id, name: u.name, role: u.role, active: u.active });
    if (user && !byId.has(user.id)) byId.set(user.id, { id: user.id, name: user.name, role: user.role, active: true });
    const people = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'ar'));
    const myTeamIds = user ? (teams.data ?? []).filter((t) => (t.members ?? []).some((m) => m.id === user.id)).map((t) => t.id) : [];
    return {
      people,
      assignable: people.filter((p) => p.active && p.role !== 'committee'),
      nameOf: (id) => (id ? (byId.get(id)?.name ?? null) : null),
      teams: teams.data ?? [],
      myTeamIds,
      isLead,
      loading: teams.isPending || (isLead && users.isPending),
    };
  }, [teams.data, users.data, user, isLead, teams.isPending, users.isPending]);
}
