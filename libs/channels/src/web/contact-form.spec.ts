import { contactFormInbound, sameSubmission } from './contact-form.js';

const at = new Date('2026-11-25T09:00:00Z');

describe('contactFormInbound', () => {
  it('finds the person by phone when one was given, keeping both addresses for the officer', () => {
    const inbound = contactFormInbound(
      { name: 'فاطمة', phone: '+966501234567', email: 'f@example.org', subject: 'استفسار', message: 'نص الرسالة' },
      'ext-1',
      at,
    );
    expect(inbound).toEqual({
      channel: 'web',
      externalId: 'ext-1',
      from: { kind: 'phone', address: '+966501234567', name: 'فاطمة' },
      subject: 'استفسار',
      text: 'نص الرسالة',
      attachments: [],
      threadHints: {},
      receivedAt: '2026-11-25T09:00:00.000Z',
      meta: { form: 'contact', phone: '+966501234567', email: 'f@example.org' },
    });
  });

  it('uses the e-mail address when no phone was given', () => {
    expect(contactFormInbound({ name: 'A', email: 'a@example.org', message: 'm' }, 'x', at).from).toEqual({
      kind: 'email',
      address: 'a@example.org',
      name: 'A',
    });
  });

  it('recognises a retry of the same submission, and a different one under the same key', () => {
    const form = { name: 'A', email: 'a@example.org', message: 'm' };
    const stored = contactFormInbound(form, 'k', at);
    expect(sameSubmission(stored, { ...form })).toBe(true);
    expect(sameSubmission(stored, { ...form, message: 'other' })).toBe(false);
    expect(sameSubmission(stored, { ...form, phone: '+966501234567' })).toBe(false);
  });
});
