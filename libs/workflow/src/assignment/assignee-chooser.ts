export const ASSIGNMENT_MODES = ['manual', 'round_robin', 'least_loaded'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

export interface OfficerCandidate {
  userId: string;
  active: boolean;
  available: boolean;
  /** Has the skill the ticket's category requires (true when none is required). */
  skilled: boolean;
  openTickets: number;
}

/**
 * Who gets a new ticket of a team: only active, available, skilled officers under the maximum
 * load. Round robin goes to the next officer after the last one assigned (in a stable order);
 * least loaded to the one with the fewest open tickets. Null: the ticket waits in the shared queue.
 */
export function chooseAssignee(
  mode: AssignmentMode,
  candidates: OfficerCandidate[],
  maxOpen: number,
  lastAssignedUserId: string | null,
): string | null {
  if (mode === 'manual') return null;
  const eligible = candidates
    .filter((c) => c.active && c.available && c.skilled && c.openTickets < maxOpen)
    .sort((a, b) => a.userId.localeCompare(b.userId));
  if (!eligible.length) return null;
  if (mode === 'least_loaded') {
    return [...eligible].sort((a, b) => a.openTickets - b.openTickets || a.userId.localeCompare(b.userId))[0].userId;
  }
  const next = eligible.find((c) => lastAssignedUserId !== null && c.userId > lastAssignedUserId);
  return (next ?? eligible[0]).userId;
}
