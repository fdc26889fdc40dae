/**
 * What the applicant declares correct, as one canonical document. Its SHA-256 is kept with the
 * declaration; any later change to the data gives another hash, so a declaration can always be
 * checked against the data it was given for.
 *
 * National IDs appear only as their keyed hash (HMAC, from NationalIdCipher) and masked form:
 * a plain SHA-256 over a 10-digit ID could be reversed by trying every number.
 */
import { canonicalJson, sha256Hex } from './canonical-json.js';

export const DECLARATION_STATEMENT = {
  ar: 'أقرّ بأن جميع البيانات والمستندات المقدمة في هذا الطلب صحيحة، وأتحمل المسؤولية الكاملة عنها.',
  en: 'I declare that the data and documents in this request are correct, and I bear full responsibility for them.',
} as const;

export interface DeclaredPerson {
  name: string;
  nationalIdHash: string | null;
  nationalIdMasked: string | null;
}

export interface DeclaredHouseholdMember extends DeclaredPerson {
  relation: string;
  birthDate: string | null;
  monthlyIncomeSar: number | null;
  notes: string | null;
}

export interface DeclaredDocument {
  documentType: string;
  /** SHA-256 of the file's content (the attachment store's address). */
  sha256: string;
  expiresOn: string | null;
}

/** The data an officer verifies documents against: everything but the documents themselves. */
export interface RequestData {
  helpRequestId: string;
  ticketNumber: string;
  serviceType: string;
  applicant: DeclaredPerson;
  description: string;
  household: DeclaredHouseholdMember[];
  fields: Record<string, unknown>;
}

export interface DeclaredData extends RequestData {
  version: 1;
  documents: DeclaredDocument[];
  statement: { language: 'ar' | 'en'; text: string };
}

/** The data itself, documents aside: verification findings hold while this hash is unchanged. */
export function requestDataHash(data: RequestData): string {
  return sha256Hex(canonicalJson(data));
}

export function declaredData(data: RequestData, documents: DeclaredDocument[], language: 'ar' | 'en'): DeclaredData {
  // Documents in a fixed order, so adding them in another order declares the same thing.
  const sorted = [...documents].sort(
    (a, b) => cmp(a.documentType, b.documentType) || cmp(a.sha256, b.sha256) || cmp(a.expiresOn ?? '', b.expiresOn ?? ''),
  );
  return { version: 1, ...data, documents: sorted, statement: { language, text: DECLARATION_STATEMENT[language] } };
}

/** The exact text signed and its SHA-256. */
export function declarationDigest(data: DeclaredData): { json: string; sha256: string } {
  const json = canonicalJson(data);
  return { json, sha256: sha256Hex(json) };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
