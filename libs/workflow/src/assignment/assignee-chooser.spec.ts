import { chooseAssignee, type OfficerCandidate } from './assignee-chooser.js';

const o = (userId: string, openTickets = 0, over: Partial<OfficerCandidate> = {}): OfficerCandidate => ({
  userId,
  active: true,
  available: true,
  skilled: true,
  openTickets,
  ...over,
});

describe('chooseAssignee', () => {
  it('leaves manual teams to the shared queue', () => {
    expect(chooseAssignee('manual', [o('a')], 10, null)).toBeNull();
  });

  it('rotates round robin after the last assignee, wrapping around', () => {
    const team = [o('c'), o('a'), o('b')];
    expect(chooseAssignee('round_robin', team, 10, null)).toBe('a');
    expect(chooseAssignee('round_robin', team, 10, 'a')).toBe('b');
    expect(chooseAssignee('round_robin', team, 10, 'b')).toBe('c');
    expect(chooseAssignee('round_robin', team, 10, 'c')).toBe('a');
    expect(chooseAssignee('round_robin', team, 10, 'gone-user')).toBe('a');
  });

  it('gives least loaded to the officer with fewest open tickets', () => {
    expect(chooseAssignee('least_loaded', [o('a', 5), o('b', 2), o('c', 2)], 10, null)).toBe('b');
  });

  it('skips officers who are away, inactive, unskilled or full', () => {
    const team = [o('a', 0, { available: false }), o('b', 0, { active: false }), o('c', 0, { skilled: false }), o('d', 10), o('e', 9)];
    expect(chooseAssignee('least_loaded', team, 10, null)).toBe('e');
    expect(chooseAssignee('round_robin', team.slice(0, 4), 10, null)).toBeNull();
  });
});
