import type { UserView } from '../../api/views';
import { createBody, EMPTY_USER_FORM, formValuesOf, updateBody, validateUserForm } from './user-form';

const USER: UserView = {
  id: '4b1f0a51-8d3c-4a47-9d6e-6a1a3f6f0c11',
  name: 'نورة العتيبي',
  email: 'noura@example.org',
  role: 'officer',
  active: true,
  preferredLanguage: 'ar',
  availability: 'available',
  skillCategoryIds: [],
  teamIds: ['b', 'a'],
  createdAt: '2025-03-01T09:00:00.000Z',
  updatedAt: '2025-03-01T09:00:00.000Z',
};

describe('the user form', () => {
  it("checks the api's rules before sending", () => {
    expect(validateUserForm({ ...EMPTY_USER_FORM, name: 'ن', email: 'x', password: 'short' }, 'create')).toEqual({
      name: 'validation.name',
      email: 'validation.email',
      password: 'validation.password',
    });
    expect(validateUserForm({ ...EMPTY_USER_FORM, name: 'نورة', email: 'noura@example.org', password: 'long-enough-1' }, 'create')).toEqual({});
    // Editing: an empty password keeps the current one.
    expect(validateUserForm({ ...formValuesOf(USER) }, 'edit')).toEqual({});
  });

  it('creates with trimmed values, Latin digits in the e-mail, and teams only when teams are known', () => {
    const values = { ...EMPTY_USER_FORM, name: '  نورة  ', email: ' noura٣@example.org ', password: 'long-enough-1', teamIds: ['a'] };
    expect(createBody(values, false)).toEqual({
      name: 'نورة',
      email: 'noura3@example.org',
      password: 'long-enough-1',
      role: 'officer',
      preferredLanguage: 'ar',
    });
    expect(createBody(values, true).teamIds).toEqual(['a']);
  });

  it('sends only what changed', () => {
    expect(updateBody(USER, formValuesOf(USER), true)).toEqual({});
    expect(updateBody(USER, { ...formValuesOf(USER), role: 'supervisor', active: false }, true)).toEqual({ role: 'supervisor', active: false });
    expect(updateBody(USER, { ...formValuesOf(USER), teamIds: ['a', 'b'] }, true)).toEqual({});
    expect(updateBody(USER, { ...formValuesOf(USER), teamIds: ['c'] }, true)).toEqual({ teamIds: ['c'] });
    expect(updateBody(USER, { ...formValuesOf(USER), teamIds: ['c'] }, false)).toEqual({});
    expect(updateBody(USER, { ...formValuesOf(USER), email: 'NOURA@example.org', password: 'new-password-1' }, true)).toEqual({
      password: 'new-password-1',
    });
  });
});
