export const CONTACT_KINDS = ['member', 'beneficiary', 'public'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** How a person can be reached. One phone identity serves SMS, WhatsApp and calls alike. */
export const IDENTITY_KINDS = ['phone', 'email', 'facebook', 'instagram'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

export const CHANNELS = ['sms', 'whatsapp', 'email', 'phone', 'letter', 'visit', 'social', 'web', 'help_request'] as const;
export type Channel = (typeof CHANNELS)[number];
