import type { TeamView } from '../../api/views';
import { useTeamsQuery } from '../../hooks/use-teams-query';

/** The teams to choose from (null until they are loaded). */
export function useTeams(): { teams: TeamView[] | null; loading: boolean } {
  const query = useTeamsQuery();
  return { teams: query.data ?? null, loading: query.isPending };
}
