import type { AssignmentMode, Category, Team } from '../admin-api';
import { parseTypedNumber } from '../number-input';

export interface TeamFormValues {
  name: string;
  nameEn: string;
  memberIds: string[];
  assignmentMode: AssignmentMode;
  maxOpenPerOfficer: string;
  /** Empty: the default calendar. */
  calendarId: string;
}

export type TeamFormErrors = Partial<Record<'name' | 'nameEn' | 'maxOpenPerOfficer', 'name' | 'nameEn' | 'maxOpen'>>;

export function teamFormValues(team: Team | null): TeamFormValues {
  return {
    name: team?.name ?? '',
    nameEn: team?.nameEn ?? '',
    memberIds: (team?.members ?? []).map((m) => m.id).sort(),
    assignmentMode: team?.assignmentMode ?? 'manual',
    maxOpenPerOfficer: String(team?.maxOpenPerOfficer ?? 15),
    calendarId: team?.calendarId ?? '',
  };
}

export function validateTeamForm(values: TeamFormValues): TeamFormErrors {
  const errors: TeamFormErrors = {};
  const name = values.name.trim();
  if (name.length < 2 || name.length > 120) errors.name = 'name';
  if (values.nameEn.trim().length > 120) errors.nameEn = 'nameEn';
  const max = parseTypedNumber(values.maxOpenPerOfficer);
  if (max === null || !Number.isInteger(max) || max < 1 || max > 500) errors.maxOpenPerOfficer = 'maxOpen';
  return errors;
}

/** The body of POST / PATCH /api/v1/teams; empty optional fields are null (cleared). Call after validating. */
export function teamBody(values: TeamFormValues) {
  return {
    name: values.name.trim(),
    nameEn: values.nameEn.trim() || null,
    memberIds: values.memberIds,
    assignmentMode: values.assignmentMode,
    maxOpenPerOfficer: parseTypedNumber(values.maxOpenPerOfficer) ?? 15,
    calendarId: values.calendarId || null,
  };
}

export interface CategoryFormValues {
  name: string;
  nameEn: string;
  teamId: string;
  competentOfficerId: string;
  requiresSkill: boolean;
  active: boolean;
}

export function categoryFormValues(category: Category | null): CategoryFormValues {
  return {
    name: category?.name ?? '',
    nameEn: category?.nameEn ?? '',
    teamId: category?.teamId ?? '',
    competentOfficerId: category?.competentOfficerId ?? '',
    requiresSkill: category?.requiresSkill ?? false,
    active: category?.active ?? true,
  };
}

export function validateCategoryForm(values: CategoryFormValues): TeamFormErrors {
  const errors: TeamFormErrors = {};
  const name = values.name.trim();
  if (name.length < 2 || name.length > 120) errors.name = 'name';
  if (values.nameEn.trim().length > 120) errors.nameEn = 'nameEn';
  return errors;
}

export function categoryBody(values: CategoryFormValues) {
  return {
    name: values.name.trim(),
    nameEn: values.nameEn.trim() || null,
    teamId: values.teamId || null,
    competentOfficerId: values.competentOfficerId || null,
    requiresSkill: values.requiresSkill,
    active: values.active,
  };
}
