import { isDefaultRule, ruleBody, ruleFormValues, validateRuleForm } from './rule-form';

const TEAM = '5f0c6f7e-3f0a-4d3e-9a55-0d6b2f1f9a01';

describe('routing rule form', () => {
  it('sends the keywords typed in Arabic as a list, leaving empty conditions out', () => {
    const values = { ...ruleFormValues(null, 'ar'), name: ' طلبات الإيجار ', keywords: 'إيجار، سكن', teamId: TEAM, priority: 'high' as const };
    expect(ruleBody(values)).toEqual({
      name: 'طلبات الإيجار',
      active: true,
      conditions: { keywords: ['إيجار', 'سكن'] },
      actions: { teamId: TEAM, priority: 'high' },
    });
    expect(validateRuleForm(values)).toEqual({});
  });

  it('round-trips a stored rule through the form', () => {
    const rule = {
      id: 'r1',
      name: 'شكاوى الأعضاء',
      position: 10,
      active: false,
      createdAt: '2026-01-01T00:00:00Z',
      conditions: { channels: ['sms' as const], types: ['complaint' as const], contactKinds: ['member' as const], keywords: ['تأخير'] },
      actions: { teamId: TEAM, tags: ['vip', 'شكوى'] },
    };
    const values = ruleFormValues(rule, 'ar');
    expect(values.tags).toBe('vip، شكوى');
    expect(ruleBody(values)).toEqual({ name: rule.name, active: false, conditions: rule.conditions, actions: rule.actions });
  });

  it('names what is wrong: short name, a one-letter keyword, no action', () => {
    const values = { ...ruleFormValues(null, 'ar'), name: 'ا', keywords: 'ب، سكن' };
    expect(validateRuleForm(values)).toEqual({ name: 'name', keywords: 'keywords', actions: 'ruleAction' });
  });

  it('knows the default rule (no conditions)', () => {
    expect(isDefaultRule({})).toBe(true);
    expect(isDefaultRule({ channels: [], keywords: [] })).toBe(true);
    expect(isDefaultRule({ keywords: ['إيجار'] })).toBe(false);
  });
});
