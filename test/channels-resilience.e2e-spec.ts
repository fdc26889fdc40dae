import { randomBytes } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { INGEST_JOB, type IngestJob, type IngestResult, signMetaBody } from '@app/channels';
import { QueueName, RedisClient } from '@app/queue';
import { ChannelSweeper } from '../apps/worker/src/channels/channel-sweeper.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { queryDatabase } from './support/test-database.js';
import { TestEnvironment } from './support/test-environment.js';
import { waitFor } from './support/wait-for.js';

const SECRET = 'meta-secret-resilience';
const PAGE_ID = '100000000000002';

let seq = 0;
const newUser = () => `3${Date.now().toString().slice(-9)}${(++seq).toString().padStart(4, '0')}`;
const newMid = () => `m_${randomBytes(9).toString('base64url')}`;
const asciiJson = (value: unknown) => JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const webhook = (...messages: { user: string; mid: string; text: string }[]) =>
  asciiJson({
    object: 'page',
    entry: [
      {
        id: PAGE_ID,
        time: Date.now(),
        messaging: messages.map((m) => ({
          sender: { id: m.user },
          recipient: { id: PAGE_ID },
          timestamp: Date.now(),
          message: { mid: m.mid, text: m.text },
        })),
      },
    ],
  });

describe('channels through a Redis outage and a worker restart', () => {
  const redisProxy = new TcpProxy('127.0.0.1', 6379);
  let env: TestEnvironment;
  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => queryDatabase<T>(env.config.DATABASE_URL, sql, params);

  const postMeta = async (raw: string) => {
    const started = Date.now();
    const res = await fetch(`${env.baseUrl}/webhooks/meta`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(SECRET, raw) },
      body: raw,
    });
    return { status: res.status, ms: Date.now() - started };
  };
  const postForm = async (body: Record<string, string | undefined>, ip: string) => {
    const started = Date.now();
    const res = await fetch(`${env.baseUrl}/api/v1/public/contact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { ticketNumber: string | null }, ms: Date.now() - started };
  };
  /** How many messages each mid produced: every mid must appear exactly once. */
  const messageCounts = async (mids: string[]) => {
    const rows = await db<{ external_id: string; n: string }>(
      `SELECT external_id, count(*) AS n FROM messages WHERE external_id = ANY($1) GROUP BY external_id`,
      [mids],
    );
    return Object.fromEntries(rows.map((r) => [r.external_id, Number(r.n)]));
  };
  const allOnTicketsOnce = (mids: string[]) => async () => {
    const counts = await messageCounts(mids);
    return mids.every((m) => counts[m] === 1) && counts;
  };

  beforeAll(async () => {
    const port = await redisProxy.start();
    // Both the api and the worker reach Redis through the proxy (one config for both).
    env = await new TestEnvironment({ REDIS_URL: `redis://127.0.0.1:${port}`, META_APP_SECRET: SECRET, SMTP_INBOUND_PORT: '0' }).setup();
    await env.startApi();
    await env.startWorker();
  });
  afterAll(async () => {
    await env.teardown();
    await redisProxy.stop();
  });

  it('answers and stores every signed webhook and form while Redis is down; after it returns each message reaches a ticket exactly once', async () => {
    const port = redisProxy.port;
    await redisProxy.stop();
    await waitFor('the api to notice Redis is gone', async () => env.api!.get(RedisClient).client.status !== 'ready', 10_000, 50);

    const mids: string[] = [];
    const users = [newUser(), newUser(), newUser()];
    const repeated = webhook({ user: users[0], mid: newMid(), text: 'مكررة أثناء الانقطاع' });
    for (let i = 0; i < 4; i++) {
      // Batches of two, some people writing more than once.
      const batch = [0, 1].map((j) => ({ user: users[(i + j) % users.length], mid: newMid(), text: `رسالة ${i}-${j} أثناء انقطاع Redis` }));
      mids.push(...batch.map((m) => m.mid));
      const res = await postMeta(webhook(...batch));
      expect(res.status).toBe(200);
      expect(res.ms).toBeLessThan(3000);
    }
    mids.push((JSON.parse(repeated) as { entry: { messaging: { message: { mid: string } }[] }[] }).entry[0].messaging[0].message.mid);
    for (let i = 0; i < 2; i++) expect((await postMeta(repeated)).status).toBe(200);

    const forms = [
      { name: 'أثناء الانقطاع ١', phone: '0501112233', message: 'نموذج أثناء انقطاع Redis ١' },
      { name: 'أثناء الانقطاع ٢', email: 'outage@example.org', message: 'نموذج أثناء انقطاع Redis ٢' },
    ];
    for (const [i, form] of forms.entries()) {
      const res = await postForm(form, `192.0.2.${i + 1}`);
      // Stored; the ticket is opened when Redis is back, and its number is then sent by SMS / e-mail.
      expect(res.status).toBe(202);
      expect(res.body.ticketNumber).toBeNull();
      expect(res.ms).toBeLessThan(3000);
    }

    const stored = await db<{ external_id: string; status: string }>(`SELECT external_id, status FROM inbound_events WHERE external_id = ANY($1)`, [
      mids,
    ]);
    expect(stored.map((e) => e.external_id).sort()).toEqual([...mids].sort());
    expect(stored.every((e) => e.status === 'received')).toBe(true);
    expect(await messageCounts(mids)).toEqual({});

    await redisProxy.start(port);
    const sweeper = env.worker!.get(ChannelSweeper);
    const counts = await waitFor(
      'every message on a ticket',
      async () => {
        await sweeper.sweep(0);
        return allOnTicketsOnce(mids)();
      },
      45_000,
      1000,
    );
    expect(Object.values(counts)).toEqual(mids.map(() => 1));

    // The forms became web tickets, each acknowledged (sandbox SMS / e-mail) with its number.
    for (const form of forms) {
      const ticket = await waitFor('the form ticket', async () => {
        await sweeper.sweep(0);
        return (
          await db<{ id: string; number: string; channel: string }>(
            `SELECT t.id, t.number, t.channel FROM tickets t JOIN messages m ON m.ticket_id = t.id WHERE m.body = $1`,
            [form.message],
          )
        )[0];
      });
      expect(ticket.channel).toBe('web');
      const ack = await waitFor('the form acknowledgement', async () => {
        await sweeper.sweep(0);
        return (
          await db<{ body: string; channel: string }>(
            `SELECT body, channel FROM messages WHERE ticket_id = $1 AND direction = 'outbound' AND delivery_status = 'sent'`,
            [ticket.id],
          )
        )[0];
      });
      expect(ack.body).toContain(ticket.number);
      expect(ack.channel).toBe(form.phone ? 'sms' : 'email');
    }
    const events = await db<{ status: string }>(`SELECT status FROM inbound_events WHERE external_id = ANY($1)`, [mids]);
    expect(events.every((e) => e.status === 'processed')).toBe(true);
  });

  it('ingests a message from the payload its job carries, and a job repeated after that adds nothing, whatever it carries', async () => {
    const mid = newMid();
    expect((await postMeta(webhook({ user: newUser(), mid, text: 'طلب موعد لزيارة الجمعية' }))).status).toBe(200);
    await waitFor('the message on a ticket', allOnTicketsOnce([mid]));
    const [event] = await db<{ id: string; ticket_id: string }>(`SELECT id, ticket_id FROM inbound_events WHERE external_id = $1`, [mid]);
    const queue = env.worker!.get<Queue<IngestJob>>(getQueueToken(QueueName.Ingest), { strict: false });
    const job = await queue.getJob(`in-${event.id}`);
    // Stored before it was queued: the job carries what the event row holds.
    expect(job?.data.payload).toMatchObject({ channel: 'social', externalId: mid, text: 'طلب موعد لزيارة الجمعية' });

    const again = await queue.add(
      INGEST_JOB,
      { ...job!.data, payload: { ...job!.data.payload!, text: 'نص لم يرسله أحد' } },
      { jobId: `again-${event.id}` },
    );
    const result = await waitFor('the repeated job to finish', async () =>
      (await again.getState()) === 'completed' ? ((await queue.getJob(again.id!))!.returnvalue as IngestResult) : null,
    );
    expect(result).toMatchObject({ ticketId: event.ticket_id, newTicket: false, acknowledged: false });
    expect(await messageCounts([mid])).toEqual({ [mid]: 1 });
    expect(await db(`SELECT id FROM messages WHERE body = 'نص لم يرسله أحد'`)).toHaveLength(0);
  });

  it('loses nothing when the worker is stopped mid-way and started again', async () => {
    const users = [newUser(), newUser()];
    const mids: string[] = [];
    const send = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const mid = newMid();
        mids.push(mid);
        expect((await postMeta(webhook({ user: users[i % 2], mid, text: `رسالة ${mids.length}` }))).status).toBe(200);
      }
    };
    await send(10);
    await env.stopWorker();
    await send(5);
    // With the worker away nothing more is ingested, but everything is stored.
    expect(await db(`SELECT id FROM inbound_events WHERE external_id = ANY($1)`, [mids])).toHaveLength(15);
    await env.startWorker();
    const counts = await waitFor('every message on a ticket after the restart', allOnTicketsOnce(mids), 45_000, 300);
    expect(Object.keys(counts)).toHaveLength(15);
    const tickets = await db<{ n: string }>(`SELECT count(DISTINCT ticket_id) AS n FROM messages WHERE external_id = ANY($1)`, [mids]);
    expect(Number(tickets[0].n)).toBe(2);
  });
});
