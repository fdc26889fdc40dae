import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { signMetaBody } from '@app/channels';
import { GraphFake } from './support/fakes/graph-fake.js';
import { HttpClient } from './support/http-client.js';
import { createStaff, type StaffAccount } from './support/staff.js';
import { queryDatabase } from './support/test-database.js';
import { REDIS_URL, TestEnvironment } from './support/test-environment.js';
import { waitFor } from './support/wait-for.js';

const SECRET = 'meta-app-secret-for-e2e';
const VERIFY_TOKEN = 'verify-me-e2e';
const PAGE_TOKEN = 'EAAGpage-token-e2e';
const PAGE_ID = '100000000000001';

let seq = 0;
const newUser = () => `2${Date.now().toString().slice(-9)}${(++seq).toString().padStart(4, '0')}`;
const newMid = () => `m_${randomBytes(9).toString('base64url')}`;

/** JSON the way Meta writes it: every non-ASCII character escaped as \uXXXX. */
const asciiJson = (value: unknown) => JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

type Messaging = Record<string, unknown>;
const messageEvent = (sender: string, mid: string, text: string, extra: Record<string, unknown> = {}): Messaging => ({
  sender: { id: sender },
  recipient: { id: PAGE_ID },
  timestamp: Date.now(),
  message: { mid, text, ...extra },
});
const webhook = (object: 'page' | 'instagram', ...entries: Messaging[][]) =>
  asciiJson({ object, entry: entries.map((messaging) => ({ id: PAGE_ID, time: Date.now(), messaging })) });

type MessageRow = {
  id: string;
  ticket_id: string;
  direction: string;
  channel: string;
  body: string;
  external_id: string | null;
  delivery_status: string | null;
  delivery_error: string | null;
  meta: Record<string, unknown>;
};

describe('Messenger and Instagram (Meta webhooks and Send API)', () => {
  const graph = new GraphFake();
  let env: TestEnvironment;
  let officer: StaffAccount;
  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => queryDatabase<T>(env.config.DATABASE_URL, sql, params);

  const post = (raw: string, headers: Record<string, string> = { 'x-hub-signature-256': signMetaBody(SECRET, raw) }) =>
    fetch(`${env.baseUrl}/webhooks/meta`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: raw });
  const inboundByMid = (mid: string) => db<MessageRow>(`SELECT * FROM messages WHERE external_id = $1 AND direction = 'inbound'`, [mid]);
  const waitInbound = (mid: string) => waitFor(`message ${mid}`, async () => (await inboundByMid(mid))[0]);
  const outboundOf = (ticketId: string) =>
    db<MessageRow>(`SELECT * FROM messages WHERE ticket_id = $1 AND direction = 'outbound' ORDER BY created_at`, [ticketId]);
  const waitOutbound = (ticketId: string, predicate: (m: MessageRow) => boolean, what: string, timeoutMs?: number) =>
    waitFor(what, async () => (await outboundOf(ticketId)).find(predicate), timeoutMs);
  const reply = (ticketId: string, body: string) =>
    officer.http.post<{ id: string }>(`/api/v1/tickets/${ticketId}/messages`, { kind: 'reply', body });
  /** Moves the contact's last Messenger message back in time (both our clock and Meta's). */
  const lastWroteHoursAgo = (messageId: string, hours: number) =>
    db(
      `UPDATE messages SET created_at = now() - make_interval(hours => $2), meta = meta || jsonb_build_object('sentAt', to_char((now() - make_interval(hours => $2)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) WHERE id = $1`,
      [messageId, hours],
    );

  beforeAll(async () => {
    await graph.start();
    env = await new TestEnvironment({
      META_APP_SECRET: SECRET,
      META_VERIFY_TOKEN: VERIFY_TOKEN,
      META_PAGE_ACCESS_TOKEN: PAGE_TOKEN,
      META_GRAPH_BASE_URL: graph.url,
      SMTP_INBOUND_PORT: '0',
    }).setup();
    await env.startApi();
    await env.startWorker();
    officer = await createStaff(env, 'officer', 'ريم العتيبي');
  });
  afterAll(async () => {
    await env.teardown();
    await graph.stop();
  });

  describe('verification', () => {
    const verify = (query: string) => fetch(`${env.baseUrl}/webhooks/meta?${query}`);

    it('echoes hub.challenge as text when the verify token matches', async () => {
      const res = await verify(`hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${VERIFY_TOKEN}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toBe('1158201444');
    });

    it.each([
      ['a wrong token', `hub.mode=subscribe&hub.challenge=1&hub.verify_token=wrong`],
      ['another mode', `hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=${VERIFY_TOKEN}`],
      ['no token', `hub.mode=subscribe&hub.challenge=1`],
      ['nothing', ''],
    ])('answers 403 for %s', async (_label, query) => {
      const res = await verify(query);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    });
  });

  describe('inbound messages', () => {
    it('turns a signed Messenger message (Arabic escaped as \\uXXXX) into a ticket and acknowledges it through the Send API with the page token', async () => {
      const user = newUser();
      const mid = newMid();
      const raw = webhook('page', [messageEvent(user, mid, 'السلام عليكم، أحتاج مساعدة في السكن')]);
      expect(raw).toContain('\\u0627\\u0644\\u0633\\u0644\\u0627\\u0645');
      const started = Date.now();
      const res = await post(raw);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('EVENT_RECEIVED');
      expect(Date.now() - started).toBeLessThan(2000);

      const message = await waitInbound(mid);
      expect(message).toMatchObject({
        channel: 'social',
        body: 'السلام عليكم، أحتاج مساعدة في السكن',
        meta: expect.objectContaining({ platform: 'facebook', pageId: PAGE_ID }),
      });
      const [ticket] = await db<{ number: string; channel: string; contact_id: string }>(
        'SELECT number, channel, contact_id FROM tickets WHERE id = $1',
        [message.ticket_id],
      );
      expect(ticket.channel).toBe('social');
      expect(await db('SELECT kind, address FROM contact_identities WHERE contact_id = $1', [ticket.contact_id])).toEqual([
        { kind: 'facebook', address: user },
      ]);

      const sent = await graph.waitFor((r) => r.body.recipient?.id === user);
      expect(sent.accessToken).toBe(PAGE_TOKEN);
      expect(sent.path).toBe('/v25.0/me/messages');
      // An automatic acknowledgement inside the 24-hour window is a RESPONSE: Meta forbids the HUMAN_AGENT tag on automated messages.
      expect(sent.body).toMatchObject({ messaging_type: 'RESPONSE', message: { text: expect.stringContaining(ticket.number) } });
      expect(sent.body.tag).toBeUndefined();
      const ack = await waitOutbound(message.ticket_id, (m) => m.delivery_status === 'sent', 'the acknowledgement recorded as sent');
      expect(ack).toMatchObject({
        channel: 'social',
        external_id: sent.messageId,
        meta: expect.objectContaining({ kind: 'acknowledgement', messagingType: 'RESPONSE' }),
      });
    });

    it('turns an Instagram message into a ticket for an instagram identity', async () => {
      const user = newUser();
      const mid = `ig_${newMid()}`;
      expect((await post(webhook('instagram', [messageEvent(user, mid, 'مرحبا من انستقرام')]))).status).toBe(200);
      const message = await waitInbound(mid);
      expect(message.meta).toMatchObject({ platform: 'instagram' });
      const [identity] = await db<{ kind: string }>(
        'SELECT ci.kind FROM contact_identities ci JOIN tickets t ON t.contact_id = ci.contact_id WHERE t.id = $1',
        [message.ticket_id],
      );
      expect(identity.kind).toBe('instagram');
      const sent = await graph.waitFor((r) => r.body.recipient?.id === user);
      expect(sent).toMatchObject({ accessToken: PAGE_TOKEN, body: { messaging_type: 'RESPONSE' } });
    });

    it('refuses a forged or missing signature with 403 and stores nothing', async () => {
      const mid = newMid();
      const raw = webhook('page', [messageEvent(newUser(), mid, 'مزور')]);
      const forged = await post(raw, { 'x-hub-signature-256': signMetaBody('not-the-secret', raw) });
      expect(forged.status).toBe(403);
      expect(await forged.json()).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      expect((await post(raw, {})).status).toBe(403);
      // Signed over the same JSON re-serialised (Arabic unescaped): not the bytes Meta sent.
      expect((await post(raw, { 'x-hub-signature-256': signMetaBody(SECRET, JSON.stringify(JSON.parse(raw))) })).status).toBe(403);
      expect((await post(raw, { 'x-hub-signature-256': signMetaBody(SECRET, raw).replace('sha256=', 'sha1=') })).status).toBe(403);
      await new Promise((r) => setTimeout(r, 300));
      expect(await db('SELECT id FROM inbound_events WHERE external_id = $1', [mid])).toEqual([]);
      expect(await inboundByMid(mid)).toEqual([]);
    });

    it('stores every message of one batched POST (two entries, three messages)', async () => {
      const [a, b] = [newUser(), newUser()];
      const mids = [newMid(), newMid(), newMid()];
      const raw = webhook('page', [messageEvent(a, mids[0], 'الأولى'), messageEvent(b, mids[1], 'الثانية')], [messageEvent(a, mids[2], 'الثالثة')]);
      expect((await post(raw)).status).toBe(200);
      const rows = await waitFor('three messages', async () => {
        const found = await db<MessageRow>(`SELECT * FROM messages WHERE external_id = ANY($1)`, [mids]);
        return found.length === 3 && found;
      });
      expect(rows.map((r) => r.body).sort()).toEqual(['الأولى', 'الثالثة', 'الثانية'].sort());
      // Two people: two tickets; a's two messages share one.
      expect(new Set(rows.map((r) => r.ticket_id)).size).toBe(2);
    });

    it('creates one message for a mid delivered three times (one after another and at once)', async () => {
      const mid = newMid();
      const raw = webhook('page', [messageEvent(newUser(), mid, 'مكررة')]);
      expect((await post(raw)).status).toBe(200);
      const statuses = await Promise.all([post(raw), post(raw)].map(async (p) => (await p).status));
      expect(statuses).toEqual([200, 200]);
      await waitInbound(mid);
      await new Promise((r) => setTimeout(r, 500));
      expect(await db('SELECT id FROM inbound_events WHERE external_id = $1', [mid])).toHaveLength(1);
      expect(await inboundByMid(mid)).toHaveLength(1);
    });

    it('ignores echoes of the page’s own messages', async () => {
      const mid = newMid();
      expect((await post(webhook('page', [messageEvent(newUser(), mid, 'رد الصفحة', { is_echo: true, app_id: 123 })]))).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(await db('SELECT id FROM inbound_events WHERE external_id = $1', [mid])).toEqual([]);
    });

    it('answers 200 and stores nothing for objects it does not handle', async () => {
      const raw = asciiJson({ object: 'whatsapp_business_account', entry: [] });
      expect((await post(raw)).status).toBe(200);
    });
  });

  describe('sender names from the User Profile API', () => {
    const contactOf = async (ticketId: string) =>
      (
        await db<{ id: string; name: string }>('SELECT c.id, c.name FROM contacts c JOIN tickets t ON t.contact_id = c.id WHERE t.id = $1', [
          ticketId,
        ])
      )[0];

    it('names a new Messenger sender as Meta shows them', async () => {
      const user = newUser();
      graph.addProfile(user, { first_name: 'نورة', last_name: 'القحطاني' });
      const mid = newMid();
      expect((await post(webhook('page', [messageEvent(user, mid, 'السلام عليكم')]))).status).toBe(200);
      const message = await waitInbound(mid);
      expect((await contactOf(message.ticket_id)).name).toBe('نورة القحطاني');
      expect(graph.profileRequests.filter((r) => r.userId === user)).toEqual([
        { userId: user, fields: ['first_name', 'last_name'], accessToken: PAGE_TOKEN, status: 200 },
      ]);
      // Officers find the person by that name.
      const found = await officer.http.get<{ items: { name: string }[] }>(`/api/v1/contacts?q=${encodeURIComponent('نورة القحطاني')}`);
      expect(found.body.items.map((c) => c.name)).toContain('نورة القحطاني');
      await graph.waitFor((r) => r.body.recipient?.id === user);

      // A second message from the same person does not look the profile up again.
      const second = newMid();
      await post(webhook('page', [messageEvent(user, second, 'وشكراً')]));
      await waitInbound(second);
      expect(graph.profileRequests.filter((r) => r.userId === user)).toHaveLength(1);
    });

    it('names a new Instagram sender by their Instagram name, or their username when they set no name', async () => {
      const [named, unnamed] = [newUser(), newUser()];
      graph.addProfile(named, { name: 'Sara Alharbi', username: 'sara.h' });
      graph.addProfile(unnamed, { name: null, username: 'abu_fahad_1990' });
      const [a, b] = [`ig_${newMid()}`, `ig_${newMid()}`];
      await post(webhook('instagram', [messageEvent(named, a, 'مرحبا')]));
      await post(webhook('instagram', [messageEvent(unnamed, b, 'مرحبا')]));
      expect((await contactOf((await waitInbound(a)).ticket_id)).name).toBe('Sara Alharbi');
      expect((await contactOf((await waitInbound(b)).ticket_id)).name).toBe('abu_fahad_1990');
      expect(graph.profileRequests.find((r) => r.userId === named)).toMatchObject({ fields: ['name', 'username'], accessToken: PAGE_TOKEN });
    });

    it('opens the ticket named by the id when the lookup fails or hangs, and names the contact at a message an hour later', async () => {
      const [refused, slow] = [newUser(), newUser()];
      graph.failProfile(refused, { status: 500, error: { message: 'An unexpected error has occurred.', code: 2, is_transient: true } });
      graph.failProfile(slow, 'hang');
      const [m1, m2] = [newMid(), newMid()];
      const started = Date.now();
      expect((await post(webhook('page', [messageEvent(refused, m1, 'رسالة أولى')], [messageEvent(slow, m2, 'رسالة بطيئة')]))).status).toBe(200);
      // The webhook answers without waiting for any lookup.
      expect(Date.now() - started).toBeLessThan(2000);
      const first = await waitInbound(m1);
      const hung = await waitInbound(m2);
      expect(await contactOf(first.ticket_id)).toMatchObject({ name: refused });
      expect(await contactOf(hung.ticket_id)).toMatchObject({ name: slow });
      // Each opened its ticket and was acknowledged like any other.
      await waitOutbound(first.ticket_id, (m) => m.meta.kind === 'acknowledgement', 'the acknowledgement despite the failed lookup');
      await waitOutbound(hung.ticket_id, (m) => m.meta.kind === 'acknowledgement', 'the acknowledgement despite the hung lookup');

      graph.addProfile(refused, { first_name: 'خالد', last_name: 'الدوسري' });
      // Within the hour a failed sender is not asked for again (each try may cost the lookup's timeout).
      const lookups = graph.profileRequests.filter((r) => r.userId === refused).length;
      const soon = newMid();
      await post(webhook('page', [messageEvent(refused, soon, 'رسالة ثانية')]));
      expect((await waitInbound(soon)).ticket_id).toBe(first.ticket_id);
      expect(await contactOf(first.ticket_id)).toMatchObject({ name: refused });
      expect(graph.profileRequests.filter((r) => r.userId === refused)).toHaveLength(lookups);
      // The hour is over (its note in Redis expired): the next message names the contact.
      const redis = new Redis(REDIS_URL);
      expect(await redis.del(`${env.config.REDIS_PREFIX}:meta-profile-miss:facebook:${refused}`)).toBe(1);
      redis.disconnect();
      const again = newMid();
      await post(webhook('page', [messageEvent(refused, again, 'رسالة ثالثة')]));
      const next = await waitInbound(again);
      expect(next.ticket_id).toBe(first.ticket_id);
      expect(await contactOf(next.ticket_id)).toMatchObject({ name: 'خالد الدوسري' });
    });
  });

  describe('replies, the messaging window and delivery reports', () => {
    let user: string;
    let ticketId: string;
    let inboundId: string;

    beforeAll(async () => {
      user = newUser();
      const mid = newMid();
      expect((await post(webhook('page', [messageEvent(user, mid, 'أريد متابعة طلبي')]))).status).toBe(200);
      const message = await waitInbound(mid);
      ticketId = message.ticket_id;
      inboundId = message.id;
      await waitOutbound(ticketId, (m) => m.delivery_status === 'sent', 'the acknowledgement');
    });

    it('sends an officer’s reply within 24 hours as a RESPONSE with the page token', async () => {
      const res = await reply(ticketId, 'أهلاً، نراجع طلبك الآن');
      expect(res.status).toBe(201);
      const sent = await graph.waitFor((r) => r.body.message?.text === 'أهلاً، نراجع طلبك الآن');
      expect(sent).toMatchObject({ accessToken: PAGE_TOKEN, body: { recipient: { id: user }, messaging_type: 'RESPONSE' } });
      await waitOutbound(
        ticketId,
        (m) => m.id === res.body.id && m.delivery_status === 'sent' && m.external_id === sent.messageId,
        'the reply recorded as sent',
      );
    });

    it('tags an officer’s reply HUMAN_AGENT between 24 hours and 7 days after the contact wrote', async () => {
      await lastWroteHoursAgo(inboundId, 3 * 24);
      const res = await reply(ticketId, 'نعتذر عن التأخير، تمت الموافقة');
      const sent = await graph.waitFor((r) => r.body.message?.text === 'نعتذر عن التأخير، تمت الموافقة');
      expect(sent).toMatchObject({ accessToken: PAGE_TOKEN, body: { recipient: { id: user }, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } });
      const row = await waitOutbound(ticketId, (m) => m.id === res.body.id && m.delivery_status === 'sent', 'the tagged reply');
      expect(row.meta).toMatchObject({ messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    });

    it('refuses a reply more than 7 days after the contact last wrote, with the reason on the message', async () => {
      await lastWroteHoursAgo(inboundId, 8 * 24);
      const before = graph.requests.length;
      const res = await reply(ticketId, 'هل ما زلت بحاجة للمساعدة؟');
      const row = await waitOutbound(ticketId, (m) => m.id === res.body.id && m.delivery_status === 'failed', 'the refused reply');
      expect(row.delivery_error).toContain('outside Meta’s 7-day window');
      expect(graph.requests.length).toBe(before);
      await lastWroteHoursAgo(inboundId, 1);
    });

    it('retries a temporary Graph error and fails a permanent one with Meta’s reason', async () => {
      graph.failNext(500, { message: 'An unexpected error has occurred. Please retry your request later.', code: 2, is_transient: true });
      const retried = await reply(ticketId, 'رسالة بعد خطأ مؤقت');
      await waitOutbound(ticketId, (m) => m.id === retried.body.id && m.delivery_status === 'sent', 'the retried reply', 30_000);
      expect(graph.requests.filter((r) => r.body.message?.text === 'رسالة بعد خطأ مؤقت').map((r) => r.status)).toEqual([500, 200]);

      graph.failNext(400, { message: '(#551) This person isn’t available right now.', code: 551 });
      const refused = await reply(ticketId, 'رسالة لن تصل');
      const row = await waitOutbound(ticketId, (m) => m.id === refused.body.id && m.delivery_status === 'failed', 'the refused reply');
      expect(row.delivery_error).toBe('Graph API 551: (#551) This person isn’t available right now.');
    });

    it('moves statuses forward on delivery and read reports, never backwards', async () => {
      const res = await reply(ticketId, 'رسالة لتتبع التسليم');
      const sent = await waitOutbound(ticketId, (m) => m.id === res.body.id && m.delivery_status === 'sent', 'the tracked reply');
      const status = async () => (await db<MessageRow>('SELECT delivery_status FROM messages WHERE id = $1', [sent.id]))[0].delivery_status;
      const report = (kind: 'delivery' | 'read', detail: Record<string, unknown>) =>
        post(webhook('page', [{ sender: { id: user }, recipient: { id: PAGE_ID }, timestamp: Date.now(), [kind]: detail }]));

      expect((await report('delivery', { mids: [sent.external_id], watermark: Date.now() })).status).toBe(200);
      await waitFor('delivered', async () => (await status()) === 'delivered');
      expect((await report('read', { watermark: Date.now() + 1000 })).status).toBe(200);
      await waitFor('read', async () => (await status()) === 'read');
      // A late delivery report after the read one: still read.
      expect((await report('delivery', { mids: [sent.external_id], watermark: Date.now() })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 600));
      expect(await status()).toBe('read');
      // The acknowledgement, sent before the read watermark, was read too.
      const ack = (await outboundOf(ticketId)).find((m) => m.meta.kind === 'acknowledgement');
      expect(ack?.delivery_status).toBe('read');
    });

    it('marks our message read from an Instagram read report naming its mid', async () => {
      const igUser = newUser();
      const mid = `ig_${newMid()}`;
      await post(webhook('instagram', [messageEvent(igUser, mid, 'سؤال')]));
      const inbound = await waitInbound(mid);
      const ack = await waitOutbound(inbound.ticket_id, (m) => m.delivery_status === 'sent', 'the Instagram acknowledgement');
      await post(
        webhook('instagram', [{ sender: { id: igUser }, recipient: { id: PAGE_ID }, timestamp: Date.now(), read: { mid: ack.external_id } }]),
      );
      await waitFor(
        'read',
        async () => (await db<MessageRow>('SELECT delivery_status FROM messages WHERE id = $1', [ack.id]))[0].delivery_status === 'read',
      );
    });
  });

  it('the simulator sends a signed Messenger message that opens a ticket', async () => {
    const user = newUser();
    const mid = newMid();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['scripts/simulate.mjs', 'social', 'رسالة من المحاكي', '--from', user, '--mid', mid, '--page', PAGE_ID],
      {
        env: { ...process.env, PORT: new URL(env.baseUrl).port, META_APP_SECRET: SECRET, PUBLIC_BASE_URL: env.config.PUBLIC_BASE_URL },
        timeout: 20_000,
      },
    );
    expect(stdout).toContain('x-hub-signature-256: sha256=');
    expect(stdout).toContain('← 200 OK  EVENT_RECEIVED');
    const message = await waitInbound(mid);
    expect(message.body).toBe('رسالة من المحاكي');
  });

  describe('sandbox (no page token, no app secret)', () => {
    let sandbox: TestEnvironment;
    beforeAll(async () => {
      sandbox = await new TestEnvironment({ META_GRAPH_BASE_URL: graph.url, SMTP_INBOUND_PORT: '0' }).setup();
      await sandbox.startApi();
      await sandbox.startWorker();
    });
    afterAll(() => sandbox.teardown());

    it('accepts unsigned webhooks and records the acknowledgement as sent without calling Meta', async () => {
      const user = newUser();
      const mid = newMid();
      const before = graph.requests.length;
      const res = await fetch(`${sandbox.baseUrl}/webhooks/meta`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: webhook('page', [messageEvent(user, mid, 'تجربة')]),
      });
      expect(res.status).toBe(200);
      const sdb = <T extends Record<string, unknown>>(sql: string, params: unknown[]) => queryDatabase<T>(sandbox.config.DATABASE_URL, sql, params);
      const inbound = await waitFor(
        'sandbox message',
        async () => (await sdb<MessageRow>('SELECT * FROM messages WHERE external_id = $1', [mid]))[0],
      );
      const ack = await waitFor(
        'sandbox acknowledgement',
        async () =>
          (
            await sdb<MessageRow>(`SELECT * FROM messages WHERE ticket_id = $1 AND direction = 'outbound' AND delivery_status = 'sent'`, [
              inbound.ticket_id,
            ])
          )[0],
      );
      expect(ack.meta).toMatchObject({ sandbox: true, via: 'social', messagingType: 'RESPONSE' });
      expect(ack.external_id).toMatch(/^sandbox-/);
      expect(graph.requests.length).toBe(before);
      // Without a page token nobody's profile is looked up: the contact keeps the id as its name.
      expect(graph.profileRequests.filter((r) => r.userId === user)).toEqual([]);
      expect((await new HttpClient(sandbox.baseUrl).get('/webhooks/meta?hub.mode=subscribe&hub.challenge=1&hub.verify_token=')).status).toBe(403);
    });
  });
});
