/**
 * Where to go after signing in. Only a path inside the console is accepted (no `//host`,
 * no scheme, no backslash tricks), so the sign-in link cannot send anyone elsewhere.
 */
export const HOME_PATH = '/queue';
export const SIGN_IN_PATH = '/sign-in';

export function safeReturnPath(candidate: string | null | undefined): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) return HOME_PATH;
  if ([...candidate].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '\u007f')) return HOME_PATH;
  const path = candidate.split(/[?#]/, 1)[0] ?? '';
  if (path === SIGN_IN_PATH || path.startsWith(`${SIGN_IN_PATH}/`)) return HOME_PATH;
  return candidate;
}

/** `/sign-in?next=<current route>` */
export function signInPathFor(current: string, reason?: 'expired'): string {
  const params = new URLSearchParams();
  const next = safeReturnPath(current);
  if (next !== HOME_PATH) params.set('next', next);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return query ? `${SIGN_IN_PATH}?${query}` : SIGN_IN_PATH;
}
