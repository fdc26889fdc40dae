/**
 * The declarative part of the service catalogue: what each service type asks for. Kept as
 * plain data (jsonb) so admins change requirements without a deploy; the rules that read it
 * are the pure functions next to it.
 */
import { isIsoDate } from '../intake/riyadh-date.js';

export const FIELD_TYPES = ['text', 'number', 'integer', 'money', 'date', 'boolean', 'select'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldOption {
  value: string;
  labelAr: string;
  labelEn: string;
}

/** One answer the applicant gives for this service (income, rent, hospital…). */
export interface FieldSpec {
  name: string;
  type: FieldType;
  required: boolean;
  labelAr: string;
  labelEn: string;
  /** For `select`. */
  options?: FieldOption[];
}

/** One document the service needs; `hasExpiry` documents must carry an expiry date and be valid on the submission day. */
export interface DocumentSpec {
  type: string;
  labelAr: string;
  labelEn: string;
  required: boolean;
  hasExpiry: boolean;
}

export interface ServiceTypeSpec {
  fields: FieldSpec[];
  documents: DocumentSpec[];
}

/** The minimum study time the member support policy gives the research committee. */
export const MIN_COMMITTEE_DAYS = 14;

const FIELD_NAME = /^[a-z][A-Za-z0-9]{0,39}$/;
const DOCUMENT_TYPE = /^[a-z][a-z0-9_]{1,40}$/;
export const SERVICE_TYPE_CODE = /^[a-z][a-z0-9_]{1,40}$/;

/** Problems in a catalogue definition an admin submitted (duplicate names, a select without options…). */
export function catalogueErrors(spec: ServiceTypeSpec): string[] {
  const errors: string[] = [];
  const names = new Set<string>();
  spec.fields.forEach((f, i) => {
    if (!FIELD_NAME.test(f.name)) errors.push(`fields.${i}.name must be camelCase letters and digits, starting with a letter`);
    if (names.has(f.name)) errors.push(`fields.${i}.name ${f.name} is listed twice`);
    names.add(f.name);
    if (f.type === 'select' && !f.options?.length) errors.push(`fields.${i}.options must list the choices of a select field`);
    if (f.type !== 'select' && f.options?.length) errors.push(`fields.${i}.options are only for select fields`);
  });
  const types = new Set<string>();
  spec.documents.forEach((d, i) => {
    if (!DOCUMENT_TYPE.test(d.type)) errors.push(`documents.${i}.type must be lower-case letters, digits and _`);
    if (types.has(d.type)) errors.push(`documents.${i}.type ${d.type} is listed twice`);
    types.add(d.type);
  });
  return errors;
}

const MAX_TEXT = 2000;
const MAX_AMOUNT = 10_000_000;

/**
 * Checks the answers to a service's fields: unknown names and values of the wrong type are
 * errors (a 400 at the edge, naming `fields.<name>`). Missing required answers are not errors
 * here: an intake may be incomplete, and the checklist lists what is missing.
 */
export function fieldValueErrors(fields: FieldSpec[], values: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const byName = new Map(fields.map((f) => [f.name, f]));
  for (const [name, value] of Object.entries(values)) {
    const spec = byName.get(name);
    if (!spec) {
      errors.push(`fields.${name} is not a field of this service type`);
      continue;
    }
    if (value === null || value === undefined) continue;
    const problem = valueProblem(spec, value);
    if (problem) errors.push(`fields.${name} ${problem}`);
  }
  return errors;
}

function valueProblem(spec: FieldSpec, value: unknown): string | null {
  switch (spec.type) {
    case 'text':
      return typeof value === 'string' && value.length <= MAX_TEXT ? null : `must be text of at most ${MAX_TEXT} characters`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'integer':
      return Number.isInteger(value) && (value as number) >= 0 ? null : 'must be a whole number, 0 or more';
    case 'money':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_AMOUNT && Math.round(value * 100) === value * 100
        ? null
        : 'must be an amount in SAR (0 or more, at most 2 decimals)';
    case 'date':
      return isIsoDate(value) ? null : 'must be a date written YYYY-MM-DD';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'select':
      return typeof value === 'string' && (spec.options ?? []).some((o) => o.value === value)
        ? null
        : `must be one of ${(spec.options ?? []).map((o) => o.value).join(', ')}`;
  }
}

/** A required answer is present: not absent, null or blank text. */
export function hasAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  return true;
}
