/**
 * Is the intake complete? A pure function of the data, the service's requirements and the
 * submission day, so the console's checklist, the hand-off guard and the tests all use one rule.
 *
 * - missing: what has not been given (required fields and documents, the national ID, an expiry date…)
 * - invalid: what was given but is not valid ON the submission day: a national ID whose check digit
 *   fails, a document that expired (a document expiring on the submission day is still valid that
 *   day; one that expired the day before is not), a household member listed twice, a document the
 *   officer found not to match the data.
 */
import { normalizeSearchText, validateNationalId } from '@app/common';
import { hasAnswer, type ServiceTypeSpec } from '../catalogue/service-type-spec.js';
import { HOUSEHOLD_RELATIONS } from './household.js';
import { isIsoDate } from './riyadh-date.js';

export type ChecklistCode =
  | 'national_id_missing'
  | 'national_id_invalid'
  | 'applicant_name_missing'
  | 'description_missing'
  | 'field_missing'
  | 'field_invalid'
  | 'document_missing'
  | 'document_expiry_missing'
  | 'document_expired'
  | 'document_mismatch'
  | 'household_member_incomplete'
  | 'household_national_id_invalid'
  | 'household_birth_date_invalid'
  | 'household_duplicate'
  | 'household_member_is_applicant'
  | 'document_unverified'
  | 'declaration_missing'
  | 'declaration_outdated';

export interface ChecklistItem {
  code: ChecklistCode;
  message: string;
  field?: string;
  documentType?: string;
  documentId?: string;
  index?: number;
}

export interface IntakeDocument {
  id: string;
  documentType: string;
  /** Gregorian YYYY-MM-DD, or null when none was recorded. */
  expiresOn: string | null;
  /** The officer's current finding (a finding made before the data changed does not count). */
  verification: 'matches' | 'mismatch' | null;
}

/** Plain values, as the rule needs them (national IDs decrypted in memory only). */
export interface IntakeSnapshot {
  applicant: { name: string; nationalId: string | null };
  description: string;
  household: { name: string; relation: string; birthDate: string | null; nationalId: string | null }[];
  fields: Record<string, unknown>;
  documents: IntakeDocument[];
}

export interface IntakeChecklist {
  /** The submission day the documents were judged on (Riyadh, YYYY-MM-DD). */
  asOf: string;
  complete: boolean;
  missing: ChecklistItem[];
  invalid: ChecklistItem[];
}

const ID_REASON = {
  format: 'is not 10 digits',
  prefix: 'must start with 1 (citizen) or 2 (resident)',
  check_digit: 'has a wrong check digit',
} as const;

export function checkIntake(s: IntakeSnapshot, spec: ServiceTypeSpec, asOf: string): IntakeChecklist {
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be YYYY-MM-DD, got ${asOf}`);
  const missing: ChecklistItem[] = [];
  const invalid: ChecklistItem[] = [];

  if (!hasAnswer(s.applicant.name)) missing.push({ code: 'applicant_name_missing', field: 'name', message: "the applicant's name is missing" });
  let applicantId: string | null = null;
  if (!s.applicant.nationalId) {
    missing.push({ code: 'national_id_missing', field: 'nationalId', message: 'the national ID or Iqama number is missing' });
  } else {
    const v = validateNationalId(s.applicant.nationalId);
    if (v.valid) applicantId = v.value;
    else invalid.push({ code: 'national_id_invalid', field: 'nationalId', message: `the national ID ${ID_REASON[v.reason]}` });
  }
  if (!hasAnswer(s.description))
    missing.push({ code: 'description_missing', field: 'description', message: 'the description of the need is missing' });

  for (const f of spec.fields) {
    if (f.required && !hasAnswer(s.fields[f.name]))
      missing.push({ code: 'field_missing', field: `fields.${f.name}`, message: `${f.labelEn} is missing` });
  }
  // Answers checked at the edge can go stale when an admin changes the catalogue later.
  for (const [name, value] of Object.entries(s.fields)) {
    const f = spec.fields.find((x) => x.name === name);
    if (f?.type === 'select' && hasAnswer(value) && !(f.options ?? []).some((o) => o.value === value)) {
      invalid.push({ code: 'field_invalid', field: `fields.${name}`, message: `${f.labelEn}: ${String(value)} is no longer one of the choices` });
    }
  }

  checkHousehold(s, applicantId, asOf, missing, invalid);

  for (const d of spec.documents) {
    if (d.required && !s.documents.some((doc) => doc.documentType === d.type)) {
      missing.push({ code: 'document_missing', documentType: d.type, message: `${d.labelEn} is missing` });
    }
  }
  for (const doc of s.documents) {
    const d = spec.documents.find((x) => x.type === doc.documentType);
    const label = d?.labelEn ?? doc.documentType;
    if (d?.hasExpiry && !doc.expiresOn) {
      missing.push({
        code: 'document_expiry_missing',
        documentType: doc.documentType,
        documentId: doc.id,
        message: `${label}: the expiry date is missing`,
      });
    }
    // Valid through the whole expiry day: it expires at the end of that day.
    if (doc.expiresOn && doc.expiresOn < asOf) {
      invalid.push({ code: 'document_expired', documentType: doc.documentType, documentId: doc.id, message: `${label} expired on ${doc.expiresOn}` });
    }
    if (doc.verification === 'mismatch') {
      invalid.push({
        code: 'document_mismatch',
        documentType: doc.documentType,
        documentId: doc.id,
        message: `${label} does not match the data (officer's check)`,
      });
    }
  }

  return { asOf, complete: missing.length === 0 && invalid.length === 0, missing, invalid };
}

function checkHousehold(s: IntakeSnapshot, applicantId: string | null, asOf: string, missing: ChecklistItem[], invalid: ChecklistItem[]): void {
  const seen = new Map<string, number>();
  s.household.forEach((m, index) => {
    const who = `household member ${index + 1}`;
    for (const field of ['name', 'relation', 'birthDate'] as const) {
      if (!hasAnswer(m[field]))
        missing.push({ code: 'household_member_incomplete', index, field: `household.${index}.${field}`, message: `${who}: ${field} is missing` });
    }
    if (hasAnswer(m.relation) && !(HOUSEHOLD_RELATIONS as readonly string[]).includes(m.relation)) {
      invalid.push({
        code: 'household_member_incomplete',
        index,
        field: `household.${index}.relation`,
        message: `${who}: relation ${m.relation} is not known`,
      });
    }
    if (m.birthDate && (!isIsoDate(m.birthDate) || m.birthDate > asOf)) {
      invalid.push({
        code: 'household_birth_date_invalid',
        index,
        field: `household.${index}.birthDate`,
        message: `${who}: the birth date ${m.birthDate} is not a past date`,
      });
    }
    const keys: string[] = [];
    if (m.nationalId) {
      const v = validateNationalId(m.nationalId);
      if (!v.valid) {
        invalid.push({
          code: 'household_national_id_invalid',
          index,
          field: `household.${index}.nationalId`,
          message: `${who}: the national ID ${ID_REASON[v.reason]}`,
        });
      } else {
        if (v.value === applicantId) {
          invalid.push({
            code: 'household_member_is_applicant',
            index,
            field: `household.${index}.nationalId`,
            message: `${who} is the applicant; list only the others`,
          });
        }
        keys.push(`id:${v.value}`);
      }
    }
    if (hasAnswer(m.name) && m.birthDate) keys.push(`name:${normalizeSearchText(m.name)}|${m.birthDate}`);
    const first = keys.map((k) => seen.get(k)).find((i) => i !== undefined);
    if (first !== undefined) {
      invalid.push({ code: 'household_duplicate', index, message: `${who} is listed twice (same as household member ${first + 1})` });
    }
    for (const k of keys) if (!seen.has(k)) seen.set(k, index);
  });
}

export interface DeclarationState {
  /** A declaration exists and was not voided. */
  signed: boolean;
  /** It was signed for data that has changed since. */
  outdated: boolean;
}

/**
 * What stops the hand-off to the committee: everything missing or invalid, every document the
 * officer has not confirmed against the current data, and a missing or outdated declaration.
 */
export function handoffBlockers(checklist: IntakeChecklist, documents: IntakeDocument[], declaration: DeclarationState): ChecklistItem[] {
  const blockers = [...checklist.missing, ...checklist.invalid];
  for (const doc of documents) {
    if (doc.verification === null) {
      blockers.push({
        code: 'document_unverified',
        documentId: doc.id,
        documentType: doc.documentType,
        message: `${doc.documentType}: an officer has not yet confirmed it matches the data`,
      });
    }
  }
  if (!declaration.signed) blockers.push({ code: 'declaration_missing', message: "the applicant's declaration of responsibility is not signed" });
  else if (declaration.outdated)
    blockers.push({ code: 'declaration_outdated', message: 'the data changed after the declaration was signed; it must be signed again' });
  return blockers;
}
