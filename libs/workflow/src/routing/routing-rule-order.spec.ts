import { ruleOrderProblem } from './routing-rule-order.js';

describe('a new order of the routing rules', () => {
  const existing = ['a', 'b', 'c'];

  it('is accepted when it names every rule once, in any order', () => {
    expect(ruleOrderProblem(existing, ['c', 'a', 'b'])).toBeNull();
    expect(ruleOrderProblem([], [])).toBeNull();
  });

  it('names the unknown, repeated and missing rules', () => {
    expect(ruleOrderProblem(existing, ['a', 'b'])).toBe('ids must list every routing rule exactly once (missing: c)');
    expect(ruleOrderProblem(existing, ['a', 'b', 'c', 'z'])).toBe('ids must list every routing rule exactly once (not a routing rule: z)');
    expect(ruleOrderProblem(existing, ['a', 'a', 'b', 'x'])).toBe(
      'ids must list every routing rule exactly once (not a routing rule: x; listed more than once: a; missing: c)',
    );
  });
});
