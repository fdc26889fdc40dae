import { policyScope, slaBody, slaFormValues, validateSlaForm, workingDuration } from './sla-form';

describe('SLA policy form', () => {
  it('sends "any priority" and "any type" as null, and numbers typed in Arabic-Indic digits as numbers', () => {
    const values = {
      ...slaFormValues(null),
      name: 'الشكاوى العاجلة',
      ticketType: 'complaint' as const,
      firstResponseMinutes: '٣٠',
      resolutionMinutes: '٤٨٠',
    };
    expect(validateSlaForm(values)).toEqual({});
    expect(slaBody(values)).toEqual({
      name: 'الشكاوى العاجلة',
      priority: null,
      ticketType: 'complaint',
      firstResponseMinutes: 30,
      resolutionMinutes: 480,
      escalationStepMinutes: 60,
      active: true,
    });
  });

  it('refuses zero or text durations and a resolution shorter than the first response', () => {
    const values = { ...slaFormValues(null), name: 'سياسة', firstResponseMinutes: '0', resolutionMinutes: 'ساعة', escalationStepMinutes: '' };
    expect(validateSlaForm(values)).toEqual({ firstResponseMinutes: 'minutes', resolutionMinutes: 'minutes', escalationStepMinutes: 'minutes' });
    expect(validateSlaForm({ ...values, firstResponseMinutes: '120', resolutionMinutes: '60', escalationStepMinutes: '60' })).toEqual({
      resolutionMinutes: 'resolutionBeforeResponse',
    });
  });

  it('shows working minutes as hours and minutes', () => {
    expect(workingDuration(150)).toEqual({ hours: 2, minutes: 30 });
    expect(workingDuration(2400)).toEqual({ hours: 40, minutes: 0 });
    expect(workingDuration(0.5)).toEqual({ hours: 0, minutes: 1 });
  });

  it('names the scope of a policy', () => {
    expect(policyScope({ priority: 'urgent', ticketType: 'complaint' })).toBe('both');
    expect(policyScope({ priority: 'urgent', ticketType: null })).toBe('priority');
    expect(policyScope({ priority: null, ticketType: 'inquiry' })).toBe('type');
    expect(policyScope({ priority: null, ticketType: null })).toBe('default');
  });
});
