import { applicantProblems, emptyHouseholdRow, householdInput, householdRows, nationalIdProblem } from './applicant-form';
import type { HouseholdRelation } from './help-request-api';

describe('the applicant and household form', () => {
  it('checks a national ID with the same rule as the api: format, prefix, check digit', () => {
    expect(nationalIdProblem('1012345672')).toBeNull();
    expect(nationalIdProblem('١٠١٢٣٤٥٦٧٢')).toBeNull(); // typed on an Arabic keyboard
    expect(nationalIdProblem('1012345678')).toBe('check_digit');
    expect(nationalIdProblem('3012345672')).toBe('prefix');
    expect(nationalIdProblem('12345')).toBe('format');
    expect(nationalIdProblem('  ')).toBeNull();
  });

  it('names each bad ID by the field path the api uses', () => {
    const rows = [
      { ...emptyHouseholdRow(), name: 'سارة', nationalId: '1100000007' },
      { ...emptyHouseholdRow(), name: 'محمد', nationalId: '1100000008' },
    ];
    expect(applicantProblems('2012345671', rows)).toEqual({ nationalId: 'check_digit', 'household.1.nationalId': 'check_digit' });
    expect(applicantProblems('', rows.slice(0, 1))).toEqual({});
  });

  it('turns rows into the household the api takes: trimmed, Latin digits, empty values left out', () => {
    const input = householdInput([
      { ...emptyHouseholdRow(), name: ' سارة ', relation: 'daughter', birthDate: '2015-03-01', nationalId: '١١٠٠٠٠٠٠٠٧', monthlyIncomeSar: '٣٠٠' },
      { ...emptyHouseholdRow(), name: 'محمد' },
    ]);
    expect(input).toEqual([
      { name: 'سارة', relation: 'daughter', birthDate: '2015-03-01', nationalId: '1100000007', monthlyIncomeSar: 300 },
      { name: 'محمد', relation: 'son' },
    ]);
  });

  it('starts from the saved household and re-sends each saved member by id, so an ID left empty is kept', () => {
    const rows = householdRows([
      { id: 'm-1', name: 'سارة', relation: 'daughter', birthDate: '2015-03-01', nationalId: '1••••••••7', monthlyIncomeSar: null, notes: null },
      { id: 'm-2', name: 'محمد', relation: 'cousin' as HouseholdRelation, birthDate: null, nationalId: null, monthlyIncomeSar: 0, notes: 'طالب' },
    ]);
    expect(rows[0]).toMatchObject({ id: 'm-1', nationalId: '', savedNationalId: '1••••••••7' });
    expect(rows[1]).toMatchObject({ relation: 'other', monthlyIncomeSar: '0', notes: 'طالب', savedNationalId: null });
    rows[0]!.name = 'سارة محمد';
    const input = householdInput([...rows, { ...emptyHouseholdRow(), name: 'ليلى' }]);
    expect(input[0]).toEqual({ id: 'm-1', name: 'سارة محمد', relation: 'daughter', birthDate: '2015-03-01' });
    expect(input[2]).toEqual({ name: 'ليلى', relation: 'son' });
    rows[0]!.nationalId = '1100000007';
    expect(householdInput(rows)[0]).toMatchObject({ id: 'm-1', nationalId: '1100000007' });
  });
});
