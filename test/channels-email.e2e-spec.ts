import { jest } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { InboundEventsService } from '@app/channels';
import { QueueName } from '@app/queue';
import { SmtpInboundServer } from '../apps/worker/src/mail/smtp-inbound.server.js';
import { SmtpSink, type SinkMessage } from './support/fakes/smtp-sink.js';
import { createStaff, type StaffAccount } from './support/staff.js';
import { queryDatabase } from './support/test-database.js';
import { TestEnvironment } from './support/test-environment.js';
import { waitFor } from './support/wait-for.js';

const SUPPORT = 'support@example.org';

interface MessageJson {
  id: string;
  direction: string;
  channel: string;
  body: string;
  bodyHtml: string | null;
  deliveryStatus: string | null;
  deliveryError: string | null;
  externalId: string | null;
  attachments: { id: string; filename: string; contentType: string; url: string }[];
}
interface TicketJson {
  id: string;
  number: string;
  subject: string;
  channel: string;
  status: string;
  contact: { id: string; name: string };
  messages: MessageJson[];
}
interface EventRow {
  id: string;
  status: string;
  ticket_id: string | null;
  message_id: string | null;
  payload: { automated?: { reason: string } };
}

// The e2e project's `testTimeout` (jest.config.js) is not applied per project; waits for retries with backoff need more than 5 s.
jest.setTimeout(60_000);

describe('e-mail channel: inbound SMTP, threading, loops and outbound mail', () => {
  const sink = new SmtpSink();
  let env: TestEnvironment;
  let officer: StaffAccount;
  let seq = 0;

  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => queryDatabase<T>(env.config.DATABASE_URL, sql, params);
  const newMessageId = (who: string) => `<test-${Date.now().toString(36)}-${++seq}.${who}@mail.example.net>`;

  /** Sends a mail to the worker's SMTP listener, as another mail server would. */
  const mailIn = (options: SendMailOptions) => {
    const port = env.worker!.get(SmtpInboundServer, { strict: false }).port;
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    return transport.sendMail({ to: SUPPORT, ...options });
  };

  /** The inbound event of a Message-ID once the listener stored it and ingestion (if any) decided. */
  const eventOf = (messageId: string) =>
    waitFor(`inbound event ${messageId}`, async () => {
      const [row] = await db<EventRow & Record<string, unknown>>(
        "SELECT id, status, ticket_id, message_id, payload FROM inbound_events WHERE channel = 'email' AND external_id = $1",
        [messageId],
      );
      return row && row.status !== 'received' ? row : null;
    });

  /** The ingest job's result (newTicket, acknowledged): done only when the acknowledgement, if any, is stored. */
  const ingestResult = async (eventId: string) => {
    const queue = env.worker!.get<Queue>(getQueueToken(QueueName.Ingest), { strict: false });
    return waitFor(`ingestion of ${eventId}`, async () => {
      const job = await queue.getJob(`in-${eventId}`);
      return job && (await job.getState()) === 'completed'
        ? (job.returnvalue as { ticketId: string; newTicket: boolean; acknowledged: boolean })
        : null;
    });
  };

  const ticket = async (id: string) => (await officer.http.get<TicketJson>(`/api/v1/tickets/${id}`)).body;
  const sinkMessage = (to: string, match: (m: SinkMessage) => boolean, what: string) => waitFor(what, () => sink.to(to).find(match));
  const messageRow = (id: string) =>
    db<{ delivery_status: string; delivery_error: string | null; external_id: string | null; meta: Record<string, unknown> }>(
      'SELECT delivery_status, delivery_error, external_id, meta FROM messages WHERE id = $1',
      [id],
    ).then((r) => r[0]);
  const delivered = (id: string, status = 'sent') =>
    waitFor(`message ${id} ${status}`, async () => ((await messageRow(id))?.delivery_status === status ? messageRow(id) : null));

  beforeAll(async () => {
    await sink.start();
    env = new TestEnvironment({
      SMTP_URL: sink.url,
      SMTP_INBOUND_PORT: '0',
      SUPPORT_EMAIL: SUPPORT,
      SMTP_MAX_MESSAGE_MB: '1',
      ACK_LIMIT_PER_HOUR: '3',
    });
    await env.setup();
    await env.startApi();
    await env.startWorker();
    officer = await createStaff(env, 'officer', 'سارة القحطاني');
  });
  afterAll(async () => {
    await env.teardown();
    await sink.stop();
  });

  const FATIMA = 'fatima@example.net';
  const pdf = Buffer.from('%PDF-1.4\n% صورة الهوية الوطنية\n%%EOF');
  let fatimaTicket: TicketJson;
  let firstId: string;
  let ack: SinkMessage;
  let byHeaderId: string;
  let byTagId: string;

  it('opens a ticket for new mail (subject, sanitised HTML, attachment) and acknowledges it with the ticket tag and our Message-ID', async () => {
    firstId = newMessageId('fatima');
    const info = await mailIn({
      from: { name: 'فاطمة الزهراني', address: 'Fatima@Example.net' },
      subject: 'طلب مساعدة في سداد الإيجار',
      messageId: firstId,
      text: 'السلام عليكم، أحتاج مساعدة في سداد إيجار هذا الشهر.',
      html: '<p dir="rtl" onclick="steal()">السلام عليكم، <b>أحتاج مساعدة</b></p><script>alert(document.cookie)</script><a href="javascript:alert(1)">رابط</a>',
      attachments: [{ filename: 'هوية.pdf', content: pdf, contentType: 'application/pdf' }],
    });
    expect(info.response).toMatch(/^250 /);

    const event = await eventOf(firstId);
    expect(event.status).toBe('processed');
    fatimaTicket = await ticket(event.ticket_id!);
    expect(fatimaTicket).toMatchObject({
      channel: 'email',
      subject: 'طلب مساعدة في سداد الإيجار',
      status: 'new',
      contact: { name: 'فاطمة الزهراني' },
    });
    const [inbound] = fatimaTicket.messages;
    expect(inbound).toMatchObject({
      direction: 'inbound',
      channel: 'email',
      externalId: firstId,
      body: 'السلام عليكم، أحتاج مساعدة في سداد إيجار هذا الشهر.',
    });
    expect(inbound.bodyHtml).toContain('<b>أحتاج مساعدة</b>');
    expect(inbound.bodyHtml).not.toMatch(/script|onclick|javascript|cookie/);
    expect(inbound.attachments).toEqual([expect.objectContaining({ filename: 'هوية.pdf', contentType: 'application/pdf' })]);
    const download = await fetch(`${env.baseUrl}${inbound.attachments[0].url}`, { headers: { authorization: `Bearer ${officer.token}` } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);

    ack = await sinkMessage(FATIMA, (m) => m.subject.includes(`[#${fatimaTicket.number}]`), 'the acknowledgement');
    expect(ack.parsed.from?.value[0].address).toBe(SUPPORT);
    expect(ack.envelope.from).toBe(SUPPORT);
    expect(ack.text).toContain(fatimaTicket.number);
    expect(ack.header('auto-submitted')).toBe('auto-replied');
    expect(ack.messageId).toMatch(new RegExp(`^<t${fatimaTicket.number}\\.m[0-9a-f]{8}\\.[0-9a-f]{24}@example\\.org>$`));
    expect(ack.inReplyTo).toBe(firstId);
    const stored = (await ticket(fatimaTicket.id)).messages.find((m) => m.direction === 'outbound')!;
    expect(stored).toMatchObject({ deliveryStatus: 'sent', externalId: ack.messageId });
  });

  it('joins the ticket when a reply names our acknowledgement in In-Reply-To, without a second acknowledgement', async () => {
    byHeaderId = newMessageId('fatima');
    await mailIn({
      from: FATIMA,
      subject: 'Re: شكراً',
      messageId: byHeaderId,
      inReplyTo: ack.messageId,
      references: [firstId, ack.messageId!],
      text: 'أرفقت العقد سابقاً.',
    });
    const event = await eventOf(byHeaderId);
    expect(event).toMatchObject({ status: 'processed', ticket_id: fatimaTicket.id });
    expect(await ingestResult(event.id)).toMatchObject({ newTicket: false, acknowledged: false });
    const messages = (await ticket(fatimaTicket.id)).messages;
    expect(messages.filter((m) => m.direction === 'outbound')).toHaveLength(1);
  });

  it('joins the ticket by the [#number] subject tag alone', async () => {
    byTagId = newMessageId('fatima');
    await mailIn({ from: FATIMA, subject: `رد: استلمنا طلبك [#${fatimaTicket.number}]`, messageId: byTagId, text: 'هل من جديد؟' });
    const event = await eventOf(byTagId);
    expect(event).toMatchObject({ status: 'processed', ticket_id: fatimaTicket.id });
    expect(await ingestResult(event.id)).toMatchObject({ newTicket: false, acknowledged: false });
  });

  it('opens a new ticket when In-Reply-To or the subject tag points at another contact’s ticket', async () => {
    const forgedHeader = newMessageId('khalid');
    await mailIn({
      from: 'khalid@example.net',
      subject: 'Re: طلبك',
      messageId: forgedHeader,
      inReplyTo: ack.messageId,
      references: [ack.messageId!],
      text: 'أريد الاطلاع على الطلب',
    });
    const byHeader = await eventOf(forgedHeader);
    expect(byHeader.status).toBe('processed');
    expect(byHeader.ticket_id).not.toBe(fatimaTicket.id);

    const forgedTag = newMessageId('khalid');
    await mailIn({ from: 'khalid@example.net', subject: `Re: [#${fatimaTicket.number}]`, messageId: forgedTag, text: 'تحديث' });
    const byTag = await eventOf(forgedTag);
    expect(byTag.ticket_id).not.toBe(fatimaTicket.id);
    expect(byTag.ticket_id).not.toBe(byHeader.ticket_id);
    const t = await ticket(byTag.ticket_id!);
    expect(t.messages[0].body).toBe('تحديث');
    expect((await ticket(fatimaTicket.id)).messages.filter((m) => m.direction === 'inbound')).toHaveLength(3);
  });

  it('stores auto-replies, bounces and list mail as ignored events: no ticket, nothing sent', async () => {
    const ticketsBefore = (await db<{ n: string }>('SELECT count(*) n FROM tickets'))[0].n;
    const messagesBefore = (await ticket(fatimaTicket.id)).messages.length;
    const autoReply = newMessageId('fatima-ooo');
    await mailIn({
      from: FATIMA,
      subject: `Automatic reply: استلمنا طلبك [#${fatimaTicket.number}]`,
      messageId: autoReply,
      inReplyTo: ack.messageId,
      headers: { 'Auto-Submitted': 'auto-replied' },
      text: 'أنا خارج المكتب حتى الأحد.',
    });
    const bounce = newMessageId('bounce');
    await mailIn({
      from: 'notify@mx.example.net',
      subject: 'Undelivered Mail Returned to Sender',
      messageId: bounce,
      text: 'delivery failed',
      envelope: { from: '', to: [SUPPORT] },
    });
    const list = newMessageId('list');
    await mailIn({
      from: 'news@lists.example.net',
      subject: 'النشرة الشهرية',
      messageId: list,
      headers: { 'List-Id': 'Charity news <news.lists.example.net>' },
      text: 'أخبار',
    });

    const queue = env.worker!.get<Queue>(getQueueToken(QueueName.Ingest), { strict: false });
    for (const [id, reason] of [
      [autoReply, /Auto-Submitted: auto-replied/],
      [bounce, /null envelope sender/],
      [list, /List-Id/],
    ] as const) {
      const event = await eventOf(id);
      expect({ id, status: event.status, ticket: event.ticket_id }).toEqual({ id, status: 'ignored', ticket: null });
      expect(event.payload.automated?.reason).toMatch(reason);
      expect(await queue.getJob(`in-${event.id}`)).toBeUndefined();
    }
    expect((await db<{ n: string }>('SELECT count(*) n FROM tickets'))[0].n).toBe(ticketsBefore);
    expect((await ticket(fatimaTicket.id)).messages).toHaveLength(messagesBefore);
    expect(sink.to('notify@mx.example.net')).toHaveLength(0);
    expect(sink.to('news@lists.example.net')).toHaveLength(0);
  });

  it('keeps one message when the same Message-ID is delivered three times', async () => {
    const id = newMessageId('nora');
    for (let i = 0; i < 3; i++) {
      const info = await mailIn({ from: 'nora@example.net', subject: 'استفسار', messageId: id, text: 'متى يفتح التسجيل؟' });
      expect(info.response).toMatch(/^250 /);
    }
    await eventOf(id);
    expect(await db('SELECT id FROM inbound_events WHERE external_id = $1', [id])).toHaveLength(1);
    expect(await db('SELECT id FROM messages WHERE external_id = $1', [id])).toHaveLength(1);
  });

  it('sends an officer reply with In-Reply-To/References to the contact’s last message, the subject tag and the attachment, not marked automatic; a note never leaves', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4 نموذج')], { type: 'application/pdf' }), 'نموذج الطلب.pdf');
    const upload = await fetch(`${env.baseUrl}/api/v1/tickets/${fatimaTicket.id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer.token}` },
      body: form,
    });
    const attachment = (await upload.json()) as { id: string };
    const note = await officer.http.post(`/api/v1/tickets/${fatimaTicket.id}/messages`, { kind: 'note', body: 'ملاحظة داخلية: تحقق من عقد الإيجار' });
    expect(note.status).toBe(201);
    const reply = await officer.http.post<MessageJson>(`/api/v1/tickets/${fatimaTicket.id}/messages`, {
      kind: 'reply',
      body: 'وعليكم السلام، نرجو تعبئة النموذج المرفق.',
      attachmentIds: [attachment.id],
    });
    expect(reply.status).toBe(201);

    const out = await sinkMessage(FATIMA, (m) => m.text.includes('نرجو تعبئة النموذج'), 'the officer reply');
    expect(out.subject).toContain(`[#${fatimaTicket.number}]`);
    expect(out.inReplyTo).toBe(byTagId);
    expect(out.references).toEqual([firstId, ack.messageId, byHeaderId, byTagId]);
    expect(out.header('auto-submitted')).toBeUndefined();
    expect(out.parsed.from?.value[0]).toMatchObject({ address: SUPPORT, name: 'خدمة المستفيدين' });
    expect(out.attachments).toEqual([expect.objectContaining({ filename: 'نموذج الطلب.pdf', contentType: 'application/pdf' })]);
    expect(out.attachments[0].content.toString()).toBe('%PDF-1.4 نموذج');
    const row = await delivered(reply.body.id);
    expect(row.external_id).toBe(out.messageId);

    expect(sink.messages.some((m) => m.text.includes('ملاحظة داخلية'))).toBe(false);
    expect((await messageRow((note.body as { id: string }).id)).delivery_status).toBeNull();
  });

  it('answers 552 to mail over SMTP_MAX_MESSAGE_MB and 550 to other recipients, storing nothing', async () => {
    const before = (await db<{ n: string }>('SELECT count(*) n FROM inbound_events'))[0].n;
    const big = await mailIn({ from: 'big@example.net', subject: 'ملف كبير', text: 'x'.repeat(1.2 * 1024 * 1024) }).catch(
      (e: { responseCode?: number }) => e,
    );
    expect((big as { responseCode?: number }).responseCode).toBe(552);
    const stranger = await mailIn({ from: 'x@example.net', to: 'someone-else@example.org', subject: 'hi', text: 'hi' }).catch(
      (e: { responseCode?: number }) => e,
    );
    expect((stranger as { responseCode?: number }).responseCode).toBe(550);
    expect((await db<{ n: string }>('SELECT count(*) n FROM inbound_events'))[0].n).toBe(before);

    // Mixed recipients: the support address gets it, the other is refused.
    const mixed = await mailIn({
      from: 'mixed@example.net',
      to: [SUPPORT, 'other@example.org'],
      subject: 'نسخة',
      text: 'نسخة',
      messageId: newMessageId('mixed'),
    });
    expect(mixed.accepted).toEqual([SUPPORT]);
    expect(mixed.rejected).toEqual(['other@example.org']);
  });

  it('answers 451 when the event cannot be stored, so the sending server retries and nothing is lost', async () => {
    const events = env.worker!.get(InboundEventsService, { strict: false });
    const id = newMessageId('retry');
    const send = () => mailIn({ from: 'retry@example.net', subject: 'محاولة', messageId: id, text: 'هل وصلت رسالتي؟' });
    Object.assign(events, {
      accept: () => Promise.reject(new Error('connection to the database was lost')),
    });
    try {
      const failed = await send().catch((e: { responseCode?: number }) => e);
      expect((failed as { responseCode?: number }).responseCode).toBe(451);
    } finally {
      delete (events as unknown as Record<string, unknown>).accept;
    }
    expect(await db('SELECT id FROM inbound_events WHERE external_id = $1', [id])).toHaveLength(0);
    const retried = await send();
    expect(retried.response).toMatch(/^250 /);
    expect((await eventOf(id)).status).toBe('processed');
  });

  it('sends a sender who writes ten times at most ACK_LIMIT_PER_HOUR acknowledgements', async () => {
    const LOOP = 'loop@example.net';
    const ids = Array.from({ length: 10 }, () => newMessageId('loop'));
    for (const id of ids) await mailIn({ from: LOOP, subject: `رسالة ${id}`, messageId: id, text: 'رسالة' });
    const results = [];
    for (const id of ids) results.push(await ingestResult((await eventOf(id)).id));
    expect(results.filter((r) => r.newTicket)).toHaveLength(10);
    expect(results.filter((r) => r.acknowledged)).toHaveLength(3);
    const acks = await db<{ id: string }>(
      "SELECT m.id FROM messages m JOIN tickets t ON t.id = m.ticket_id JOIN contact_identities i ON i.contact_id = t.contact_id WHERE i.address = $1 AND m.direction = 'outbound'",
      [LOOP],
    );
    expect(acks).toHaveLength(3);
    for (const a of acks) await delivered(a.id);
    expect(sink.to(LOOP)).toHaveLength(3);
  });

  it('marks a message failed with the server’s reason when the relay refuses the recipient (550)', async () => {
    sink.rejectRecipient = (a) => a === 'gone@example.net';
    try {
      const id = newMessageId('gone');
      await mailIn({ from: 'gone@example.net', subject: 'طلب', messageId: id, text: 'طلب' });
      const event = await eventOf(id);
      await ingestResult(event.id);
      const reply = await officer.http.post<MessageJson>(`/api/v1/tickets/${event.ticket_id}/messages`, { kind: 'reply', body: 'رد' });
      const row = await delivered(reply.body.id, 'failed');
      expect(row.delivery_error).toMatch(/550/);
      expect(row.delivery_error).toMatch(/Recipient address rejected/);
      const view = (await ticket(event.ticket_id!)).messages.find((m) => m.id === reply.body.id)!;
      expect(view).toMatchObject({ deliveryStatus: 'failed' });
      expect(sink.to('gone@example.net')).toHaveLength(0);
    } finally {
      sink.rejectRecipient = () => false;
    }
  });

  it('retries a temporary refusal (421) and then delivers', async () => {
    sink.temporaryFailures = 1;
    const refusalsBefore = sink.refusals.filter((r) => r.code === 421).length;
    const reply = await officer.http.post<MessageJson>(`/api/v1/tickets/${fatimaTicket.id}/messages`, { kind: 'reply', body: 'رد بعد تعذر مؤقت' });
    await sinkMessage(FATIMA, (m) => m.text.includes('رد بعد تعذر مؤقت'), 'the retried reply');
    await delivered(reply.body.id);
    expect(sink.refusals.filter((r) => r.code === 421).length).toBe(refusalsBefore + 1);
  });

  it('records replies as sent in the sandbox, delivering nothing, when SMTP_URL is unset', async () => {
    await env.stopWorker();
    env.config = env.configWith({ SMTP_URL: '' });
    expect(env.config.SMTP_URL).toBeUndefined();
    await env.startWorker();
    const before = sink.messages.length;
    const reply = await officer.http.post<MessageJson>(`/api/v1/tickets/${fatimaTicket.id}/messages`, { kind: 'reply', body: 'رد في وضع التجربة' });
    const row = await delivered(reply.body.id);
    expect(row.meta).toMatchObject({ sandbox: true, via: 'email' });
    expect(row.external_id).toMatch(/^<t.+@example\.org>$/);
    expect(sink.messages).toHaveLength(before);

    // Inbound mail still works on the restarted worker.
    const id = newMessageId('fatima');
    await mailIn({ from: FATIMA, subject: `Re: [#${fatimaTicket.number}]`, messageId: id, text: 'شكراً' });
    expect((await eventOf(id)).ticket_id).toBe(fatimaTicket.id);
  });
});
