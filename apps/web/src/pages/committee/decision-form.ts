import { toLatinDigits } from '../../format/digits';
import type { DecisionInput } from '../help-requests/help-request-api';

export const DECISION_OUTCOMES = ['approved', 'rejected', 'more_info'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** The decision form as typed: numbers as text (any digits), approved items one per line. */
export interface DecisionFormValues {
  outcome: DecisionOutcome;
  amountSar: string;
  durationMonths: string;
  items: string;
  reason: string;
  infoNeeded: string;
  notes: string;
}

export const emptyDecision = (): DecisionFormValues => ({
  outcome: 'approved',
  amountSar: '',
  durationMonths: '',
  items: '',
  reason: '',
  infoNeeded: '',
  notes: '',
});

const number = (text: string): number | undefined => {
  const v = toLatinDigits(text)
    .replace(/[,٬\s]/g, '')
    .replace('٫', '.');
  return v && Number.isFinite(Number(v)) ? Number(v) : undefined;
};
const text = (value: string): string | undefined => value.trim() || undefined;

/**
 * What the api takes for the chosen outcome, and nothing of the others (the api refuses an amount on a rejection).
 * Whether it is enough (a reason for a rejection…) is the api's call: its 400 names the field.
 */
export function decisionBody(form: DecisionFormValues): DecisionInput {
  const notes = text(form.notes);
  const common = notes ? { notes } : {};
  if (form.outcome === 'rejected') return { outcome: 'rejected', reason: form.reason.trim(), ...common };
  if (form.outcome === 'more_info') return { outcome: 'more_info', infoNeeded: form.infoNeeded.trim(), ...common };
  const amountSar = number(form.amountSar);
  const durationMonths = number(form.durationMonths);
  const items = form.items
    .split('\n')
    .map((i) => i.trim())
    .filter(Boolean);
  return {
    outcome: 'approved',
    ...(amountSar !== undefined ? { amountSar } : {}),
    ...(durationMonths !== undefined ? { durationMonths } : {}),
    ...(items.length ? { items } : {}),
    ...common,
  };
}
