import { categoryBody, categoryFormValues, teamBody, teamFormValues, validateCategoryForm, validateTeamForm } from './team-form';

const OFFICER = '5f0c6f7e-3f0a-4d3e-9a55-0d6b2f1f9a01';

describe('team form', () => {
  it('starts manual with 15 open tickets per officer on the default calendar', () => {
    const body = teamBody({ ...teamFormValues(null), name: ' فريق المساعدات ' });
    expect(body).toEqual({ name: 'فريق المساعدات', nameEn: null, memberIds: [], assignmentMode: 'manual', maxOpenPerOfficer: 15, calendarId: null });
  });

  it('reads a stored team back, members sorted, and clears the calendar when emptied', () => {
    const team = {
      id: 't1',
      name: 'الإيجار',
      nameEn: 'Rent',
      assignmentMode: 'least_loaded' as const,
      maxOpenPerOfficer: 8,
      calendarId: 'c1',
      members: [
        { id: 'b', name: 'خالد', role: 'officer' as const },
        { id: 'a', name: 'نورة', role: 'officer' as const },
      ],
    };
    const values = { ...teamFormValues(team), calendarId: '', maxOpenPerOfficer: '١٠' };
    expect(values.memberIds).toEqual(['a', 'b']);
    expect(teamBody(values)).toMatchObject({ nameEn: 'Rent', assignmentMode: 'least_loaded', maxOpenPerOfficer: 10, calendarId: null });
  });

  it('refuses a one-letter name and a load limit that is not a whole number from 1 to 500', () => {
    expect(validateTeamForm({ ...teamFormValues(null), name: 'ف', maxOpenPerOfficer: '0' })).toEqual({ name: 'name', maxOpenPerOfficer: 'maxOpen' });
    expect(validateTeamForm({ ...teamFormValues(null), name: 'فريق', maxOpenPerOfficer: '2.5' })).toEqual({ maxOpenPerOfficer: 'maxOpen' });
    expect(validateTeamForm({ ...teamFormValues(null), name: 'فريق', maxOpenPerOfficer: '501' })).toEqual({ maxOpenPerOfficer: 'maxOpen' });
  });
});

describe('category form', () => {
  it('sends the competent officer and clears an emptied team', () => {
    const values = { ...categoryFormValues(null), name: 'المساعدات المالية', competentOfficerId: OFFICER, requiresSkill: true };
    expect(validateCategoryForm(values)).toEqual({});
    expect(categoryBody(values)).toEqual({
      name: 'المساعدات المالية',
      nameEn: null,
      teamId: null,
      competentOfficerId: OFFICER,
      requiresSkill: true,
      active: true,
    });
  });
});
