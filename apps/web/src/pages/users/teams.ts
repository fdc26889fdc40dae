import type { Page, TeamView } from '../../api/views';

/** GET /api/v1/teams is not published yet; accept a bare array or a page. */
export function teamList(answer: TeamView[] | Page<TeamView> | null | undefined): TeamView[] | null {
  if (!answer) return null;
  const items = Array.isArray(answer) ? answer : Array.isArray(answer.items) ? answer.items : null;
  return items ? items.filter((t) => typeof t?.id === 'string' && typeof t?.name === 'string') : null;
}

export function teamName(team: TeamView, language: 'ar' | 'en'): string {
  return language === 'en' && team.nameEn ? team.nameEn : team.name;
}
