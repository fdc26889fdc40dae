import {
  chooseSurveyDelivery,
  decideReminder,
  decideSurvey,
  deliveryMeta,
  RECOVERY_TAG,
  reminderDelayMs,
  type SurveyFacts,
} from './survey-guards.js';

const PHONE = { kind: 'phone' as const, address: '+966501234567' };
const EMAIL = { kind: 'email' as const, address: 'a@example.org' };
const FACEBOOK = { kind: 'facebook' as const, address: '123' };
const NO_WINDOW = { windowOpen: false, templateContentSid: null };

function facts(
  overrides: {
    ticket?: Partial<SurveyFacts['ticket']>;
    contact?: Partial<SurveyFacts['contact']>;
    policy?: Partial<SurveyFacts['policy']>;
  } & Partial<Pick<SurveyFacts, 'alreadySent' | 'whatsapp'>> = {},
): SurveyFacts {
  return {
    ticket: { status: 'resolved', resolvedAt: new Date(), channel: 'sms', type: 'inquiry', tags: [], ...overrides.ticket },
    contact: { surveyOptOut: false, preferredChannel: null, identities: [PHONE], ...overrides.contact },
    policy: {
      enabled: true,
      channels: ['sms', 'whatsapp', 'email', 'phone', 'letter', 'visit', 'social', 'web', 'help_request'],
      ticketTypes: ['inquiry', 'complaint', 'help_request', 'suggestion', 'other'],
      ...overrides.policy,
    },
    alreadySent: overrides.alreadySent ?? false,
    whatsapp: overrides.whatsapp ?? NO_WINDOW,
  };
}

describe('decideSurvey: the guards before a survey goes out', () => {
  it('sends for a resolved SMS ticket on its own channel', () => {
    expect(decideSurvey(facts())).toEqual({ send: true, delivery: { method: 'channel', via: 'sms' } });
  });

  it('sends for a ticket closed after being resolved, but not for one closed without resolution or re-opened', () => {
    expect(decideSurvey(facts({ ticket: { status: 'closed' } })).send).toBe(true);
    expect(decideSurvey(facts({ ticket: { status: 'closed', resolvedAt: null } }))).toEqual({ send: false, reason: 'not_resolved' });
    expect(decideSurvey(facts({ ticket: { status: 'open', resolvedAt: null } }))).toEqual({ send: false, reason: 'not_resolved' });
  });

  it('never surveys a service-recovery follow-up', () => {
    expect(decideSurvey(facts({ ticket: { tags: [RECOVERY_TAG] } }))).toEqual({ send: false, reason: 'internal_ticket' });
  });

  it('respects the settings: surveys off, channel off, ticket type off', () => {
    expect(decideSurvey(facts({ policy: { enabled: false } }))).toEqual({ send: false, reason: 'disabled' });
    expect(decideSurvey(facts({ policy: { channels: ['email'] } }))).toEqual({ send: false, reason: 'channel_disabled' });
    expect(decideSurvey(facts({ policy: { ticketTypes: ['complaint'] } }))).toEqual({ send: false, reason: 'type_disabled' });
  });

  it('sends one survey per ticket, and none to a contact who opted out', () => {
    expect(decideSurvey(facts({ alreadySent: true }))).toEqual({ send: false, reason: 'already_sent' });
    expect(decideSurvey(facts({ contact: { surveyOptOut: true } }))).toEqual({ send: false, reason: 'opted_out' });
  });

  it('needs a channel that can carry the link', () => {
    expect(decideSurvey(facts({ contact: { identities: [] } }))).toEqual({ send: false, reason: 'unreachable' });
    expect(decideSurvey(facts({ ticket: { channel: 'visit' }, contact: { identities: [] } }))).toEqual({ send: false, reason: 'unreachable' });
  });

  it('checks resolution before anything else, so a re-opened ticket is reported as such', () => {
    expect(decideSurvey(facts({ ticket: { status: 'open' }, alreadySent: true, contact: { surveyOptOut: true } }))).toEqual({
      send: false,
      reason: 'not_resolved',
    });
  });
});

describe('chooseSurveyDelivery: which route the invitation takes', () => {
  const contact = (...identities: { kind: 'phone' | 'email' | 'facebook' | 'instagram'; address: string }[]) => ({
    identities,
    preferredChannel: null,
  });

  it('uses WhatsApp free text inside the 24-hour window', () => {
    expect(chooseSurveyDelivery('whatsapp', contact(PHONE), { windowOpen: true, templateContentSid: 'HX1' })).toEqual({
      method: 'channel',
      via: 'whatsapp',
    });
  });

  it('uses the approved template outside the window, else SMS, else e-mail', () => {
    expect(chooseSurveyDelivery('whatsapp', contact(PHONE), { windowOpen: false, templateContentSid: 'HX1' })).toEqual({
      method: 'whatsapp_template',
      via: 'whatsapp_template',
      contentSid: 'HX1',
    });
    expect(chooseSurveyDelivery('whatsapp', contact(PHONE), NO_WINDOW)).toEqual({ method: 'reply_via', via: 'sms', replyVia: 'sms' });
    expect(chooseSurveyDelivery('whatsapp', contact(EMAIL), NO_WINDOW)).toEqual({ method: 'reply_via', via: 'email', replyVia: 'email' });
    expect(chooseSurveyDelivery('whatsapp', contact(), NO_WINDOW)).toBeNull();
  });

  it('answers a phone call by SMS, or by e-mail when the caller gave only that', () => {
    expect(chooseSurveyDelivery('phone', contact(PHONE, EMAIL), NO_WINDOW)).toEqual({ method: 'channel', via: 'sms' });
    expect(chooseSurveyDelivery('phone', contact(EMAIL), NO_WINDOW)).toEqual({ method: 'reply_via', via: 'email', replyVia: 'email' });
  });

  it('sends letters and visits to the mobile first, then e-mail, never "by hand"', () => {
    expect(chooseSurveyDelivery('letter', contact(EMAIL, PHONE), NO_WINDOW)).toEqual({ method: 'reply_via', via: 'sms', replyVia: 'sms' });
    expect(chooseSurveyDelivery('visit', contact(EMAIL), NO_WINDOW)).toEqual({ method: 'reply_via', via: 'email', replyVia: 'email' });
    expect(chooseSurveyDelivery('letter', contact(), NO_WINDOW)).toBeNull();
  });

  it('keeps e-mail on e-mail, and social on social', () => {
    expect(chooseSurveyDelivery('email', contact(EMAIL, PHONE), NO_WINDOW)).toEqual({ method: 'channel', via: 'email' });
    expect(chooseSurveyDelivery('email', contact(PHONE), NO_WINDOW)).toEqual({ method: 'reply_via', via: 'sms', replyVia: 'sms' });
    expect(chooseSurveyDelivery('social', contact(FACEBOOK), NO_WINDOW)).toEqual({ method: 'channel', via: 'social' });
    expect(chooseSurveyDelivery('social', contact(EMAIL), NO_WINDOW)).toEqual({ method: 'reply_via', via: 'email', replyVia: 'email' });
  });

  it('follows the web forms’ preference for e-mail', () => {
    expect(chooseSurveyDelivery('web', { identities: [PHONE, EMAIL], preferredChannel: 'email' }, NO_WINDOW)).toEqual({
      method: 'channel',
      via: 'email',
    });
    expect(chooseSurveyDelivery('help_request', contact(PHONE, EMAIL), NO_WINDOW)).toEqual({ method: 'channel', via: 'sms' });
    expect(chooseSurveyDelivery('web', contact(), NO_WINDOW)).toBeNull();
  });

  it('turns the route into the message meta OutboundDeliveryService reads', () => {
    expect(deliveryMeta({ method: 'channel', via: 'sms' }, { '1': 'x' })).toEqual({});
    expect(deliveryMeta({ method: 'reply_via', via: 'email', replyVia: 'email' }, {})).toEqual({ replyVia: 'email' });
    expect(deliveryMeta({ method: 'whatsapp_template', via: 'whatsapp_template', contentSid: 'HX1' }, { '1': 'n', '2': 't' })).toEqual({
      whatsappTemplate: { contentSid: 'HX1', variables: { '1': 'n', '2': 't' } },
    });
  });
});

describe('decideReminder: one reminder, only for an open survey', () => {
  const now = new Date('2026-01-10T10:00:00Z');
  const base = {
    reminderAfterHours: 72,
    invitation: {
      sentAt: new Date('2026-01-07T10:00:00Z'),
      expiresAt: new Date('2026-01-21T10:00:00Z'),
      answeredAt: null,
      optedOutAt: null,
      remindedAt: null,
    },
    contactOptedOut: false,
    ticket: { status: 'resolved' as const, resolvedAt: new Date('2026-01-07T09:00:00Z') },
    now,
  };

  it('reminds an unanswered survey', () => {
    expect(decideReminder(base)).toEqual({ send: true });
  });

  it('never after an answer, an opt-out, a first reminder, the expiry or a re-opening', () => {
    expect(decideReminder({ ...base, invitation: { ...base.invitation, answeredAt: now } })).toEqual({ send: false, reason: 'answered' });
    expect(decideReminder({ ...base, invitation: { ...base.invitation, optedOutAt: now } })).toEqual({ send: false, reason: 'opted_out' });
    expect(decideReminder({ ...base, contactOptedOut: true })).toEqual({ send: false, reason: 'opted_out' });
    expect(decideReminder({ ...base, invitation: { ...base.invitation, remindedAt: now } })).toEqual({ send: false, reason: 'already_reminded' });
    expect(decideReminder({ ...base, invitation: { ...base.invitation, expiresAt: now } })).toEqual({ send: false, reason: 'expired' });
    expect(decideReminder({ ...base, ticket: { status: 'open', resolvedAt: null } })).toEqual({ send: false, reason: 'not_resolved' });
    expect(decideReminder({ ...base, reminderAfterHours: 0 })).toEqual({ send: false, reason: 'reminders_off' });
    expect(decideReminder({ ...base, invitation: { ...base.invitation, sentAt: null } })).toEqual({ send: false, reason: 'not_sent' });
  });

  it('schedules the reminder only when it comes before the link expires', () => {
    const sent = new Date('2026-01-01T00:00:00Z');
    expect(reminderDelayMs(72, sent, new Date('2026-01-15T00:00:00Z'))).toBe(72 * 3600_000);
    expect(reminderDelayMs(0.5, sent, new Date('2026-01-15T00:00:00Z'))).toBe(1_800_000);
    expect(reminderDelayMs(400, sent, new Date('2026-01-15T00:00:00Z'))).toBeNull();
    expect(reminderDelayMs(0, sent, new Date('2026-01-15T00:00:00Z'))).toBeNull();
  });
});
