/** Job names of the `surveys` queue and their payloads. Payloads carry a version: jobs outlive deploys. */
export const SEND_INVITATION_JOB = 'send-invitation';
export const SEND_REMINDER_JOB = 'send-reminder';
export const OPEN_RECOVERY_JOB = 'open-recovery';

export interface SendInvitationJob {
  version: 1;
  ticketId: string;
  /** The officer assigned when the ticket was resolved (captured before any later reassignment). */
  assigneeId: string | null;
}

export interface SendReminderJob {
  version: 1;
  invitationId: string;
}

export interface OpenRecoveryJob {
  version: 1;
  responseId: string;
}

export type SurveyJob =
  | { name: typeof SEND_INVITATION_JOB; data: SendInvitationJob }
  | { name: typeof SEND_REMINDER_JOB; data: SendReminderJob }
  | { name: typeof OPEN_RECOVERY_JOB; data: OpenRecoveryJob };

// BullMQ refuses ids containing ':' or made only of digits; these are prefixed uuids.
export const invitationJobId = (ticketId: string): string => `survey-${ticketId}`;
export const reminderJobId = (ticketId: string): string => `survey-reminder-${ticketId}`;
export const recoveryJobId = (responseId: string): string => `survey-recovery-${responseId}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates a job as it comes out of Redis; throws (a permanent failure) on anything it does not know. */
export function parseSurveyJob(name: string, data: unknown): SurveyJob {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const uuid = (field: string): string => {
    const v = d[field];
    if (typeof v !== 'string' || !UUID.test(v)) throw new Error(`${name} job: ${field} must be a uuid`);
    return v;
  };
  if (d.version !== 1) throw new Error(`${name} job: unknown payload version ${String(d.version)}`);
  switch (name) {
    case SEND_INVITATION_JOB: {
      const assigneeId = d.assigneeId === null || d.assigneeId === undefined ? null : uuid('assigneeId');
      return { name, data: { version: 1, ticketId: uuid('ticketId'), assigneeId } };
    }
    case SEND_REMINDER_JOB:
      return { name, data: { version: 1, invitationId: uuid('invitationId') } };
    case OPEN_RECOVERY_JOB:
      return { name, data: { version: 1, responseId: uuid('responseId') } };
    default:
      throw new Error(`unknown surveys job ${name}`);
  }
}
