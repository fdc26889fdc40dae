import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { Readable } from 'node:stream';
import type { OutboundMessage } from '../core/channel-adapter.js';
import { buildOutgoingMail, classifySmtpError, SUPPORT_DISPLAY_NAME } from './email.sender.js';

const reply: OutboundMessage = {
  messageId: 'f3b1c2d4-0000-4000-8000-000000000001',
  ticketId: 't1',
  ticketNumber: '1448-000042',
  to: 'fatima@example.net',
  subject: '[#1448-000042] Re: طلب مساعدة',
  text: 'وعليكم السلام، نرجو إرسال صورة عقد الإيجار.',
  attachments: [{ filename: 'نموذج.pdf', contentType: 'application/pdf', sha256: 'a'.repeat(64), url: 'http://x/api/v1/attachments/1' }],
  email: {
    messageId: '<t1448-000042.mf3b1c2d4.00004000800000000000001@example.org>',
    inReplyTo: '<CAF-2@mail.example.net>',
    references: ['<CAF-1@mail.example.net>', '<t1448-000042.m11111111.aaaa@example.org>', '<CAF-2@mail.example.net>'],
  },
};
const open = () => Readable.from([Buffer.from('%PDF-1.4 form')]);

/** Renders the mail with nodemailer's in-memory stream transport: the exact bytes that would go out, no network. */
async function render(message: OutboundMessage): Promise<string> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await transport.sendMail(buildOutgoingMail(message, 'support@example.org', open));
  return (info.message as Buffer).toString();
}

describe('buildOutgoingMail', () => {
  it('sends an officer reply from the support address with our Message-ID, the threading headers and the tag, not marked automatic', async () => {
    const raw = await render(reply);
    const parsed = await simpleParser(raw);
    expect(parsed.from?.value).toEqual([{ name: SUPPORT_DISPLAY_NAME, address: 'support@example.org' }]);
    expect(parsed.to).toMatchObject({ value: [{ address: 'fatima@example.net' }] });
    expect(parsed.subject).toBe('[#1448-000042] Re: طلب مساعدة');
    expect(parsed.messageId).toBe('<t1448-000042.mf3b1c2d4.00004000800000000000001@example.org>');
    expect(parsed.inReplyTo).toBe('<CAF-2@mail.example.net>');
    expect(parsed.references).toEqual(['<CAF-1@mail.example.net>', '<t1448-000042.m11111111.aaaa@example.org>', '<CAF-2@mail.example.net>']);
    expect(parsed.text?.trim()).toBe(reply.text);
    expect(parsed.attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([
      ['نموذج.pdf', 'application/pdf', '%PDF-1.4 form'],
    ]);
    expect(raw).not.toMatch(/auto-submitted|x-auto-response-suppress/i);
  });

  it('marks an acknowledgement Auto-Submitted: auto-replied and asks for no auto-answers', async () => {
    const raw = await render({ ...reply, automatic: true, attachments: [] });
    expect(raw).toContain('Auto-Submitted: auto-replied');
    expect(raw).toContain('X-Auto-Response-Suppress: All');
  });

  it('always carries the ticket tag in the subject', () => {
    expect(buildOutgoingMail({ ...reply, subject: 'Re: طلب مساعدة' }, 'support@example.org', open).subject).toBe('[#1448-000042] Re: طلب مساعدة');
    expect(buildOutgoingMail({ ...reply, subject: undefined }, 'support@example.org', open).subject).toBe('[#1448-000042]');
  });
});

describe('classifySmtpError', () => {
  it.each([
    ['550 refused recipient', { responseCode: 550, message: "Can't send mail - all recipients were rejected: 550 5.1.1 <x@y>: no such user" }, false],
    ['552 too big', { responseCode: 552, message: 'Message size exceeds fixed limit' }, false],
    ['503 bad sequence (a session problem, not the message)', { responseCode: 503, message: 'bad sequence' }, true],
    ['421 service not available', { responseCode: 421, message: 'try again later' }, true],
    ['451 temporary local problem', { responseCode: 451, message: 'local error' }, true],
    ['nodemailer saying permanent: false on a 5xx', { responseCode: 554, permanent: false, message: 'x' }, true],
    ['connection refused', { code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:1025' }, true],
    ['timeout', { code: 'ETIMEDOUT', message: 'Greeting never received' }, true],
    ['a file missing from the store', { code: 'ENOENT', message: 'no such file' }, false],
    ['a malformed envelope', { code: 'EENVELOPE', message: 'No recipients defined' }, false],
  ])('%s', (_name, error, retryable) => {
    const classified = classifySmtpError(Object.assign(new Error(error.message), error));
    expect(classified.retryable).toBe(retryable);
    expect(classified.message).toContain(error.message);
  });

  it('keeps the SMTP reply code as the provider code', () => {
    expect(classifySmtpError(Object.assign(new Error('no'), { responseCode: 550 })).providerCode).toBe(550);
  });
});
