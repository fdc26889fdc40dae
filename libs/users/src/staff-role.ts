export const STAFF_ROLES = ['officer', 'supervisor', 'committee', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const LANGUAGES = ['ar', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const AVAILABILITIES = ['available', 'away', 'offline'] as const;
export type Availability = (typeof AVAILABILITIES)[number];
