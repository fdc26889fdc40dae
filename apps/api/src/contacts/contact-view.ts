import type { Contact } from '@app/contacts';

export interface ContactView {
  id: string;
  name: string;
  kind: string;
  membershipNumber: string | null;
  preferredLanguage: string;
  preferredChannel: string | null;
  consentToContact: boolean;
  surveyOptOut: boolean;
  notes: string | null;
  /** Masked (1••••••••8); the full number only through the audited reveal call. */
  nationalId: string | null;
  identities: { kind: string; address: string }[];
  mergedIntoId: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toContactView(c: Contact): ContactView {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    membershipNumber: c.membershipNumber,
    preferredLanguage: c.preferredLanguage,
    preferredChannel: c.preferredChannel,
    consentToContact: c.consentToContact,
    surveyOptOut: c.surveyOptOut,
    notes: c.notes,
    nationalId: c.nationalIdMasked,
    identities: (c.identities ?? [])
      .map((i) => ({ kind: i.kind, address: i.address }))
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.address.localeCompare(b.address)),
    mergedIntoId: c.mergedIntoId,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
