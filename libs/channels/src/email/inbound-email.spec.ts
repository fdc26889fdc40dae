import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { normalizeInboundEmail, type ReceivedEmail } from './inbound-email.js';

const SUPPORT = 'support@example.org';
const at = new Date('2026-11-25T09:30:00Z');

/** A raw message from header lines and a body (CRLF line ends, as on the wire). */
function rawMail(headers: string[], body = 'السلام عليكم، أحتاج مساعدة في سداد الإيجار.'): Buffer {
  const hasType = headers.some((h) => /^content-type:/i.test(h));
  const all = [...headers, ...(hasType ? [] : ['MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit'])];
  return Buffer.from(`${all.join('\r\n')}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}`);
}

async function normalize(raw: Buffer, extra: Partial<ReceivedEmail> = {}) {
  const parsed = await simpleParser(raw);
  return normalizeInboundEmail(
    { parsed, raw, envelopeFrom: 'fatima@example.net', source: 'smtp', receivedAt: at, ...extra },
    { supportEmail: SUPPORT },
  );
}

const person = [
  'From: "فاطمة الزهراني" <Fatima@Example.NET>',
  `To: ${SUPPORT}`,
  'Subject: طلب مساعدة',
  'Message-ID: <CAF1234.abcd@mail.example.net>',
  'Date: Wed, 25 Nov 2026 12:29:00 +0300',
];

describe('normalizeInboundEmail', () => {
  it('turns a plain mail from a person into an e-mail contact with its Message-ID as the external id', async () => {
    const inbound = await normalize(rawMail(person));
    expect(inbound).toEqual({
      channel: 'email',
      externalId: '<CAF1234.abcd@mail.example.net>',
      from: { kind: 'email', address: 'fatima@example.net', name: 'فاطمة الزهراني' },
      to: SUPPORT,
      subject: 'طلب مساعدة',
      text: 'السلام عليكم، أحتاج مساعدة في سداد الإيجار.',
      attachments: [],
      threadHints: { messageId: '<CAF1234.abcd@mail.example.net>' },
      receivedAt: '2026-11-25T09:30:00.000Z',
      meta: { emailSource: 'smtp', emailDate: '2026-11-25T09:29:00.000Z' },
    });
  });

  it('uses the SHA-256 of the raw message when there is no Message-ID (the same bytes give the same id)', async () => {
    const raw = rawMail(person.filter((h) => !h.startsWith('Message-ID')));
    const inbound = await normalize(raw);
    expect(inbound.externalId).toBe(`sha256:${createHash('sha256').update(raw).digest('hex')}`);
    expect((await normalize(raw)).externalId).toBe(inbound.externalId);
    expect(inbound.threadHints.messageId).toBeUndefined();
  });

  it('does not use an absurdly long Message-ID as the external id', async () => {
    const inbound = await normalize(
      rawMail([...person.filter((h) => !h.startsWith('Message-ID')), `Message-ID: <${'a'.repeat(600)}@x.example.net>`]),
    );
    expect(inbound.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('reads In-Reply-To and References, one id (a string in mailparser) or several (an array)', async () => {
    const one = await normalize(
      rawMail([
        ...person,
        'In-Reply-To: <t1448-000001.m1a2b3c4d.9f8e7d6c5b4a3210@example.org>',
        'References: <t1448-000001.m1a2b3c4d.9f8e7d6c5b4a3210@example.org>',
      ]),
    );
    expect(one.threadHints).toMatchObject({
      inReplyTo: '<t1448-000001.m1a2b3c4d.9f8e7d6c5b4a3210@example.org>',
      references: ['<t1448-000001.m1a2b3c4d.9f8e7d6c5b4a3210@example.org>'],
    });
    const several = await normalize(
      rawMail([...person, 'In-Reply-To: <b@x.example.net>', 'References: <a@x.example.net>\r\n <b@x.example.net>\r\n\t<c@x.example.net>']),
    );
    expect(several.threadHints).toMatchObject({
      inReplyTo: '<b@x.example.net>',
      references: ['<a@x.example.net>', '<b@x.example.net>', '<c@x.example.net>'],
    });
  });

  it('keeps a second id in In-Reply-To as a reference', async () => {
    const inbound = await normalize(rawMail([...person, 'In-Reply-To: <a@x.example.net> <b@x.example.net>']));
    expect(inbound.threadHints).toMatchObject({ inReplyTo: '<a@x.example.net>', references: ['<b@x.example.net>'] });
  });

  it('finds the ticket number tag in the subject, also behind Re: and رد: prefixes', async () => {
    const inbound = await normalize(
      rawMail([...person.filter((h) => !h.startsWith('Subject')), 'Subject: =?UTF-8?B?2LHYrzo=?= Re: استلمنا طلبك [#1448-000123]']),
    );
    expect(inbound.subject).toBe('رد: Re: استلمنا طلبك [#1448-000123]');
    expect(inbound.threadHints.subjectTicketNumber).toBe('1448-000123');
  });

  it('sanitises the HTML and takes the text from it when there is no text part', async () => {
    const html =
      '<p dir="rtl" onclick="steal()">مرحباً <b>بكم</b></p><script>stealCookies()</script><img src="https://tracker.example.net/p.gif"><a href="javascript:alert(1)">رابط</a><p>سطر&nbsp;ثان &amp; أخير</p>';
    const inbound = await normalize(
      rawMail([...person, 'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: 8bit'], html),
    );
    expect(inbound.html).toContain('<p dir="rtl">مرحباً <b>بكم</b></p>');
    expect(inbound.html).not.toMatch(/script|onclick|javascript|tracker/);
    expect(inbound.text).toContain('مرحباً بكم');
    expect(inbound.text).toContain('أخير');
    expect(inbound.text).not.toContain('stealCookies');
  });

  it('takes the text from the sanitised HTML when the parser gave none', async () => {
    const raw = rawMail(
      [...person, 'Content-Type: text/html; charset=utf-8'],
      '<div>سطر أول<br>سطر&nbsp;ثان</div><ul><li>بند</li></ul><script>stealCookies()</script>',
    );
    const parsed = await simpleParser(raw, { skipHtmlToText: true });
    const inbound = normalizeInboundEmail({ parsed, raw, source: 'imap', receivedAt: at }, { supportEmail: SUPPORT });
    expect(inbound.text).toBe('سطر أول\nسطر ثان\nبند');
  });

  it('keeps attachments as base64 parts with their names and types', async () => {
    const pdf = Buffer.from('%PDF-1.4 fake national id scan');
    const raw = rawMail(
      [...person, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b1"'],
      [
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'مرفق صورة الهوية',
        '--b1',
        'Content-Type: application/pdf; name="=?UTF-8?B?2YfZiNmK2KkucGRm?="',
        'Content-Disposition: attachment; filename="=?UTF-8?B?2YfZiNmK2KkucGRm?="',
        'Content-Transfer-Encoding: base64',
        '',
        pdf.toString('base64'),
        '--b1',
        'Content-Type: image/png',
        'Content-Disposition: attachment',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('png').toString('base64'),
        '--b1--',
      ].join('\n'),
    );
    const inbound = await normalize(raw);
    expect(inbound.text).toBe('مرفق صورة الهوية');
    expect(inbound.attachments).toEqual([
      { filename: 'هوية.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') },
      { filename: 'attachment-2', contentType: 'image/png', contentBase64: Buffer.from('png').toString('base64') },
    ]);
  });

  it('does not store inline images twice: the HTML already carries them', async () => {
    const raw = rawMail(
      [...person, 'MIME-Version: 1.0', 'Content-Type: multipart/related; boundary="r"'],
      [
        '--r',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>شعار</p><img src="cid:logo@x">',
        '--r',
        'Content-Type: image/png; name="logo.png"',
        'Content-ID: <logo@x>',
        'Content-Disposition: inline; filename="logo.png"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('png-bytes').toString('base64'),
        '--r--',
      ].join('\n'),
    );
    const inbound = await normalize(raw);
    expect(inbound.attachments).toEqual([]);
    expect(inbound.html).toContain('src="data:image/png;base64,');
  });

  it('falls back to the envelope sender when the From header is unusable', async () => {
    const inbound = await normalize(rawMail(['From: undisclosed', `To: ${SUPPORT}`, 'Subject: x', 'Message-ID: <n@x.example.net>']), {
      envelopeFrom: 'Real.Sender@Example.net',
    });
    expect(inbound.from).toEqual({ kind: 'email', address: 'real.sender@example.net' });
    expect(inbound.automated).toBeUndefined();
  });

  describe('mail written by machines is marked automated (stored, never a ticket, never answered)', () => {
    it.each([
      ['Auto-Submitted: auto-replied', [...person, 'Auto-Submitted: auto-replied'], /Auto-Submitted: auto-replied/],
      ['Auto-Submitted: auto-generated', [...person, 'Auto-Submitted: auto-generated'], /auto-generated/],
      ['Auto-Submitted: auto-notified', [...person, 'Auto-Submitted: auto-notified (vacation)'], /auto-notified/],
      ['X-Autoreply', [...person, 'X-Autoreply: yes'], /x-autoreply/],
      ['X-Autorespond', [...person, 'X-Autorespond: Out of office'], /x-autorespond/],
      ['Precedence: bulk', [...person, 'Precedence: bulk'], /Precedence: bulk/],
      ['Precedence: junk', [...person, 'Precedence: junk'], /junk/],
      ['Precedence: list', [...person, 'Precedence: list'], /list/],
      ['List-Id', [...person, 'List-Id: Charity news <news.lists.example.net>'], /List-Id/],
      ['Return-Path: <>', [...person, 'Return-Path: <>'], /Return-Path/],
      [
        'mailer-daemon sender',
        ['From: Mail Delivery System <MAILER-DAEMON@mx.example.net>', `To: ${SUPPORT}`, 'Subject: Undelivered', 'Message-ID: <d@x>'],
        /mailer-daemon/,
      ],
      ['postmaster sender', ['From: postmaster@example.net', `To: ${SUPPORT}`, 'Subject: Undelivered', 'Message-ID: <p@x>'], /postmaster/],
      [
        'our own support address',
        [`From: "خدمة المستفيدين" <${SUPPORT.toUpperCase()}>`, `To: ${SUPPORT}`, 'Subject: x', 'Message-ID: <o@x>'],
        /our own/,
      ],
    ])('%s', async (_name, headers, reason) => {
      const inbound = await normalize(rawMail(headers));
      expect(inbound.automated?.reason).toMatch(reason);
    });

    it('a bounce with the null envelope sender MAIL FROM:<>', async () => {
      const inbound = await normalize(rawMail(person), { envelopeFrom: '' });
      expect(inbound.automated?.reason).toMatch(/null envelope sender/);
      expect(inbound.from.address).toBe('fatima@example.net');
    });

    it.each([
      ['delivery-status', /delivery status/],
      ['disposition-notification', /read receipt/],
    ])('multipart/report; report-type=%s', async (type, reason) => {
      const raw = rawMail(
        [
          'From: mail@mx.example.net',
          `To: ${SUPPORT}`,
          'Subject: report',
          'Message-ID: <r@x>',
          'MIME-Version: 1.0',
          `Content-Type: multipart/report; report-type=${type}; boundary="rb"`,
        ],
        [
          '--rb',
          'Content-Type: text/plain',
          '',
          'report',
          '--rb',
          `Content-Type: message/${type}`,
          '',
          'Reporting-MTA: dns; mx.example.net',
          '--rb--',
        ].join('\n'),
      );
      expect((await normalize(raw)).automated?.reason).toMatch(reason);
    });

    it.each([
      ['Auto-Submitted: no', 'Auto-Submitted: no'],
      ['X-Auto-Response-Suppress (a request, not a marker)', 'X-Auto-Response-Suppress: All'],
      ['List-Unsubscribe alone (transactional senders add it too)', 'List-Unsubscribe: <mailto:u@example.net>'],
      ['Precedence: first-class', 'Precedence: first-class'],
    ])('but not for %s', async (_name, header) => {
      expect((await normalize(rawMail([...person, header]))).automated).toBeUndefined();
    });

    it('IMAP mail has no envelope: an unknown envelope sender is not a bounce', async () => {
      expect((await normalize(rawMail(person), { envelopeFrom: undefined, source: 'imap' })).automated).toBeUndefined();
    });
  });
});
