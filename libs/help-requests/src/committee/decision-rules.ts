/**
 * Committee decisions: what each outcome must say, and how it is told to the applicant.
 * Decisions are final; a correction is a new decision that names the one it corrects.
 */
export const DECISION_OUTCOMES = ['approved', 'rejected', 'more_info'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export interface DecisionInput {
  outcome: DecisionOutcome;
  amountSar?: number | null;
  items?: string[];
  durationMonths?: number | null;
  reason?: string | null;
  infoNeeded?: string | null;
  notes?: string | null;
  correctsDecisionId?: string | null;
}

/** Problems naming the field, for a 400. */
export function decisionErrors(d: DecisionInput): string[] {
  const errors: string[] = [];
  const blank = (s: string | null | undefined) => !s || !s.trim();
  if (d.outcome === 'approved' && !(d.amountSar && d.amountSar > 0) && !d.items?.some((i) => i.trim())) {
    errors.push('amountSar or items must say what was approved');
  }
  if (d.outcome !== 'approved' && (d.amountSar != null || d.items?.length || d.durationMonths != null)) {
    errors.push('amountSar, items and durationMonths belong to an approval only');
  }
  if (d.outcome === 'rejected' && blank(d.reason)) errors.push('reason is required when the request is rejected');
  if (d.outcome === 'more_info' && blank(d.infoNeeded)) errors.push('infoNeeded must say what information is needed');
  if (d.correctsDecisionId) {
    if (d.outcome === 'more_info') errors.push('outcome of a correction must be approved or rejected');
    if (blank(d.notes)) errors.push('notes must explain the correction');
  }
  return errors;
}

const amountFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** "3,000 SAR a month for 6 months; items: food basket" — what was approved, in the applicant's language. */
export function approvalSummary(d: Pick<DecisionInput, 'amountSar' | 'items' | 'durationMonths'>, language: 'ar' | 'en'): string {
  const parts: string[] = [];
  const months = d.durationMonths ?? null;
  if (d.amountSar) {
    const amount = amountFormat.format(d.amountSar);
    if (language === 'ar')
      parts.push(months ? `مبلغ ${amount} ريال شهرياً لمدة ${months} ${months > 2 && months < 11 ? 'أشهر' : 'شهراً'}` : `مبلغ ${amount} ريال`);
    else parts.push(months ? `SAR ${amount} a month for ${months} month${months === 1 ? '' : 's'}` : `SAR ${amount}`);
  } else if (months) {
    parts.push(language === 'ar' ? `لمدة ${months} ${months > 2 && months < 11 ? 'أشهر' : 'شهراً'}` : `for ${months} month${months === 1 ? '' : 's'}`);
  }
  const items = (d.items ?? []).map((i) => i.trim()).filter(Boolean);
  if (items.length) parts.push(language === 'ar' ? `الأصناف: ${items.join('، ')}` : `items: ${items.join(', ')}`);
  return parts.join(language === 'ar' ? '؛ ' : '; ');
}
