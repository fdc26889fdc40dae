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
  name: string;
  relation: HouseholdRelation;
  birthDate: string | null;
  nationalIdEncrypted: string | null;
  nationalIdHash: string | null;
  nationalIdMasked: string | null;
  monthlyIncomeSar: number | null;
  notes: string | null;
}

/** As an officer or the applicant types it. */
export interface HouseholdMemberInput {
  name: string;
  relation: HouseholdRelation;
  birthDate?: string | null;
  nationalId?: string | null;
  monthlyIncomeSar?: number | null;
  notes?: string | null;
}
