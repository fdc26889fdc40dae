export const STAFF_ROLES = ['officer', 'supervisor', 'committee', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const LANGUAGES = ['ar', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
