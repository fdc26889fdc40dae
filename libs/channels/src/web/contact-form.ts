import type { InboundContact } from '../core/channel-adapter.js';

/** The website contact form as validated at the edge; addresses already normalised (E.164, lower-case e-mail). */
export interface ContactFormSubmission {
  name: string;
  email?: string;
  phone?: string;
  subject?: string;
  message: string;
}

/**
 * A contact-form submission in the one inbound shape. The person is found by the phone number when
 * one was given (the acknowledgement then goes by SMS), else by the e-mail address; both addresses
 * are kept on the message for the officer.
 */
export function contactFormInbound(form: ContactFormSubmission, externalId: string, receivedAt: Date): InboundContact {
  const from = form.phone ? { kind: 'phone' as const, address: form.phone } : { kind: 'email' as const, address: form.email ?? '' };
  return {
    channel: 'web',
    externalId,
    from: { ...from, name: form.name },
    ...(form.subject ? { subject: form.subject } : {}),
    text: form.message,
    attachments: [],
    threadHints: {},
    receivedAt: receivedAt.toISOString(),
    meta: { form: 'contact', ...(form.phone ? { phone: form.phone } : {}), ...(form.email ? { email: form.email } : {}) },
  };
}

/** True when a stored submission is the same as a new one (an Idempotency-Key reused by a retry, not by a different form). */
export function sameSubmission(stored: InboundContact, form: ContactFormSubmission): boolean {
  const meta = stored.meta ?? {};
  return (
    stored.text === form.message &&
    (stored.subject ?? undefined) === form.subject &&
    meta.phone === form.phone &&
    meta.email === form.email &&
    stored.from.name === form.name
  );
}
