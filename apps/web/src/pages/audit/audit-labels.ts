/** `auth.login` → the i18n key `audit.actions.auth.login`; null for action names the console does not know yet. */
export function auditActionKey(action: string): string | null {
  return /^[a-z_]+\.[a-z_]+$/.test(action) ? `audit.actions.${action}` : null;
}

/** A short, readable form of an id for tables (the full id stays in the title). */
export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}
