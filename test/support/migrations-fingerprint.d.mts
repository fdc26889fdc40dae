export function migrationsFingerprint(): string;
export const TEMPLATE_PREFIX: string;
