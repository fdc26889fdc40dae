import { useQuery } from '@tanstack/react-query';
import { api, unwrapIfAvailable } from '../../api/client';
import type { TeamView } from '../../api/views';
import { teamList } from './teams';

/** The teams to choose from, or null while the api has no teams endpoint (the form then leaves teams alone). */
export function useTeams(): { teams: TeamView[] | null; loading: boolean } {
  const query = useQuery({
    queryKey: ['teams'],
    queryFn: async () => teamList(await unwrapIfAvailable(api.GET('/api/v1/teams'))),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return { teams: query.data ?? null, loading: query.isPending };
}
