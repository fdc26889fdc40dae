import { jest } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { TwilioReconciler } from '@app/channels';
import { QueueName } from '@app/queue';
import {
  postTwilioWebhook,
  TwilioFake,
  twilioSid,
  twilioSignature as twilioSig,
  type FormFields,
  type TwilioFakeRequest,
} from './support/fakes/twilio-fake.js';
import { createStaff, type StaffAccount } from './support/staff.js';
import { queryDatabase } from './support/test-database.js';
import { TestEnvironment } from './support/test-environment.js';
import { eventually } from './support/wait-for.js';

interface MessageJson {
  id: string;
  direction: string;
  channel: string;
  body: string;
  deliveryStatus: string | null;
  deliveryError: string | null;
  externalId: string | null;
  attachments: { id: string; filename: string; contentType: string; size: number; url: string }[];
}
interface TicketJson {
  id: string;
  number: string;
  channel: string;
  status: string;
  contact: { id: string; name: string };
  messages: MessageJson[];
}

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'twilio-test-auth-token-0123456789';
const SMS_FROM = '+966511000111';
const WHATSAPP_FROM = 'whatsapp:+966511000222';
/** What Twilio is configured with; requests actually reach the api on 127.0.0.1 (as through a proxy). */
const PUBLIC_BASE_URL = 'https://helpdesk.example.org';
const WINDOW_REASON = 'outside WhatsApp’s 24-hour window: send an approved template or reply by SMS';

// The e2e project's `testTimeout` in jest.config.js is not applied (Jest reads it only globally), so a
// first file that builds the template database, or a wait for retries with backoff, needs this.
jest.setTimeout(60_000);

const basicAuth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
const png = (text: string) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(text)]);

describe('Twilio: SMS, WhatsApp and voice in and out', () => {
  const fake = new TwilioFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  let env: TestEnvironment;
  let officer: StaffAccount;

  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => queryDatabase<T>(env.config.DATABASE_URL, sql, params);
  const post = (path: string, params: FormFields, options: { signature?: string | null } = {}) =>
    postTwilioWebhook({ apiBaseUrl: env.baseUrl, publicBaseUrl: PUBLIC_BASE_URL, authToken: AUTH_TOKEN }, path, params, options);
  const sms = (from: string, body: string, sid = twilioSid('SM')): FormFields => ({
    MessageSid: sid,
    SmsSid: sid,
    SmsMessageSid: sid,
    AccountSid: ACCOUNT_SID,
    From: from,
    To: SMS_FROM,
    Body: body,
    NumMedia: '0',
    NumSegments: '1',
    SmsStatus: 'received',
    ApiVersion: '2010-04-01',
    FromCountry: 'SA',
  });
  const ticket = (id: string) => officer.http.get<TicketJson>(`/api/v1/tickets/${id}`).then((r) => r.body);
  /** The ticket an inbound message with this provider id landed on, once the worker has ingested it. */
  const ticketOf = async (externalId: string): Promise<TicketJson> => {
    const rows = await eventually(
      `a message with external id ${externalId}`,
      () => db<{ ticket_id: string }>('SELECT ticket_id FROM messages WHERE external_id = $1', [externalId]),
      (r) => r.length === 1,
    );
    return ticket(rows[0].ticket_id);
  };
  const message = async (ticketId: string, messageId: string) => (await ticket(ticketId)).messages.find((m) => m.id === messageId) as MessageJson;
  const waitForStatus = (ticketId: string, messageId: string, ok: (m: MessageJson) => boolean, what: string, timeoutMs?: number) =>
    eventually(what, () => message(ticketId, messageId), ok, timeoutMs);
  const sentTo = (to: string): TwilioFakeRequest[] => fake.sent().filter((r) => r.form.To === to);
  const reply = (ticketId: string, body: Record<string, unknown>) =>
    officer.http.post<MessageJson>(`/api/v1/tickets/${ticketId}/messages`, { kind: 'reply', ...body });
  const counts = async () => {
    const [events] = await db<{ n: string }>('SELECT count(*) n FROM inbound_events');
    const [messages] = await db<{ n: string }>('SELECT count(*) n FROM messages');
    return { events: Number(events.n), messages: Number(messages.n) };
  };

  beforeAll(async () => {
    await fake.start();
    env = new TestEnvironment({
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_SMS_FROM: SMS_FROM,
      TWILIO_WHATSAPP_FROM: WHATSAPP_FROM,
      TWILIO_API_BASE_URL: fake.url,
      PUBLIC_BASE_URL,
      // Any free port: test files run in parallel and each starts a worker with the inbound SMTP listener.
      SMTP_INBOUND_PORT: '0',
    });
    await env.setup();
    await env.startApi();
    await env.startWorker();
    officer = await createStaff(env, 'officer', 'سارة القحطاني');
  });
  afterAll(async () => {
    await env?.teardown();
    await fake.stop();
  });

  describe('inbound SMS', () => {
    const caller = '+966501110001';
    let first: TicketJson;

    it('opens a ticket, answers empty TwiML at once, and the acknowledgement with the number reaches Twilio through the SDK', async () => {
      const params = sms(caller, 'السلام عليكم، أحتاج مساعدة في سداد الإيجار');
      const started = Date.now();
      const res = await post('/webhooks/twilio/messaging', params);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(res).toEqual({ status: 200, contentType: 'text/xml; charset=utf-8', text: '<?xml version="1.0" encoding="UTF-8"?><Response/>' });

      first = await ticketOf(params.MessageSid as string);
      expect(first).toMatchObject({ channel: 'sms', status: 'new', contact: { name: caller } });
      expect(first.messages[0]).toMatchObject({
        direction: 'inbound',
        channel: 'sms',
        body: 'السلام عليكم، أحتاج مساعدة في سداد الإيجار',
        externalId: params.MessageSid,
      });

      const [ack] = await eventually(
        'the acknowledgement at Twilio',
        async () => sentTo(caller),
        (r) => r.length === 1,
      );
      expect(ack.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
      expect(ack.authorized).toBe(true);
      expect(ack.form).toEqual({
        To: caller,
        From: SMS_FROM,
        Body: expect.stringContaining(first.number),
        StatusCallback: `${PUBLIC_BASE_URL}/webhooks/twilio/status`,
      });
      expect(ack.sid).toMatch(/^SM[0-9a-f]{32}$/);
      const stored = await eventually(
        'the acknowledgement recorded as handed to Twilio',
        async () => (await ticket(first.id)).messages.find((m) => m.direction === 'outbound'),
        (m) => m?.externalId === ack.sid,
      );
      expect(stored).toMatchObject({ channel: 'sms', deliveryStatus: 'sending', body: ack.form.Body });
      // Stored together, shown in the order they happened: the contact's message, then our acknowledgement.
      expect((await ticket(first.id)).messages.map((m) => m.direction)).toEqual(['inbound', 'outbound']);
    });

    it('joins a follow-up to the same ticket without a second acknowledgement', async () => {
      const params = sms(caller, 'وهذه صورة العقد');
      expect((await post('/webhooks/twilio/messaging', params)).status).toBe(200);
      const again = await ticketOf(params.MessageSid as string);
      expect(again.id).toBe(first.id);
      await eventually(
        'the follow-up processed',
        () => db<{ status: string }>('SELECT status FROM inbound_events WHERE external_id = $1', [params.MessageSid]),
        (r) => r[0]?.status === 'processed',
      );
      const acks = await db('SELECT id FROM messages WHERE ticket_id = $1 AND direction = $2', [first.id, 'outbound']);
      expect(acks).toHaveLength(1);
      expect(sentTo(caller)).toHaveLength(1);
    });

    it('stores one message for a MessageSid delivered three times', async () => {
      const params = sms('+966501110002', 'رسالة مكررة');
      const answers = await Promise.all([1, 2, 3].map(() => post('/webhooks/twilio/messaging', params)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect((await post('/webhooks/twilio/messaging', params)).status).toBe(200);
      await ticketOf(params.MessageSid as string);
      expect(await db('SELECT id FROM inbound_events WHERE external_id = $1', [params.MessageSid])).toHaveLength(1);
      expect(await db('SELECT id FROM messages WHERE external_id = $1', [params.MessageSid])).toHaveLength(1);
    });

    it('accepts the Fallback URL (same endpoint with ?fallback=1, signed with its query)', async () => {
      const params = sms('+966501110015', 'عبر عنوان الاحتياط');
      const res = await post('/webhooks/twilio/messaging?fallback=1', params);
      expect(res.status).toBe(200);
      expect((await ticketOf(params.MessageSid as string)).channel).toBe('sms');
    });

    it('refuses a forged or missing signature with a 403 and stores nothing', async () => {
      await eventually(
        'nothing left to ingest',
        () => db('SELECT id FROM inbound_events WHERE status = $1', ['received']),
        (r) => r.length === 0,
      );
      const before = await counts();
      const params = sms('+966501110009', 'مزور');
      const hostUrl = `${env.baseUrl}/webhooks/twilio/messaging`;
      const cases: [string, Promise<{ status: number; text: string }>][] = [
        ['no signature', post('/webhooks/twilio/messaging', params, { signature: null })],
        ['a made-up signature', post('/webhooks/twilio/messaging', params, { signature: 'bm90IGEgc2lnbmF0dXJl' })],
        [
          'signed with another token',
          post('/webhooks/twilio/messaging', params, { signature: twilioSig('wrong-token', `${PUBLIC_BASE_URL}/webhooks/twilio/messaging`, params) }),
        ],
        ['signed over the Host header URL', post('/webhooks/twilio/messaging', params, { signature: twilioSig(AUTH_TOKEN, hostUrl, params) })],
        [
          'a field changed after signing',
          post(
            '/webhooks/twilio/messaging',
            { ...params, Body: 'نص آخر' },
            { signature: twilioSig(AUTH_TOKEN, `${PUBLIC_BASE_URL}/webhooks/twilio/messaging`, params) },
          ),
        ],
        [
          'a field added after signing',
          post(
            '/webhooks/twilio/messaging',
            { ...params, MediaUrl0: 'x' },
            { signature: twilioSig(AUTH_TOKEN, `${PUBLIC_BASE_URL}/webhooks/twilio/messaging`, params) },
          ),
        ],
        ['a status callback', post('/webhooks/twilio/status', { MessageSid: twilioSid('SM'), MessageStatus: 'delivered' }, { signature: 'x' })],
        ['an incoming call', post('/webhooks/twilio/voice', { CallSid: twilioSid('CA'), From: '+966501110009' }, { signature: null })],
        ['a recording', post('/webhooks/twilio/voice/recording', { CallSid: twilioSid('CA'), RecordingSid: twilioSid('RE') }, { signature: 'x' })],
      ];
      for (const [what, pending] of cases) {
        const res = await pending;
        expect({ what, status: res.status }).toEqual({ what, status: 403 });
        expect(JSON.parse(res.text)).toMatchObject({ statusCode: 403, error: 'Forbidden', message: expect.stringMatching(/X-Twilio-Signature/) });
      }
      expect(await counts()).toEqual(before);
    });

    it('answers 400 naming a missing or unusable field', async () => {
      const before = await counts();
      for (const [params, field] of [
        [{ From: '+966501110009', Body: 'x' }, 'MessageSid'],
        [{ MessageSid: twilioSid('SM'), Body: 'x' }, 'From'],
        [{ MessageSid: twilioSid('SM'), From: 'TWILIO', Body: 'x' }, 'From'],
      ] as const) {
        const res = await post('/webhooks/twilio/messaging', params);
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(JSON.parse(res.text).message).toContain(field);
      }
      const status = await post('/webhooks/twilio/status', { MessageSid: twilioSid('SM') });
      expect(status.status).toBe(400);
      expect(JSON.parse(status.text).message).toContain('MessageStatus');
      expect(await counts()).toEqual(before);
    });
  });

  describe('inbound WhatsApp', () => {
    const number = '+966501110003';
    let whatsappTicket: TicketJson;

    it('fetches an image with Twilio credentials and attaches it to the message', async () => {
      const image = png('صورة الهوية');
      const sid = twilioSid('MM');
      const media = fake.addMedia('image/png', image, sid);
      expect((await fetch(media.url)).status).toBe(401);
      const res = await post('/webhooks/twilio/messaging', {
        MessageSid: sid,
        AccountSid: ACCOUNT_SID,
        From: `whatsapp:${number}`,
        To: WHATSAPP_FROM,
        Body: 'مرفق صورة الهوية',
        NumMedia: '1',
        MediaUrl0: media.url,
        MediaContentType0: 'image/png',
        ProfileName: 'أحمد الغامدي',
        WaId: number.slice(1),
        MessageType: 'image',
      });
      expect(res.status).toBe(200);
      whatsappTicket = await ticketOf(sid);
      expect(whatsappTicket).toMatchObject({ channel: 'whatsapp', contact: { name: 'أحمد الغامدي' } });
      const inbound = whatsappTicket.messages[0];
      expect(inbound.attachments).toEqual([expect.objectContaining({ filename: `${sid}-1.png`, contentType: 'image/png', size: image.length })]);
      const download = await fetch(`${env.baseUrl}${inbound.attachments[0].url}`, { headers: { authorization: `Bearer ${officer.token}` } });
      expect(Buffer.from(await download.arrayBuffer()).equals(image)).toBe(true);
      const fetched = fake.requests.filter((r) => r.path === new URL(media.url).pathname);
      expect(fetched.map((r) => ({ authorized: r.authorized, status: r.status }))).toContainEqual({ authorized: true, status: 200 });
      const [meta] = await db<{ meta: Record<string, unknown> }>('SELECT meta FROM messages WHERE external_id = $1', [sid]);
      expect(meta.meta).toMatchObject({ provider: 'twilio', waId: number.slice(1), profileName: 'أحمد الغامدي', messageType: 'image' });
      const [ack] = await eventually(
        'the WhatsApp acknowledgement',
        async () => sentTo(`whatsapp:${number}`),
        (r) => r.length === 1,
      );
      expect(ack.form).toMatchObject({ From: WHATSAPP_FROM, Body: expect.stringContaining(whatsappTicket.number) });
      // Stored here, so the ID card no longer stays on Twilio's servers.
      await eventually(
        'the image deleted at Twilio',
        async () => fake.deletedMedia(),
        (d) => d.includes(media.sid),
      );
      expect(fake.mediaDeletes().find((r) => r.path.includes(media.sid))).toMatchObject({ authorized: true, status: 204 });
      expect((await fetch(media.url, { headers: { authorization: basicAuth } })).status).toBe(404);
    });

    it('deletes at Twilio only the media it stored; a failed delete leaves the ticket as it is', async () => {
      const sid = twilioSid('MM');
      const stored = fake.addMedia('image/png', png('صك'), sid);
      const kept = fake.addMedia('application/pdf', Buffer.from('%PDF-1.4 تقرير طبي'), sid);
      // A media Twilio lists but cannot serve (404): skipped here, so it must stay at Twilio.
      const missing = `${fake.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${sid}/Media/${twilioSid('ME')}`;
      fake.failNextMediaDelete({ status: 500 });
      const res = await post('/webhooks/twilio/messaging', {
        MessageSid: sid,
        AccountSid: ACCOUNT_SID,
        From: '+966501110009',
        To: SMS_FROM,
        Body: 'المستندات المطلوبة',
        NumMedia: '3',
        MediaUrl0: stored.url,
        MediaContentType0: 'image/png',
        MediaUrl1: missing,
        MediaContentType1: 'image/jpeg',
        MediaUrl2: kept.url,
        MediaContentType2: 'application/pdf',
      });
      expect(res.status).toBe(200);
      const mms = await ticketOf(sid);
      expect(mms.messages[0].attachments.map((a) => a.contentType).sort()).toEqual(['application/pdf', 'image/png']);
      const deletes = await eventually(
        'two delete attempts',
        async () => fake.mediaDeletes().filter((r) => r.path.includes(sid)),
        (d) => d.length === 2,
      );
      // One of the two stored files was refused (500): it stays at Twilio, logged; the other is gone.
      expect(deletes.map((r) => r.status).sort()).toEqual([204, 500]);
      expect(deletes.some((r) => r.path.includes(missing.split('/').pop()!))).toBe(false);
      const [event] = await db<{ status: string }>('SELECT status FROM inbound_events WHERE external_id = $1', [sid]);
      expect(event.status).toBe('processed');
      expect((await ticket(mms.id)).messages[0].attachments).toHaveLength(2);
    });

    it('refuses a free-form reply outside the 24-hour window with the reason; SMS and an approved template go out', async () => {
      await db(
        `UPDATE messages SET created_at = now() - interval '25 hours' WHERE direction = 'inbound' AND channel = 'whatsapp' AND ticket_id IN (SELECT id FROM tickets WHERE contact_id = $1)`,
        [whatsappTicket.contact.id],
      );
      const attemptsBefore = fake.createAttempts().length;
      const late = await reply(whatsappTicket.id, { body: 'ردنا بعد يومين' });
      expect(late.status).toBe(201);
      const refused = await waitForStatus(whatsappTicket.id, late.body.id, (m) => m.deliveryStatus === 'failed', 'the late reply refused');
      expect(refused.deliveryError).toBe(WINDOW_REASON);

      const bySms = await reply(whatsappTicket.id, { body: 'نرد عليك برسالة نصية', via: 'sms' });
      const [smsOut] = await eventually(
        'the SMS at Twilio',
        async () => sentTo(number),
        (r) => r.length === 1,
      );
      expect(smsOut.form).toEqual({
        To: number,
        From: SMS_FROM,
        Body: 'نرد عليك برسالة نصية',
        StatusCallback: `${PUBLIC_BASE_URL}/webhooks/twilio/status`,
      });
      expect(await waitForStatus(whatsappTicket.id, bySms.body.id, (m) => m.externalId === smsOut.sid, 'the SMS recorded')).toMatchObject({
        channel: 'sms',
        deliveryStatus: 'sending',
      });

      const contentSid = twilioSid('HX');
      const byTemplate = await reply(whatsappTicket.id, {
        body: 'قالب: موعد المراجعة',
        whatsappTemplate: { contentSid, variables: { '1': 'أحمد', '2': '١٤ جمادى الآخرة' } },
      });
      expect(byTemplate.status).toBe(201);
      const templated = await eventually(
        'the template at Twilio',
        async () => sentTo(`whatsapp:${number}`).filter((r) => r.form.ContentSid),
        (r) => r.length === 1,
      );
      expect(templated[0].form).toEqual({
        To: `whatsapp:${number}`,
        From: WHATSAPP_FROM,
        ContentSid: contentSid,
        ContentVariables: '{"1":"أحمد","2":"١٤ جمادى الآخرة"}',
        StatusCallback: `${PUBLIC_BASE_URL}/webhooks/twilio/status`,
      });
      expect(
        await waitForStatus(whatsappTicket.id, byTemplate.body.id, (m) => m.externalId === templated[0].sid, 'the template recorded'),
      ).toMatchObject({ channel: 'whatsapp' });
      // Only the SMS and the template were attempted: the refused reply never left.
      expect(fake.createAttempts().length - attemptsBefore).toBe(2);
      expect(fake.createAttempts().some((r) => r.form.Body === 'ردنا بعد يومين')).toBe(false);
    });
  });

  describe('officer replies and delivery status', () => {
    const contactNumber = '+966501110004';
    let t: TicketJson;

    beforeAll(async () => {
      const params = sms(contactNumber, 'متى يصرف الدعم؟');
      await post('/webhooks/twilio/messaging', params);
      t = await ticketOf(params.MessageSid as string);
      await eventually(
        'the acknowledgement',
        async () => sentTo(contactNumber),
        (r) => r.length === 1,
      );
    });

    it('sends a reply with To, From and Body; a note never reaches Twilio', async () => {
      const note = await officer.http.post<MessageJson>(`/api/v1/tickets/${t.id}/messages`, { kind: 'note', body: 'ملاحظة داخلية لا ترسل' });
      expect(note.status).toBe(201);
      const sent = await reply(t.id, { body: 'يصرف الدعم يوم الأحد إن شاء الله' });
      const out = await eventually(
        'the reply at Twilio',
        async () => sentTo(contactNumber).filter((r) => r.form.Body === 'يصرف الدعم يوم الأحد إن شاء الله'),
        (r) => r.length === 1,
      );
      expect(out[0].form).toEqual({
        To: contactNumber,
        From: SMS_FROM,
        Body: 'يصرف الدعم يوم الأحد إن شاء الله',
        StatusCallback: `${PUBLIC_BASE_URL}/webhooks/twilio/status`,
      });
      expect(out[0].authorized).toBe(true);
      await waitForStatus(t.id, sent.body.id, (m) => m.externalId === out[0].sid, 'the reply recorded');
      expect(fake.requests.some((r) => JSON.stringify(r.form).includes('ملاحظة داخلية'))).toBe(false);
    });

    it('never moves a status backwards when callbacks arrive out of order; an unknown MessageSid is answered 200', async () => {
      const sent = await reply(t.id, { body: 'تم تحديث طلبك' });
      const m = await waitForStatus(t.id, sent.body.id, (x) => !!x.externalId, 'the reply sent');
      for (const status of ['delivered', 'sent', 'sending']) {
        const res = await post('/webhooks/twilio/status', {
          MessageSid: m.externalId as string,
          MessageStatus: status,
          SmsStatus: status,
          AccountSid: ACCOUNT_SID,
          From: SMS_FROM,
          To: contactNumber,
          ApiVersion: '2010-04-01',
        });
        expect(res).toMatchObject({ status: 200, text: '' });
      }
      expect((await message(t.id, sent.body.id)).deliveryStatus).toBe('delivered');
      const unknown = await post('/webhooks/twilio/status', { MessageSid: twilioSid('SM'), MessageStatus: 'delivered' });
      expect(unknown).toMatchObject({ status: 200, text: '' });
    });

    it('applies a callback that overtakes the MessageSid being stored', async () => {
      fake.beforeCreateResponse = async (sid) => {
        fake.beforeCreateResponse = undefined;
        const res = await post('/webhooks/twilio/status', { MessageSid: sid, MessageStatus: 'delivered', AccountSid: ACCOUNT_SID });
        expect(res.status).toBe(200);
      };
      const sent = await reply(t.id, { body: 'رد سريع' });
      const done = await waitForStatus(t.id, sent.body.id, (m) => m.deliveryStatus === 'delivered', 'the early callback applied', 20_000);
      expect(done.externalId).toMatch(/^SM/);
    });

    it('marks a message failed with Twilio’s reason on a permanent error (21211), without retrying', async () => {
      fake.failNext({ status: 400, code: 21211, message: "The 'To' number +966501110004 is not a valid phone number." });
      const before = fake.createAttempts().length;
      const sent = await reply(t.id, { body: 'رقم غير صالح' });
      const failed = await waitForStatus(t.id, sent.body.id, (m) => m.deliveryStatus === 'failed', 'the failure recorded');
      expect(failed.deliveryError).toBe("Twilio 21211: The 'To' number +966501110004 is not a valid phone number.");
      expect(failed.externalId).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(fake.createAttempts().length - before).toBe(1);
    });

    it('refuses a text longer than Twilio’s 1,600 characters with a reason, without calling Twilio', async () => {
      const before = fake.createAttempts().length;
      const sent = await reply(t.id, { body: 'ا'.repeat(1601) });
      const failed = await waitForStatus(t.id, sent.body.id, (m) => m.deliveryStatus === 'failed', 'the refusal recorded');
      expect(failed.deliveryError).toBe('the text is 1601 characters; SMS and WhatsApp carry at most 1600: shorten it or answer by e-mail');
      expect(fake.createAttempts().length).toBe(before);
      const fits = await reply(t.id, { body: 'ا'.repeat(1600) });
      await waitForStatus(t.id, fits.body.id, (m) => !!m.externalId, 'the 1,600-character reply sent');
    });

    it('retries a temporary error (500 twice) with backoff until Twilio accepts, then records delivery', async () => {
      fake.failNext({ status: 500 }, { status: 500 });
      const sent = await reply(t.id, { body: 'نعتذر عن التأخير' });
      const accepted = await waitForStatus(t.id, sent.body.id, (m) => !!m.externalId, 'the reply accepted after retries', 30_000);
      expect(accepted.deliveryStatus).toBe('sending');
      const attempts = fake.createAttempts().filter((r) => r.form.Body === 'نعتذر عن التأخير');
      expect(attempts.map((r) => r.status)).toEqual([500, 500, 201]);
      await post('/webhooks/twilio/status', { MessageSid: accepted.externalId as string, MessageStatus: 'delivered' });
      expect((await message(t.id, sent.body.id)).deliveryStatus).toBe('delivered');
    });

    it('rides out a 429 inside the SDK', async () => {
      fake.failNext({ status: 429 });
      const sent = await reply(t.id, { body: 'مهلاً' });
      await waitForStatus(t.id, sent.body.id, (m) => !!m.externalId, 'the reply accepted after a 429');
      expect(
        fake
          .createAttempts()
          .filter((r) => r.form.Body === 'مهلاً')
          .map((r) => r.status),
      ).toEqual([429, 201]);
    });
  });

  describe('voice', () => {
    const callerNumber = '+966501110005';
    const callSid = twilioSid('CA');
    let callTicket: TicketJson;

    it('answers an incoming call with Arabic TwiML and a voicemail, and logs the call on a ticket', async () => {
      const res = await post('/webhooks/twilio/voice', {
        CallSid: callSid,
        AccountSid: ACCOUNT_SID,
        From: callerNumber,
        To: SMS_FROM,
        CallStatus: 'ringing',
        Direction: 'inbound',
        ApiVersion: '2010-04-01',
        FromCountry: 'SA',
      });
      expect(res.status).toBe(200);
      expect(res.contentType).toBe('text/xml; charset=utf-8');
      expect(res.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Say language="ar-AE" voice="Polly.Hala-Neural">مرحباً بك/);
      expect(res.text).toContain(
        `<Record maxLength="120" playBeep="true" finishOnKey="#" action="${PUBLIC_BASE_URL}/webhooks/twilio/voice/recorded" method="POST" ` +
          `recordingStatusCallback="${PUBLIC_BASE_URL}/webhooks/twilio/voice/recording" recordingStatusCallbackMethod="POST" recordingStatusCallbackEvent="completed"/>`,
      );
      callTicket = await ticketOf(callSid);
      expect(callTicket).toMatchObject({ channel: 'phone', status: 'new' });
      expect(callTicket.messages[0]).toMatchObject({ direction: 'inbound', channel: 'phone', body: 'مكالمة واردة' });
      // A call is answered by SMS: the acknowledgement with the ticket number.
      const [ack] = await eventually(
        'the acknowledgement of the call',
        async () => sentTo(callerNumber),
        (r) => r.length === 1,
      );
      expect(ack.form.Body).toContain(callTicket.number);

      const goodbye = await post('/webhooks/twilio/voice/recorded', { CallSid: callSid, RecordingUrl: 'x', RecordingDuration: '12', Digits: '#' });
      expect(goodbye.text).toMatch(/<Say language="ar-AE" voice="Polly.Hala-Neural">شكراً لك[^<]*<\/Say><Hangup\/><\/Response>$/);
    });

    it('attaches the voicemail recording to the call’s ticket', async () => {
      const audio = Buffer.from('ID3\u0004fake-mp3-voicemail');
      const recording = fake.addRecording(audio);
      const res = await post('/webhooks/twilio/voice/recording', {
        AccountSid: ACCOUNT_SID,
        CallSid: callSid,
        RecordingSid: recording.sid,
        RecordingUrl: recording.url,
        RecordingStatus: 'completed',
        RecordingDuration: '12',
        RecordingChannels: '1',
        RecordingSource: 'RecordVerb',
        RecordingStartTime: new Date().toUTCString(),
      });
      expect(res).toMatchObject({ status: 200, text: '' });
      const withVoicemail = await ticketOf(recording.sid);
      expect(withVoicemail.id).toBe(callTicket.id);
      const voicemail = withVoicemail.messages.find((m) => m.externalId === recording.sid) as MessageJson;
      expect(voicemail).toMatchObject({ direction: 'inbound', channel: 'phone', body: 'رسالة صوتية (12 ثانية)' });
      expect(voicemail.attachments).toEqual([
        expect.objectContaining({ filename: `voicemail-${recording.sid}.mp3`, contentType: 'audio/mpeg', size: audio.length }),
      ]);
      const download = await fetch(`${env.baseUrl}${voicemail.attachments[0].url}`, { headers: { authorization: `Bearer ${officer.token}` } });
      expect(Buffer.from(await download.arrayBuffer()).equals(audio)).toBe(true);
      expect(fake.requests.filter((r) => r.path === `${new URL(recording.url).pathname}.mp3`).map((r) => r.authorized)).toContain(true);
      const [meta] = await db<{ meta: Record<string, unknown> }>('SELECT meta FROM messages WHERE external_id = $1', [recording.sid]);
      expect(meta.meta).toMatchObject({
        kind: 'voicemail',
        callSid,
        recordingSid: recording.sid,
        recordingUrl: recording.url,
        recordingDuration: 12,
      });
      // Joining the call's ticket sends no second acknowledgement.
      await eventually(
        'the voicemail processed',
        () => db<{ status: string }>('SELECT status FROM inbound_events WHERE external_id = $1', [recording.sid]),
        (r) => r[0]?.status === 'processed',
      );
      expect(await db('SELECT id FROM messages WHERE ticket_id = $1 AND direction = $2', [callTicket.id, 'outbound'])).toHaveLength(1);
      // Stored here, the recording is deleted at Twilio.
      await eventually('the recording deleted at Twilio', async () => fake.deletedRecordings(), (r) => r.includes(recording.sid));
      // Twilio repeating the callback changes nothing.
      await post('/webhooks/twilio/voice/recording', {
        AccountSid: ACCOUNT_SID,
        CallSid: callSid,
        RecordingSid: recording.sid,
        RecordingUrl: recording.url,
        RecordingStatus: 'completed',
        RecordingDuration: '12',
      });
      expect(await db('SELECT id FROM inbound_events WHERE external_id = $1', [recording.sid])).toHaveLength(1);
    });

    it('finds the caller through Twilio when the call itself was never logged', async () => {
      const lostCall = twilioSid('CA');
      fake.addCall(lostCall, '+966501110006', SMS_FROM);
      const recording = fake.addRecording(Buffer.from('ID3\u0004another'));
      const res = await post('/webhooks/twilio/voice/recording', {
        AccountSid: ACCOUNT_SID,
        CallSid: lostCall,
        RecordingSid: recording.sid,
        RecordingUrl: recording.url,
        RecordingStatus: 'completed',
        RecordingDuration: '4',
      });
      expect(res.status).toBe(200);
      const t = await ticketOf(recording.sid);
      expect(t).toMatchObject({ channel: 'phone' });
      const detail = await officer.http.get<{ identities: { kind: string; address: string }[] }>(`/api/v1/contacts/${t.contact.id}`);
      expect(detail.body.identities).toEqual([{ kind: 'phone', address: '+966501110006' }]);
    });

    it('asks a caller with a withheld number to call from a visible one, and logs nothing', async () => {
      const before = await counts();
      const res = await post('/webhooks/twilio/voice', {
        CallSid: twilioSid('CA'),
        AccountSid: ACCOUNT_SID,
        From: 'anonymous',
        To: SMS_FROM,
        CallStatus: 'ringing',
      });
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/رقمك محجوب.*<Hangup\/><\/Response>$/);
      expect(res.text).not.toContain('<Record');
      expect(await counts()).toEqual(before);
    });
  });

  describe('missed webhooks', () => {
    it('has a reconciliation schedule while credentials are live', async () => {
      const queue = env.worker!.get<Queue>(getQueueToken(QueueName.Twilio), { strict: false });
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers).toEqual([expect.objectContaining({ key: 'twilio-reconcile', name: 'reconcile-inbound', every: 300_000 })]);
    });

    it('takes inbound messages Twilio has but the webhook never delivered, once, following Twilio’s pages', async () => {
      fake.maxPageSize = 2;
      const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
      const lostSms = fake.addInboundMessage({ from: '+966501110007', to: SMS_FROM, body: 'رسالة لم يصل إشعارها', dateSent: minutesAgo(5) });
      const lostWhatsApp = fake.addInboundMessage({
        from: 'whatsapp:+966501110008',
        to: WHATSAPP_FROM,
        body: '',
        media: [{ contentType: 'image/png', body: png('إيصال') }],
        dateSent: minutesAgo(7),
      });
      // Older than the look-back, and so recent that its webhook may still be coming: both left alone.
      const old = fake.addInboundMessage({ from: '+966501110010', to: SMS_FROM, body: 'قديمة', dateSent: minutesAgo(180) });
      const fresh = fake.addInboundMessage({ from: '+966501110014', to: SMS_FROM, body: 'للتو', dateSent: minutesAgo(0.1) });
      // Two that did arrive by webhook: three recent SMS make Twilio page its answer (2 per page here).
      const arrived = [sms('+966501110011', 'وصلت عبر الإشعار'), sms('+966501110013', 'وهذه أيضاً')];
      for (const a of arrived) {
        fake.addInboundMessage({
          from: a.From as string,
          to: SMS_FROM,
          body: a.Body as string,
          sid: a.MessageSid as string,
          dateSent: minutesAgo(3),
        });
        await post('/webhooks/twilio/messaging', a);
        await ticketOf(a.MessageSid as string);
      }

      const reconciler = env.worker!.get(TwilioReconciler, { strict: false });
      const listRequestsBefore = fake.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/Messages.json')).length;
      expect(await reconciler.reconcile()).toEqual({ listed: 4, accepted: 2 });
      const lists = fake.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/Messages.json')).slice(listRequestsBefore);
      expect(lists.every((r) => r.authorized && r.query.get('DateSent>'))).toBe(true);
      expect(lists.map((r) => r.query.get('To'))).toEqual(expect.arrayContaining([SMS_FROM, WHATSAPP_FROM]));
      expect(lists.some((r) => r.query.get('Page') === '1')).toBe(true);

      const smsTicket = await ticketOf(lostSms);
      expect(smsTicket).toMatchObject({ channel: 'sms' });
      expect(smsTicket.messages[0].body).toBe('رسالة لم يصل إشعارها');
      const waTicket = await ticketOf(lostWhatsApp);
      expect(waTicket.channel).toBe('whatsapp');
      expect(waTicket.messages[0].attachments).toEqual([expect.objectContaining({ contentType: 'image/png', filename: `${lostWhatsApp}-1.png` })]);
      const [meta] = await db<{ meta: Record<string, unknown> }>('SELECT meta FROM messages WHERE external_id = $1', [lostSms]);
      expect(meta.meta).toMatchObject({ reconciled: true });
      expect(await db('SELECT id FROM inbound_events WHERE external_id = ANY($1)', [[old, fresh]])).toHaveLength(0);

      expect(await reconciler.reconcile()).toEqual({ listed: 4, accepted: 0 });
      expect(
        await db('SELECT id FROM messages WHERE external_id = ANY($1)', [[lostSms, lostWhatsApp, ...arrived.map((a) => a.MessageSid)]]),
      ).toHaveLength(4);
      fake.maxPageSize = 50;
    });
  });
});

describe('Twilio in sandbox (no credentials)', () => {
  const fake = new TwilioFake();
  let env: TestEnvironment;
  let officer: StaffAccount;

  beforeAll(async () => {
    await fake.start();
    env = new TestEnvironment({
      TWILIO_API_BASE_URL: fake.url,
      TWILIO_SMS_FROM: SMS_FROM,
      TWILIO_WHATSAPP_FROM: WHATSAPP_FROM,
      SMTP_INBOUND_PORT: '0',
    });
    await env.setup();
    await env.startApi();
    await env.startWorker();
    officer = await createStaff(env, 'officer', 'خالد');
  });
  afterAll(async () => {
    await env?.teardown();
    await fake.stop();
  });

  it('accepts unsigned webhooks and records replies as sent, visibly sandboxed, with nothing reaching Twilio', async () => {
    const sid = twilioSid('SM');
    const res = await postTwilioWebhook({ apiBaseUrl: env.baseUrl, publicBaseUrl: 'http://localhost:3000' }, '/webhooks/twilio/messaging', {
      MessageSid: sid,
      From: '+966501110012',
      To: SMS_FROM,
      Body: 'تجربة',
      NumMedia: '0',
    });
    expect(res.status).toBe(200);
    const rows = await eventually(
      'the message ingested',
      () => queryDatabase<{ ticket_id: string }>(env.config.DATABASE_URL, 'SELECT ticket_id FROM messages WHERE external_id = $1', [sid]),
      (r) => r.length === 1,
    );
    const ticketId = rows[0].ticket_id;
    const sent = await officer.http.post<MessageJson>(`/api/v1/tickets/${ticketId}/messages`, { kind: 'reply', body: 'رد تجريبي' });
    const outbound = await eventually(
      'the acknowledgement and the reply recorded',
      () =>
        queryDatabase<{ id: string; delivery_status: string; external_id: string; meta: Record<string, unknown> }>(
          env.config.DATABASE_URL,
          `SELECT id, delivery_status, external_id, meta FROM messages WHERE ticket_id = $1 AND direction = 'outbound' ORDER BY created_at`,
          [ticketId],
        ),
      (r) => r.length === 2 && r.every((m) => m.delivery_status === 'sent'),
    );
    const ack = outbound.find((m) => m.meta.kind === 'acknowledgement');
    const replied = outbound.find((m) => m.id === sent.body.id);
    expect(ack?.meta).toMatchObject({ sandbox: true, via: 'sms' });
    expect(replied?.meta).toMatchObject({ sandbox: true, via: 'sms' });
    expect(outbound.every((m) => m.external_id.startsWith('sandbox-'))).toBe(true);
    const queue = env.worker!.get<Queue>(getQueueToken(QueueName.Twilio), { strict: false });
    expect(await queue.getJobSchedulers()).toEqual([]);
    expect(await env.worker!.get(TwilioReconciler, { strict: false }).reconcile()).toEqual({ listed: 0, accepted: 0 });
    expect(fake.requests).toEqual([]);
  });
});
