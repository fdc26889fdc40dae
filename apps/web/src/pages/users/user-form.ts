import { toLatinDigits } from '../../format/digits';
import type { Language, StaffRole, UserView } from '../../api/views';

/** What the user form edits. Plain strings and booleans, so a draft can be stored as JSON. */
export interface UserFormValues {
  name: string;
  email: string;
  password: string;
  role: StaffRole;
  preferredLanguage: Language;
  active: boolean;
  teamIds: string[];
}

export type UserFormErrors = Partial<Record<'name' | 'email' | 'password', 'validation.name' | 'validation.email' | 'validation.password'>>;

export const EMPTY_USER_FORM: UserFormValues = {
  name: '',
  email: '',
  password: '',
  role: 'officer',
  preferredLanguage: 'ar',
  active: true,
  teamIds: [],
};

export function formValuesOf(user: UserView): UserFormValues {
  return {
    name: user.name,
    email: user.email,
    password: '',
    role: user.role,
    preferredLanguage: user.preferredLanguage,
    active: user.active,
    teamIds: [...user.teamIds].sort(),
  };
}

/** The same rules as the api's DTO (name 2–120, e-mail, password 10–200), checked before sending. */
export function validateUserForm(values: UserFormValues, mode: 'create' | 'edit'): UserFormErrors {
  const errors: UserFormErrors = {};
  const name = values.name.trim();
  if (name.length < 2 || name.length > 120) errors.name = 'validation.name';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) errors.email = 'validation.email';
  if ((mode === 'create' || values.password !== '') && (values.password.length < 10 || values.password.length > 200)) {
    errors.password = 'validation.password';
  }
  return errors;
}

export function createBody(values: UserFormValues, withTeams: boolean) {
  return {
    name: values.name.trim(),
    email: toLatinDigits(values.email.trim()),
    password: values.password,
    role: values.role,
    preferredLanguage: values.preferredLanguage,
    ...(withTeams ? { teamIds: values.teamIds } : {}),
  };
}

/** Only what changed, so the audit log records exactly the edit. */
export function updateBody(user: UserView, values: UserFormValues, withTeams: boolean) {
  const body: {
    name?: string;
    email?: string;
    password?: string;
    role?: StaffRole;
    preferredLanguage?: Language;
    active?: boolean;
    teamIds?: string[];
  } = {};
  const name = values.name.trim();
  const email = toLatinDigits(values.email.trim());
  if (name !== user.name) body.name = name;
  if (email.toLowerCase() !== user.email.toLowerCase()) body.email = email;
  if (values.password) body.password = values.password;
  if (values.role !== user.role) body.role = values.role;
  if (values.preferredLanguage !== user.preferredLanguage) body.preferredLanguage = values.preferredLanguage;
  if (values.active !== user.active) body.active = values.active;
  const teams = [...values.teamIds].sort();
  const current = [...user.teamIds].sort();
  if (withTeams && (teams.length !== current.length || teams.some((id, i) => id !== current[i]))) body.teamIds = teams;
  return body;
}
