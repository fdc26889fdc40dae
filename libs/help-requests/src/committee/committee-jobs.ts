/** Jobs on the `committee` queue. Payloads carry a version: jobs outlive deploys. */
export const PLACE_ON_BOARD_JOB = 'place-on-board';
export const STUDY_OVERDUE_JOB = 'study-overdue';

export interface CommitteeJob {
  version: 1;
  helpRequestId: string;
  /** The hand-off round; a job of an older round does nothing. */
  round: number;
}

/** Deterministic ids (no `:`, not all digits): a repeated hand-off or a retried job never queues twice. */
export const boardJobId = (helpRequestId: string, round: number): string => `committee-board-${helpRequestId}-r${round}`;
export const overdueJobId = (helpRequestId: string, round: number): string => `committee-overdue-${helpRequestId}-r${round}`;

export function parseCommitteeJob(data: unknown): CommitteeJob | null {
  const d = data as Partial<CommitteeJob> | null;
  if (!d || d.version !== 1 || typeof d.helpRequestId !== 'string' || !Number.isInteger(d.round) || (d.round as number) < 1) return null;
  return { version: 1, helpRequestId: d.helpRequestId, round: d.round as number };
}
