import { validateNationalId } from '../../../../../libs/common/src/national-id/national-id';
import { toLatinDigits } from '../../format/digits';
import { HOUSEHOLD_RELATIONS } from '../../../../../libs/help-requests/src/intake/household';
import type { HouseholdMemberInput, HouseholdMemberView, HouseholdRelation } from './help-request-api';

export type NationalIdProblem = 'format' | 'prefix' | 'check_digit';

/**
 * The server's own rule (10 digits, 1 = citizen or 2 = resident, Luhn check digit; Arabic-Indic digits accepted),
 * so the officer hears about a mistyped ID before saving. Empty means "not given" (or "unchanged").
 */
export function nationalIdProblem(raw: string): NationalIdProblem | null {
  if (!raw.trim()) return null;
  const result = validateNationalId(raw);
  return result.valid ? null : result.reason;
}

export interface HouseholdRow {
  /** The saved member this row edits (null for a new one). */
  id: string | null;
  name: string;
  relation: HouseholdRelation;
  birthDate: string;
  /** What the officer typed; empty keeps a saved member's ID (the api matches the member by id). */
  nationalId: string;
  /** The masked ID the api holds for a saved member, shown beside the empty field. */
  savedNationalId: string | null;
  monthlyIncomeSar: string;
  notes: string;
}

export const emptyHouseholdRow = (): HouseholdRow => ({
  id: null,
  name: '',
  relation: 'son',
  birthDate: '',
  nationalId: '',
  savedNationalId: null,
  monthlyIncomeSar: '',
  notes: '',
});

const asRelation = (value: string): HouseholdRelation => HOUSEHOLD_RELATIONS.find((r) => r === value) ?? 'other';

export function householdRows(members: readonly HouseholdMemberView[]): HouseholdRow[] {
  return members.map((m) => ({
    id: m.id,
    name: m.name,
    relation: asRelation(m.relation),
    birthDate: m.birthDate ?? '',
    nationalId: '',
    savedNationalId: m.nationalId,
    monthlyIncomeSar: m.monthlyIncomeSar === null ? '' : String(m.monthlyIncomeSar),
    notes: m.notes ?? '',
  }));
}

export function householdInput(rows: readonly HouseholdRow[]): HouseholdMemberInput[] {
  return rows.map((row) => {
    const income = toLatinDigits(row.monthlyIncomeSar).trim();
    return {
      ...(row.id ? { id: row.id } : {}),
      name: row.name.trim(),
      relation: row.relation,
      ...(row.birthDate ? { birthDate: row.birthDate } : {}),
      ...(row.nationalId.trim() ? { nationalId: toLatinDigits(row.nationalId).trim() } : {}),
      ...(income && Number.isFinite(Number(income)) ? { monthlyIncomeSar: Number(income) } : {}),
      ...(row.notes.trim() ? { notes: row.notes.trim() } : {}),
    };
  });
}

/** Client-side problems by field path (as the api names them), so the form can refuse to save early. */
export function applicantProblems(nationalId: string, rows: readonly HouseholdRow[]): Record<string, NationalIdProblem> {
  const problems: Record<string, NationalIdProblem> = {};
  const own = nationalIdProblem(nationalId);
  if (own) problems['nationalId'] = own;
  rows.forEach((row, i) => {
    const p = nationalIdProblem(row.nationalId);
    if (p) problems[`household.${i}.nationalId`] = p;
  });
  return problems;
}
