/** Who lives with the applicant. Stored on the help request and, once registered, on the beneficiary file. */
export const HOUSEHOLD_RELATIONS = [
  'spouse',
  'son',
  'daughter',
  'father',
  'mother',
  'brother',
  'sister',
  'grandparent',
  'grandchild',
  'other',
] as const;
export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];

/** As kept in jsonb: a member's national ID only encrypted, with its keyed hash (duplicates, look-ups) and masked form (display). */
export interface HouseholdMemberRecord {
  /** Stable within the household, so a re-sent member can keep what the api never shows in full (the national ID). */
  id: string;
  name: string;
  relation: HouseholdRelation;
  birthDate: string | null;
  nationalIdEncrypted: string | null;
  nationalIdHash: string | null;
  nationalIdMasked: string | null;
  monthlyIncomeSar: number | null;
  notes: string | null;
}

/**
 * As an officer or the applicant types it. A member sent with the `id` of a saved member keeps that
 * member's stored national ID unless a new one is given (`nationalId`) or it is removed (`nationalId: null`).
 */
export interface HouseholdMemberInput {
  id?: string;
  name: string;
  relation: HouseholdRelation;
  birthDate?: string | null;
  nationalId?: string | null;
  monthlyIncomeSar?: number | null;
  notes?: string | null;
}
