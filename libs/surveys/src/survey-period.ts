import { DomainError } from '@app/common';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Asia/Riyadh has no daylight saving time: always UTC+3. */
const RIYADH_OFFSET_MS = 3 * 3600_000;
const DAY_MS = 86_400_000;

/**
 * A report bound from the query string. A date alone is a whole day in Riyadh time: as `from`
 * it starts at that day's midnight, as `to` it includes the whole day. A date-time is taken as
 * given. Throws a 400 naming the field.
 */
export function periodBound(value: string | undefined, edge: 'from' | 'to'): Date | undefined {
  if (value === undefined || value === '') return undefined;
  if (DATE_ONLY.test(value)) {
    const utcMidnight = new Date(`${value}T00:00:00Z`);
    // Rejects impossible dates such as 2025-02-30 instead of rolling them over.
    if (Number.isNaN(utcMidnight.getTime()) || utcMidnight.toISOString().slice(0, 10) !== value) throw badBound(edge, value);
    const riyadhMidnight = utcMidnight.getTime() - RIYADH_OFFSET_MS;
    return new Date(edge === 'from' ? riyadhMidnight : riyadhMidnight + DAY_MS);
  }
  const at = new Date(value);
  if (!DATE_TIME.test(value) || Number.isNaN(at.getTime())) throw badBound(edge, value);
  return at;
}

function badBound(edge: string, value: string): DomainError {
  return new DomainError('invalid_input', `${edge} must be a date (YYYY-MM-DD) or an ISO 8601 date-time; got ${JSON.stringify(value)}`);
}
