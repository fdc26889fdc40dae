import type { TicketStatus } from '@app/tickets';

export interface ThreadCandidate {
  ticketId: string;
  contactId: string;
  status: TicketStatus;
  resolvedAt: Date | null;
  lastActivityAt: Date;
}

/**
 * The conversation a follow-up joins: the contact's most recent ticket on this channel that
 * is still active, or was resolved within the re-open window. Closed tickets are final.
 */
export function pickOpenThread(candidates: ThreadCandidate[], now: Date, reopenWindowHours: number): string | null {
  const windowStart = now.getTime() - reopenWindowHours * 3600_000;
  const eligible = candidates.filter(
    (c) =>
      c.status === 'new' ||
      c.status === 'open' ||
      c.status === 'pending' ||
      c.status === 'with_committee' ||
      (c.status === 'resolved' && (c.resolvedAt?.getTime() ?? 0) >= windowStart),
  );
  eligible.sort((a, b) => b.lastActivityAt.getTime() - a.lastActivityAt.getTime());
  return eligible[0]?.ticketId ?? null;
}

/**
 * An e-mail joins a ticket named by its headers (our own Message-IDs) or by its subject tag
 * only when the sender is that ticket's contact: a forged header pointing at a stranger's
 * ticket opens a new ticket instead. Closed tickets, and ones resolved before the window, are not re-opened.
 */
export function pickEmailThread(
  senderContactId: string,
  byHeaders: ThreadCandidate | null,
  bySubjectTag: ThreadCandidate | null,
  now: Date,
  reopenWindowHours: number,
): string | null {
  for (const candidate of [byHeaders, bySubjectTag]) {
    if (candidate && candidate.contactId === senderContactId && pickOpenThread([candidate], now, reopenWindowHours)) return candidate.ticketId;
  }
  return null;
}

/** `[#1448-000123]` anywhere in a subject (also inside "Re: رد:" prefixes). */
export function subjectTicketNumber(subject: string | undefined): string | null {
  const m = subject ? /\[#\s*(\d{4}-\d{1,9})\]/.exec(subject) : null;
  return m ? m[1] : null;
}
