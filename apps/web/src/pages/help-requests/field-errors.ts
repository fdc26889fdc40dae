import { ApiError } from '../../api/api-error';

/**
 * The api's 400 names each field at the start of its part of the message, parts joined by "; "
 * (`nationalId has a wrong check digit; household.0.name should not be empty`). This splits it by field path,
 * so a form can show each problem under its own input.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const out: Record<string, string> = {};
  for (const part of error.message.split('; ')) {
    const match = /^([A-Za-z][\w.]*)(?::\s*|\s+)/.exec(part);
    if (match?.[1] && !(match[1] in out)) out[match[1]] = part;
  }
  return out;
}

/** The 422 of a hand-off (or a declaration) lists what stops it under `missing`. */
export function missingItems<T>(error: unknown): T[] | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const missing = error.details['missing'];
  return Array.isArray(missing) ? (missing as T[]) : null;
}
