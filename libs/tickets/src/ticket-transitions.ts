import type { TicketStatus } from './ticket-vocabulary.js';

/** How a status change was asked for; some moves are only allowed through their own action. */
export type TransitionCause = 'manual' | 'reply' | 'inbound' | 'handoff' | 'committee_decision' | 'resolve';

interface Rule {
  to: TicketStatus;
  via?: TransitionCause[];
}

/**
 * Every allowed status change. Anything not listed is refused with a reason:
 * - a ticket reaches the committee only through the hand-off, and leaves it only through a decision
 *   (or "more information needed", which returns it to the officer);
 * - a closed ticket is final: a new message opens a new ticket.
 */
const RULES: Record<TicketStatus, Rule[]> = {
  new: [{ to: 'open' }, { to: 'pending' }, { to: 'resolved' }, { to: 'closed', via: ['manual'] }, { to: 'with_committee', via: ['handoff'] }],
  open: [{ to: 'pending' }, { to: 'resolved' }, { to: 'closed', via: ['manual'] }, { to: 'with_committee', via: ['handoff'] }],
  pending: [{ to: 'open' }, { to: 'resolved' }, { to: 'closed', via: ['manual'] }, { to: 'with_committee', via: ['handoff'] }],
  with_committee: [
    { to: 'open', via: ['committee_decision'] },
    { to: 'resolved', via: ['committee_decision'] },
  ],
  resolved: [{ to: 'open', via: ['manual', 'inbound', 'reply'] }, { to: 'closed' }],
  closed: [],
};

export type TransitionCheck = { allowed: true } | { allowed: false; reason: string };

export function checkTransition(from: TicketStatus, to: TicketStatus, cause: TransitionCause): TransitionCheck {
  if (from === to) return { allowed: false, reason: `the ticket is already ${to}` };
  const rule = RULES[from].find((r) => r.to === to);
  if (!rule) {
    if (from === 'closed') return { allowed: false, reason: 'a closed ticket cannot change; a new message opens a new ticket' };
    return { allowed: false, reason: `a ${from} ticket cannot become ${to}` };
  }
  if (rule.via && !rule.via.includes(cause)) {
    const how: Record<TransitionCause, string> = {
      manual: 'a status change',
      reply: 'a reply',
      inbound: 'a new message',
      handoff: 'the committee hand-off',
      committee_decision: 'a committee decision',
      resolve: 'resolving it',
    };
    return { allowed: false, reason: `a ${from} ticket becomes ${to} only through ${rule.via.map((v) => how[v]).join(' or ')}` };
  }
  return { allowed: true };
}

export function allowedNextStatuses(from: TicketStatus, cause: TransitionCause = 'manual'): TicketStatus[] {
  return RULES[from].filter((r) => !r.via || r.via.includes(cause)).map((r) => r.to);
}
