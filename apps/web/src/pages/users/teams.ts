import type { TeamView } from '../../api/views';

export function teamName(team: TeamView, language: 'ar' | 'en'): string {
  return language === 'en' && team.nameEn ? team.nameEn : team.name;
}
