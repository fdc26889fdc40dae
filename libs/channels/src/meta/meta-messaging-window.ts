/** Meta's standard messaging window: any reply, automatic ones included, within 24 h of the person's last message. */
const META_STANDARD_WINDOW_MS = 24 * 3600_000;
/** The HUMAN_AGENT tag lets a person (never an automation) answer for up to 7 days (REFERENCE §2.3). */
const META_HUMAN_AGENT_WINDOW_MS = 7 * 24 * 3600_000;

export type MetaSendMode = { messagingType: 'RESPONSE' } | { messagingType: 'MESSAGE_TAG'; tag: 'HUMAN_AGENT' };
export type MetaSendDecision = ({ allowed: true } & MetaSendMode) | { allowed: false; reason: string };

/**
 * How (and whether) a message may go to someone on Messenger / Instagram:
 * - within 24 h of their last message: `RESPONSE`, for officers and automatic messages alike;
 * - 24 h – 7 days: only an officer's reply, tagged `MESSAGE_TAG` + `HUMAN_AGENT`. Meta forbids the
 *   tag on automated messages, so acknowledgements and surveys are refused there;
 * - after 7 days, or if they never wrote: refused, with the reason kept on the message.
 */
export function metaSendDecision(input: { lastInboundAt: Date | null; now: Date; fromOfficer: boolean }): MetaSendDecision {
  if (!input.lastInboundAt) {
    return {
      allowed: false,
      reason: 'Meta allows messages only to people who wrote to the page first; this contact has no Messenger/Instagram message on record',
    };
  }
  const age = input.now.getTime() - input.lastInboundAt.getTime();
  if (age < META_STANDARD_WINDOW_MS) return { allowed: true, messagingType: 'RESPONSE' };
  const since = input.lastInboundAt.toISOString().slice(0, 16).replace('T', ' ');
  if (age >= META_HUMAN_AGENT_WINDOW_MS) {
    return {
      allowed: false,
      reason: `outside Meta’s 7-day window: the contact last wrote on Messenger/Instagram at ${since} UTC; reply on another channel or wait until they write again`,
    };
  }
  if (!input.fromOfficer) {
    return {
      allowed: false,
      reason: `automatic messages may go out on Messenger/Instagram only within 24 hours of the contact’s last message (${since} UTC)`,
    };
  }
  return { allowed: true, messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
}
