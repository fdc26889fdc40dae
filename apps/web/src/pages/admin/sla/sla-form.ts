import type { TicketPriority, TicketType } from '../../../api/views';
import type { SlaPolicy } from '../admin-api';
import { parseTypedNumber } from '../number-input';

const MAX_MINUTES = 60 * 24 * 365;

/** What the SLA policy form edits; durations as typed (working minutes). */
export interface SlaFormValues {
  name: string;
  priority: TicketPriority | '';
  ticketType: TicketType | '';
  firstResponseMinutes: string;
  resolutionMinutes: string;
  escalationStepMinutes: string;
  active: boolean;
}

export type SlaFormErrors = Partial<
  Record<'name' | 'firstResponseMinutes' | 'resolutionMinutes' | 'escalationStepMinutes', 'name' | 'minutes' | 'resolutionBeforeResponse'>
>;

export function slaFormValues(policy: SlaPolicy | null): SlaFormValues {
  return {
    name: policy?.name ?? '',
    priority: (policy?.priority as TicketPriority | null) ?? '',
    ticketType: (policy?.ticketType as TicketType | null) ?? '',
    firstResponseMinutes: String(policy?.firstResponseMinutes ?? 120),
    resolutionMinutes: String(policy?.resolutionMinutes ?? 2400),
    escalationStepMinutes: String(policy?.escalationStepMinutes ?? 60),
    active: policy?.active ?? true,
  };
}

const minutesOk = (n: number | null): n is number => n !== null && n >= 0.05 && n <= MAX_MINUTES;

export function validateSlaForm(values: SlaFormValues): SlaFormErrors {
  const errors: SlaFormErrors = {};
  const name = values.name.trim();
  if (name.length < 2 || name.length > 120) errors.name = 'name';
  const first = parseTypedNumber(values.firstResponseMinutes);
  const resolution = parseTypedNumber(values.resolutionMinutes);
  if (!minutesOk(first)) errors.firstResponseMinutes = 'minutes';
  if (!minutesOk(resolution)) errors.resolutionMinutes = 'minutes';
  else if (minutesOk(first) && resolution < first) errors.resolutionMinutes = 'resolutionBeforeResponse';
  if (!minutesOk(parseTypedNumber(values.escalationStepMinutes))) errors.escalationStepMinutes = 'minutes';
  return errors;
}

/** The body of POST / PATCH /api/v1/sla-policies; an empty priority or type is null ("any"). Call after validating. */
export function slaBody(values: SlaFormValues) {
  return {
    name: values.name.trim(),
    priority: values.priority || null,
    ticketType: values.ticketType || null,
    firstResponseMinutes: parseTypedNumber(values.firstResponseMinutes) ?? 0,
    resolutionMinutes: parseTypedNumber(values.resolutionMinutes) ?? 0,
    escalationStepMinutes: parseTypedNumber(values.escalationStepMinutes) ?? 0,
    active: values.active,
  };
}

/** Working minutes as whole hours and the minutes left over, for "2 h 30 min" beside the number. */
export function workingDuration(minutes: number): { hours: number; minutes: number } {
  const rounded = Math.round(minutes);
  return { hours: Math.floor(rounded / 60), minutes: rounded % 60 };
}

/** Which tickets a policy covers, most specific first (the order the api picks policies in). */
export function policyScope(policy: Pick<SlaPolicy, 'priority' | 'ticketType'>): 'both' | 'priority' | 'type' | 'default' {
  if (policy.priority && policy.ticketType) return 'both';
  if (policy.priority) return 'priority';
  if (policy.ticketType) return 'type';
  return 'default';
}
