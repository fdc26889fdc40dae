import { pickRule, type RoutingFacts, type RoutingRuleSpec } from './routing-rules.js';

const facts = (over: Partial<RoutingFacts> = {}): RoutingFacts => ({
  channel: 'sms',
  type: 'inquiry',
  categoryId: null,
  contactKind: 'public',
  text: '',
  ...over,
});
const rule = (id: string, conditions: RoutingRuleSpec['conditions']): RoutingRuleSpec => ({
  id,
  name: id,
  conditions,
  actions: { teamId: `team-${id}` },
});

const rules = [
  rule('help', { types: ['help_request'] }),
  rule('members', { contactKinds: ['member'] }),
  rule('rent', { keywords: ['إيجار', 'سكن'] }),
  rule('complaint-email', { channels: ['email'], types: ['complaint'] }),
  rule('default', {}),
];

describe('routing rules', () => {
  it.each([
    [facts({ type: 'help_request' }), 'help'],
    [facts({ contactKind: 'member', type: 'help_request' }), 'help'],
    [facts({ contactKind: 'member' }), 'members'],
    [facts({ text: 'أريد مساعدة في الايجار' }), 'rent'],
    [facts({ text: 'مشكلة في السَّكن' }), 'rent'],
    [facts({ channel: 'email', type: 'complaint' }), 'complaint-email'],
    [facts({ channel: 'sms', type: 'complaint' }), 'default'],
    [facts({ text: 'سؤال عام' }), 'default'],
  ])('%j → %s (first match wins)', (f, expected) => {
    expect(pickRule(rules, f)?.id).toBe(expected);
  });

  it('matches categories and returns nothing without a default', () => {
    const r = [rule('cat', { categoryIds: ['c1'] })];
    expect(pickRule(r, facts({ categoryId: 'c1' }))?.id).toBe('cat');
    expect(pickRule(r, facts({ categoryId: null }))).toBeNull();
  });
});
