import { allowedNextStatuses, checkTransition } from './ticket-transitions.js';

describe('ticket status transitions', () => {
  it.each([
    ['new', 'open', 'manual'],
    ['new', 'open', 'reply'],
    ['open', 'pending', 'manual'],
    ['pending', 'open', 'inbound'],
    ['open', 'resolved', 'resolve'],
    ['resolved', 'open', 'inbound'],
    ['resolved', 'closed', 'manual'],
    ['open', 'with_committee', 'handoff'],
    ['with_committee', 'resolved', 'committee_decision'],
    ['with_committee', 'open', 'committee_decision'],
  ] as const)('allows %s → %s through %s', (from, to, cause) => {
    expect(checkTransition(from, to, cause)).toEqual({ allowed: true });
  });

  it.each([
    ['open', 'with_committee', 'manual', 'only through the committee hand-off'],
    ['with_committee', 'resolved', 'manual', 'only through a committee decision'],
    ['closed', 'open', 'manual', 'a closed ticket cannot change'],
    ['resolved', 'pending', 'manual', 'a resolved ticket cannot become pending'],
    ['open', 'open', 'manual', 'already open'],
    ['open', 'new', 'manual', 'a open ticket cannot become new'],
  ] as const)('refuses %s → %s through %s with a reason', (from, to, cause, reason) => {
    const check = checkTransition(from, to, cause);
    expect(check.allowed).toBe(false);
    expect(check.allowed === false && check.reason).toContain(reason);
  });

  it('lists what an officer may choose next', () => {
    expect(allowedNextStatuses('open')).toEqual(['pending', 'resolved', 'closed']);
    expect(allowedNextStatuses('with_committee')).toEqual([]);
    expect(allowedNextStatuses('closed')).toEqual([]);
  });
});
