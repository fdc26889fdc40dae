import { moveRule } from './rule-order';

const rules = [
  { id: 'a', position: 10, name: 'الإيجار' },
  { id: 'b', position: 20, name: 'الشكاوى' },
  { id: 'c', position: 30, name: 'الافتراضي' },
];

describe('moveRule', () => {
  it('moves a rule up', () => {
    expect(moveRule(rules, 'b', 'up')!.map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });

  it('moves a rule down, keeping the other fields', () => {
    expect(moveRule(rules, 'a', 'down')!.map((r) => [r.id, r.position, r.name])).toEqual([
      ['b', 10, 'الشكاوى'],
      ['a', 20, 'الإيجار'],
      ['c', 30, 'الافتراضي'],
    ]);
  });

  it('cannot move past either end, or a rule that is not listed', () => {
    expect(moveRule(rules, 'a', 'up')).toBeNull();
    expect(moveRule(rules, 'c', 'down')).toBeNull();
    expect(moveRule(rules, 'zz', 'up')).toBeNull();
  });

  it('renumbers tied or unordered positions so the new order is unambiguous', () => {
    const tied = [
      { id: 'x', position: 5 },
      { id: 'y', position: 5 },
      { id: 'z', position: 1 },
    ];
    expect(moveRule(tied, 'x', 'down')).toEqual([
      { id: 'z', position: 10 },
      { id: 'y', position: 20 },
      { id: 'x', position: 30 },
    ]);
  });
});
