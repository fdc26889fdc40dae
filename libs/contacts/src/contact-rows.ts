import type { Channel, ContactKind, IdentityKind } from './contact-kinds.js';
import { ContactIdentity } from './contact-identity.entity.js';
import { Contact } from './contact.entity.js';

/**
 * Rows of `contacts` and `contact_identities` as plain SQL returns them, for the reads every inbound message makes
 * (TypeORM's query building and hydration cost more CPU than the query). Timestamps are Dates in a row of the
 * query itself and ISO strings inside `to_jsonb(…)`; both are accepted.
 */
export interface ContactRow {
  id: string;
  kind: ContactKind;
  name: string;
  membership_number: string | null;
  preferred_language: 'ar' | 'en';
  preferred_channel: Channel | null;
  consent_to_contact: boolean;
  survey_opt_out: boolean;
  notes: string | null;
  national_id_encrypted: string | null;
  national_id_hash: string | null;
  national_id_masked: string | null;
  search_text: string;
  merged_into_id: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

export interface ContactIdentityRow {
  id: string;
  contact_id: string;
  kind: IdentityKind;
  address: string;
  created_at: Date | string;
}

export function contactFromRow(row: ContactRow): Contact {
  return Object.assign(new Contact(), {
    id: row.id,
    kind: row.kind,
    name: row.name,
    membershipNumber: row.membership_number,
    preferredLanguage: row.preferred_language,
    preferredChannel: row.preferred_channel,
    consentToContact: row.consent_to_contact,
    surveyOptOut: row.survey_opt_out,
    notes: row.notes,
    nationalIdEncrypted: row.national_id_encrypted,
    nationalIdHash: row.national_id_hash,
    nationalIdMasked: row.national_id_masked,
    searchText: row.search_text,
    mergedIntoId: row.merged_into_id,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  });
}

export function contactIdentityFromRow(row: ContactIdentityRow): ContactIdentity {
  return Object.assign(new ContactIdentity(), {
    id: row.id,
    contactId: row.contact_id,
    kind: row.kind,
    address: row.address,
    createdAt: new Date(row.created_at),
  });
}
