import type { ChecklistItem, HelpRequestView } from './help-request-api';

/** The intake wizard's steps, in order; the URL carries the step's name (`?step=documents`). */
export const WIZARD_STEPS = ['service', 'applicant', 'documents', 'checklist', 'verification', 'declaration', 'handoff'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

const STEP_OF_CODE: Record<string, WizardStep> = {
  description_missing: 'service',
  field_missing: 'service',
  field_invalid: 'service',
  applicant_name_missing: 'applicant',
  national_id_missing: 'applicant',
  national_id_invalid: 'applicant',
  household_member_incomplete: 'applicant',
  household_national_id_invalid: 'applicant',
  household_birth_date_invalid: 'applicant',
  household_duplicate: 'applicant',
  household_member_is_applicant: 'applicant',
  document_missing: 'documents',
  document_expiry_missing: 'documents',
  document_expired: 'documents',
  document_mismatch: 'verification',
  document_unverified: 'verification',
  declaration_missing: 'declaration',
  declaration_outdated: 'declaration',
};

/** The step where the officer fixes what a checklist item (or a 422 `missing` entry) names. */
export function stepOf(item: Pick<ChecklistItem, 'code'>): WizardStep {
  return STEP_OF_CODE[item.code] ?? 'checklist';
}

export function stepIndex(step: WizardStep): number {
  return WIZARD_STEPS.indexOf(step);
}

export function parseStep(value: string | null): WizardStep | null {
  return WIZARD_STEPS.find((s) => s === value) ?? null;
}

/** Whether the intake can still be changed: not while the committee studies it or after its decision. */
export function isEditable(view: Pick<HelpRequestView, 'status'>): boolean {
  return view.status === 'intake' || view.status === 'awaiting_info';
}

/**
 * Where a resumed application opens: the earliest step with something to do, or the hand-off once nothing
 * blocks it (and always the hand-off for a request the committee has).
 */
export function resumeStep(view: Pick<HelpRequestView, 'status' | 'blockers'>): WizardStep {
  if (!isEditable(view)) return 'handoff';
  const steps = view.blockers.map((b) => stepIndex(stepOf(b)));
  return steps.length ? WIZARD_STEPS[Math.min(...steps)]! : 'handoff';
}

/** What a step still has to settle, from the list the api gave (blockers, or a 422's `missing`). */
export function itemsOfStep(items: readonly ChecklistItem[], step: WizardStep): ChecklistItem[] {
  return items.filter((item) => stepOf(item) === step);
}
