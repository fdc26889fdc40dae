import type { Channel, IdentityKind } from '@app/contacts';
import type { TicketStatus, TicketType } from '@app/tickets';

/** The tag that marks a service-recovery follow-up: an internal task, never surveyed itself. */
export const RECOVERY_TAG = 'survey-recovery';

export interface SurveyTicketFacts {
  status: TicketStatus;
  resolvedAt: Date | null;
  channel: Channel;
  type: TicketType;
  tags: readonly string[];
}

export interface SurveyContactFacts {
  surveyOptOut: boolean;
  preferredChannel: Channel | null;
  identities: readonly { kind: IdentityKind; address: string }[];
}

export interface SurveyPolicy {
  enabled: boolean;
  channels: readonly Channel[];
  ticketTypes: readonly TicketType[];
}

export interface WhatsAppFacts {
  /** The contact wrote on WhatsApp within the last 24 hours: free text is allowed. */
  windowOpen: boolean;
  /** The approved template of the invitation (Twilio ContentSid), when the association has one. */
  templateContentSid: string | null;
}

export interface SurveyFacts {
  ticket: SurveyTicketFacts;
  contact: SurveyContactFacts;
  policy: SurveyPolicy;
  /** An invitation for this ticket has already gone out. */
  alreadySent: boolean;
  whatsapp: WhatsAppFacts;
}

/** How the invitation travels: stored as `via` on the invitation, turned into message meta for OutboundDeliveryService. */
export type SurveyDelivery =
  /** The ticket's own channel, routed as any reply (sms, whatsapp within the window, email, social, web forms). */
  | { method: 'channel'; via: 'sms' | 'whatsapp' | 'email' | 'social' }
  /** WhatsApp outside the 24-hour window: the approved template. */
  | { method: 'whatsapp_template'; via: 'whatsapp_template'; contentSid: string }
  /** Another of the contact's channels (letters, visits, WhatsApp without a template, a missing address). */
  | { method: 'reply_via'; via: 'sms' | 'email'; replyVia: 'sms' | 'email' };

export const SURVEY_SKIP_REASONS = [
  'not_resolved',
  'internal_ticket',
  'disabled',
  'channel_disabled',
  'type_disabled',
  'already_sent',
  'opted_out',
  'unreachable',
] as const;
export type SurveySkipReason = (typeof SURVEY_SKIP_REASONS)[number];

export type SurveyDecision = { send: true; delivery: SurveyDelivery } | { send: false; reason: SurveySkipReason };

/** Resolved, or closed after being resolved (a ticket closed without resolution, e.g. spam, is not surveyed). */
export function isResolvedForSurvey(ticket: Pick<SurveyTicketFacts, 'status' | 'resolvedAt'>): boolean {
  return ticket.status === 'resolved' || (ticket.status === 'closed' && ticket.resolvedAt !== null);
}

/**
 * Whether a satisfaction survey goes out for a ticket, checked when the delayed job runs (so a
 * ticket re-opened meanwhile is never surveyed), and on which route. Follows chatwoot's
 * csat_survey_service: resolved, enabled, not sent before, a channel that may carry it.
 */
export function decideSurvey(facts: SurveyFacts): SurveyDecision {
  const { ticket, contact, policy } = facts;
  if (!isResolvedForSurvey(ticket)) return { send: false, reason: 'not_resolved' };
  if (ticket.tags.includes(RECOVERY_TAG)) return { send: false, reason: 'internal_ticket' };
  if (!policy.enabled) return { send: false, reason: 'disabled' };
  if (!policy.channels.includes(ticket.channel)) return { send: false, reason: 'channel_disabled' };
  if (!policy.ticketTypes.includes(ticket.type)) return { send: false, reason: 'type_disabled' };
  if (facts.alreadySent) return { send: false, reason: 'already_sent' };
  if (contact.surveyOptOut) return { send: false, reason: 'opted_out' };
  const delivery = chooseSurveyDelivery(ticket.channel, contact, facts.whatsapp);
  return delivery ? { send: true, delivery } : { send: false, reason: 'unreachable' };
}

/**
 * The route of an invitation (or reminder): the ticket's channel when it can carry the link;
 * WhatsApp outside the 24-hour window only with the approved template, else SMS; calls by SMS;
 * letters and visits by the contact's mobile, else e-mail. Null when the contact cannot be reached.
 */
export function chooseSurveyDelivery(
  channel: Channel,
  contact: Pick<SurveyContactFacts, 'identities' | 'preferredChannel'>,
  whatsapp: WhatsAppFacts,
): SurveyDelivery | null {
  const has = (kind: IdentityKind) => contact.identities.some((i) => i.kind === kind);
  const phone = has('phone');
  const email = has('email');
  const social = has('facebook') || has('instagram');
  const otherwise = (): SurveyDelivery | null =>
    phone ? { method: 'reply_via', via: 'sms', replyVia: 'sms' } : email ? { method: 'reply_via', via: 'email', replyVia: 'email' } : null;
  switch (channel) {
    case 'sms':
    case 'phone':
      // OutboundDeliveryService answers a call by SMS to the caller.
      if (phone) return { method: 'channel', via: 'sms' };
      return email ? { method: 'reply_via', via: 'email', replyVia: 'email' } : null;
    case 'whatsapp':
      if (!phone) return email ? { method: 'reply_via', via: 'email', replyVia: 'email' } : null;
      if (whatsapp.windowOpen) return { method: 'channel', via: 'whatsapp' };
      if (whatsapp.templateContentSid) return { method: 'whatsapp_template', via: 'whatsapp_template', contentSid: whatsapp.templateContentSid };
      return { method: 'reply_via', via: 'sms', replyVia: 'sms' };
    case 'email':
      if (email) return { method: 'channel', via: 'email' };
      return phone ? { method: 'reply_via', via: 'sms', replyVia: 'sms' } : null;
    case 'social':
      return social ? { method: 'channel', via: 'social' } : otherwise();
    case 'web':
    case 'help_request':
      // Same preference order as OutboundDeliveryService's route for web forms.
      if (contact.preferredChannel === 'email' && email) return { method: 'channel', via: 'email' };
      if (phone) return { method: 'channel', via: 'sms' };
      return email ? { method: 'channel', via: 'email' } : null;
    case 'letter':
    case 'visit':
      // Answered by hand otherwise; the link needs an electronic channel.
      return otherwise();
  }
}

/** What the invitation message carries so OutboundDeliveryService takes the chosen route. */
export function deliveryMeta(delivery: SurveyDelivery, variables: Record<string, string>): Record<string, unknown> {
  if (delivery.method === 'whatsapp_template') return { whatsappTemplate: { contentSid: delivery.contentSid, variables } };
  if (delivery.method === 'reply_via') return { replyVia: delivery.replyVia };
  return {};
}

export const REMINDER_SKIP_REASONS = ['reminders_off', 'not_sent', 'answered', 'opted_out', 'already_reminded', 'expired', 'not_resolved'] as const;
export type ReminderSkipReason = (typeof REMINDER_SKIP_REASONS)[number];

export interface ReminderFacts {
  reminderAfterHours: number;
  invitation: { sentAt: Date | null; expiresAt: Date; answeredAt: Date | null; optedOutAt: Date | null; remindedAt: Date | null };
  contactOptedOut: boolean;
  ticket: Pick<SurveyTicketFacts, 'status' | 'resolvedAt'>;
  now: Date;
}

/** One reminder, only while the survey is unanswered, not opted out, not expired and the ticket still resolved. */
export function decideReminder(facts: ReminderFacts): { send: true } | { send: false; reason: ReminderSkipReason } {
  const { invitation } = facts;
  if (!(facts.reminderAfterHours > 0)) return { send: false, reason: 'reminders_off' };
  if (!invitation.sentAt) return { send: false, reason: 'not_sent' };
  if (invitation.answeredAt) return { send: false, reason: 'answered' };
  if (invitation.optedOutAt || facts.contactOptedOut) return { send: false, reason: 'opted_out' };
  if (invitation.remindedAt) return { send: false, reason: 'already_reminded' };
  if (invitation.expiresAt.getTime() <= facts.now.getTime()) return { send: false, reason: 'expired' };
  if (!isResolvedForSurvey(facts.ticket)) return { send: false, reason: 'not_resolved' };
  return { send: true };
}

/** Milliseconds until the reminder, or null when it would come after the link expires (or reminders are off). */
export function reminderDelayMs(reminderAfterHours: number, sentAt: Date, expiresAt: Date): number | null {
  if (!(reminderAfterHours > 0)) return null;
  const delay = Math.round(reminderAfterHours * 3600_000);
  return sentAt.getTime() + delay < expiresAt.getTime() ? delay : null;
}
