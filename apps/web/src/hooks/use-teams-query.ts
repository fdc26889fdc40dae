import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** The teams, one cache entry (`['teams']`) for every screen that lists or names them. */
export function useTeamsQuery() {
  return useQuery({ queryKey: ['teams'], queryFn: () => unwrap(api.GET('/api/v1/teams')), staleTime: 5 * 60_000 });
}
