import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/use-session';
import { useTeamsQuery } from '../../hooks/use-teams-query';
import { adminKeys } from './admin-api';

/** Only admins change settings; supervisors see them read-only. */
export function useCanEdit(): boolean {
  const session = useSession();
  return session.status === 'signed-in' && session.user.role === 'admin';
}

export function useTeamsList() {
  return useTeamsQuery();
}

export function useCategoriesList() {
  return useQuery({ queryKey: adminKeys.categories, queryFn: () => unwrap(api.GET('/api/v1/categories')) });
}

export function useCalendarsList() {
  return useQuery({ queryKey: adminKeys.calendars, queryFn: () => unwrap(api.GET('/api/v1/business-calendars')) });
}

/** Active staff accounts to pick members and competent officers from (supervisors and admins may list them). */
export function useActiveStaff() {
  return useQuery({
    queryKey: [...adminKeys.staff, 'active'],
    queryFn: async () => {
      const all = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(api.GET('/api/v1/users', { params: { query: { active: true, limit: 200, cursor } } }));
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && all.length < 2000);
      return all;
    },
    staleTime: 60_000,
  });
}
