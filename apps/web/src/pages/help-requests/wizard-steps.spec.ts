import type { ChecklistItem } from './help-request-api';
import { itemsOfStep, parseStep, resumeStep, stepOf } from './wizard-steps';

const item = (code: string, extra: Partial<ChecklistItem> = {}): ChecklistItem => ({ code, message: code, ...extra });

describe('intake wizard steps', () => {
  it('sends each checklist item to the step where the officer fixes it', () => {
    expect(stepOf(item('national_id_invalid'))).toBe('applicant');
    expect(stepOf(item('household_duplicate'))).toBe('applicant');
    expect(stepOf(item('field_missing'))).toBe('service');
    expect(stepOf(item('document_expired'))).toBe('documents');
    expect(stepOf(item('document_unverified'))).toBe('verification');
    expect(stepOf(item('declaration_outdated'))).toBe('declaration');
    // A code this console does not know yet still lands somewhere the officer sees it.
    expect(stepOf(item('something_new'))).toBe('checklist');
  });

  it('resumes a draft at the earliest step with work left, and at the hand-off when nothing blocks it', () => {
    expect(resumeStep({ status: 'intake', blockers: [item('declaration_missing'), item('document_missing')] })).toBe('documents');
    expect(resumeStep({ status: 'intake', blockers: [] })).toBe('handoff');
    expect(resumeStep({ status: 'awaiting_info', blockers: [item('description_missing')] })).toBe('service');
    expect(resumeStep({ status: 'with_committee', blockers: [item('document_missing')] })).toBe('handoff');
  });

  it('reads the step from the URL, ignoring anything else', () => {
    expect(parseStep('verification')).toBe('verification');
    expect(parseStep('3')).toBeNull();
    expect(parseStep(null)).toBeNull();
  });

  it('lists what a 422 names under the step that fixes it', () => {
    const missing = [item('document_missing', { documentType: 'family_record' }), item('declaration_missing'), item('document_unverified')];
    expect(itemsOfStep(missing, 'documents').map((m) => m.documentType)).toEqual(['family_record']);
    expect(itemsOfStep(missing, 'applicant')).toEqual([]);
  });
});
