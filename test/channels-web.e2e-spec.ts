import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SmtpInboundServer } from '../apps/worker/src/mail/smtp-inbound.server.js';
import { SmtpSink } from './support/fakes/smtp-sink.js';
import { queryDatabase } from './support/test-database.js';
import { TestEnvironment } from './support/test-environment.js';
import { waitFor } from './support/wait-for.js';

const TWILIO_TOKEN = 'twilio-token-for-simulator';

interface Reply {
  ticketNumber?: string | null;
  statusCode?: number;
  error?: string;
  message?: string;
  fields?: string[];
}

type MessageRow = {
  id: string;
  ticket_id: string;
  direction: string;
  channel: string;
  body: string;
  delivery_status: string | null;
  external_id: string | null;
  meta: Record<string, unknown>;
};

let ipSeq = 10;
/** Each test posts from its own address (X-Forwarded-For through the loopback proxy), so the per-address limit stays out of the way. */
const nextIp = () => `198.51.100.${ipSeq++}`;

describe('website contact form (POST /api/v1/public/contact)', () => {
  const sink = new SmtpSink();
  let env: TestEnvironment;
  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => queryDatabase<T>(env.config.DATABASE_URL, sql, params);

  const submit = async (body: unknown, headers: Record<string, string> = {}, ip = nextIp()) => {
    const res = await fetch(`${env.baseUrl}/api/v1/public/contact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Reply, headers: res.headers };
  };
  const ticketByNumber = async (number: string) =>
    (await db<{ id: string; channel: string; subject: string; contact_id: string }>('SELECT * FROM tickets WHERE number = $1', [number]))[0];
  const acknowledgementOf = (ticketId: string) =>
    waitFor(
      'the acknowledgement to be sent',
      async () =>
        (await db<MessageRow>(`SELECT * FROM messages WHERE ticket_id = $1 AND direction = 'outbound' AND delivery_status = 'sent'`, [ticketId]))[0],
    );
  const counts = async () =>
    (
      await db<{ events: string; tickets: string }>(
        `SELECT (SELECT count(*) FROM inbound_events) AS events, (SELECT count(*) FROM tickets) AS tickets`,
      )
    )[0];

  beforeAll(async () => {
    await sink.start();
    env = await new TestEnvironment({ SMTP_URL: sink.url, SMTP_INBOUND_PORT: '0', TWILIO_AUTH_TOKEN: TWILIO_TOKEN }).setup();
    await env.startApi();
    await env.startWorker();
  });
  afterAll(async () => {
    await env.teardown();
    await sink.stop();
  });

  it('opens a web ticket and answers 201 with its number', async () => {
    const res = await submit({
      name: 'فاطمة الزهراني',
      phone: '٠٥٠١٢٣٤٥٦٧',
      subject: 'استفسار عن السلة الغذائية',
      message: 'متى يتم توزيع السلال هذا الشهر؟',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ ticketNumber: expect.stringMatching(/^14\d\d-\d{6}$/) });
    const ticket = await ticketByNumber(res.body.ticketNumber!);
    expect(ticket).toMatchObject({ channel: 'web', subject: 'استفسار عن السلة الغذائية' });
    const [message] = await db<MessageRow>(`SELECT * FROM messages WHERE ticket_id = $1 AND direction = 'inbound'`, [ticket.id]);
    expect(message).toMatchObject({
      channel: 'web',
      body: 'متى يتم توزيع السلال هذا الشهر؟',
      meta: expect.objectContaining({ form: 'contact', phone: '+966501234567' }),
    });
    expect(await db('SELECT kind, address FROM contact_identities WHERE contact_id = $1', [ticket.contact_id])).toEqual([
      { kind: 'phone', address: '+966501234567' },
    ]);
    const [contact] = await db<{ name: string }>('SELECT name FROM contacts WHERE id = $1', [ticket.contact_id]);
    expect(contact.name).toBe('فاطمة الزهراني');
  });

  describe('the acknowledgement carries the ticket number and our own text only', () => {
    // Text an abuser would like us to send to someone else's phone or mailbox.
    const submitted = {
      name: 'VISIT-http://phish.example/win',
      subject: 'SUBJECT-you-won-a-prize',
      message: 'MESSAGE-click http://phish.example/claim now',
    };
    const markers = ['VISIT-', 'phish.example', 'SUBJECT-you-won', 'MESSAGE-click'];

    it('goes by e-mail when only an e-mail address was given', async () => {
      const res = await submit({ ...submitted, email: 'Victim.Mail@Example.org' });
      expect(res.status).toBe(201);
      const ticket = await ticketByNumber(res.body.ticketNumber!);
      const ack = await acknowledgementOf(ticket.id);
      expect(ack.channel).toBe('email');
      expect(ack.body).toContain(res.body.ticketNumber);
      const mail = await waitFor('the e-mail', async () => sink.to('victim.mail@example.org')[0]);
      expect(mail.subject).toContain(`[#${res.body.ticketNumber}]`);
      expect(mail.text).toContain(res.body.ticketNumber);
      for (const marker of markers) expect(mail.raw.toString('utf8')).not.toContain(marker);
    });

    it('goes by SMS when a phone number was given (recorded in sandbox)', async () => {
      const res = await submit({ ...submitted, phone: '+966 55 111 2233', email: 'both@example.org' });
      expect(res.status).toBe(201);
      const ticket = await ticketByNumber(res.body.ticketNumber!);
      const ack = await acknowledgementOf(ticket.id);
      expect(ack).toMatchObject({ channel: 'sms', meta: expect.objectContaining({ via: 'sms', sandbox: true }) });
      expect(ack.body).toContain(res.body.ticketNumber);
      // A new person who gave both addresses can be answered on either.
      const identities = await db<{ kind: string; address: string }>(
        'SELECT kind, address FROM contact_identities WHERE contact_id = $1 ORDER BY kind',
        [ticket.contact_id],
      );
      expect(identities).toEqual([
        { kind: 'email', address: 'both@example.org' },
        { kind: 'phone', address: '+966551112233' },
      ]);
    });

    it('never puts submitted text in any outbound message', async () => {
      const outbound = await db<MessageRow>(`SELECT * FROM messages WHERE direction = 'outbound'`);
      expect(outbound.length).toBeGreaterThanOrEqual(3);
      for (const m of outbound) for (const marker of markers) expect(JSON.stringify([m.body, m.meta])).not.toContain(marker);
      for (const mail of sink.messages) for (const marker of markers) expect(mail.raw.toString('utf8')).not.toContain(marker);
    });
  });

  describe('bad input is a 400 naming the field', () => {
    it.each([
      ['message', { name: 'A', phone: '0501234567' }, 'message is required'],
      ['message', { name: 'A', phone: '0501234567', message: '   ' }, 'message is required'],
      ['name', { phone: '0501234567', message: 'x' }, 'name is required'],
      ['email', { name: 'A', message: 'x' }, 'email or phone must be given, so we can send you the ticket number'],
      ['phone', { name: 'A', phone: '0521234567', message: 'x' }, 'phone is not a valid phone number (e.g. 0501234567 or +966501234567)'],
      ['email', { name: 'A', email: 'not-an-address', message: 'x' }, 'email is not a valid e-mail address'],
      ['email', { name: 'A', email: 'bad@', phone: '0501234567', message: 'x' }, 'email is not a valid e-mail address'],
      ['message', { name: 'A', phone: '0501234567', message: 'س'.repeat(5001) }, 'message must be at most 5000 characters'],
      ['name', { name: 'n'.repeat(121), phone: '0501234567', message: 'x' }, 'name must be at most 120 characters'],
      ['name', { name: 42, phone: '0501234567', message: 'x' }, 'name must be text'],
      ['nationalId', { name: 'A', phone: '0501234567', message: 'x', nationalId: '1' }, 'nationalId: property nationalId should not exist'],
    ])('names %s', async (field, body, message) => {
      const res = await submit(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', fields: expect.arrayContaining([field]) });
      expect(res.body.message).toBe(message);
    });

    it('answers malformed JSON with the JSON error shape', async () => {
      const res = await submit('{"name": ');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
    });
  });

  it('answers a filled honeypot with 201 and creates nothing', async () => {
    const before = await counts();
    const res = await submit({ name: 'bot', email: 'bot@example.org', message: 'buy now', website: 'http://spam.example' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ ticketNumber: null });
    expect(await counts()).toEqual(before);
  });

  it('limits each address to 5 submissions in 10 minutes (429 with Retry-After), other addresses unaffected', async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < 5; i++) expect((await submit({ name: `R${i}`, email: `r${i}@example.org`, message: 'x' }, {}, ip)).status).toBe(201);
    const limited = await submit({ name: 'R5', email: 'r5@example.org', message: 'x' }, {}, ip);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/^too many messages from this address: at most 5 in 10 minutes; please try again in (10|9) minutes$/),
    });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(500);
    expect((await submit({ name: 'Other', email: 'other@example.org', message: 'x' }, {}, '203.0.113.78')).status).toBe(201);
  });

  it.each([
    ['larger than the form allows', 70 * 1024, 'the contact form accepts at most 64 KB'],
    ['larger than the api allows', 2 * 1024 * 1024, expect.stringMatching(/too large/)],
  ] as const)('answers a body %s with 413 and the JSON error shape', async (_label, size, message) => {
    const res = await submit({ name: 'A', phone: '0501234567', message: 'x'.repeat(size) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message });
  });

  it('answers a retry with the same Idempotency-Key with the same ticket, and refuses the key for another form', async () => {
    const form = { name: 'سالم', email: 'salem@example.org', message: 'طلب واحد فقط' };
    const key = { 'idempotency-key': 'form-7f3a9c21-retry' };
    const first = await submit(form, key);
    const second = await submit(form, key);
    expect(first.status).toBe(201);
    expect(second).toMatchObject({ status: 201, body: { ticketNumber: first.body.ticketNumber } });
    expect(await db(`SELECT id FROM inbound_events WHERE payload->>'text' = $1`, ['طلب واحد فقط'])).toHaveLength(1);
    const other = await submit({ ...form, message: 'نص آخر' }, key);
    expect(other.status).toBe(409);
    expect(other.body.message).toBe('this Idempotency-Key was already used for a different submission');
    expect((await submit(form, { 'idempotency-key': 'short' })).status).toBe(400);
  });

  it('accepts a plain HTML form post (form-encoded)', async () => {
    const res = await fetch(`${env.baseUrl}/api/v1/public/contact`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': nextIp() },
      body: new URLSearchParams({ name: 'منى', phone: '0559876543', message: 'من نموذج الموقع', website: '' }).toString(),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Reply).ticketNumber).toMatch(/^14\d\d-\d{6}$/);
  });

  describe('the simulator (npm run simulate)', () => {
    const simulate = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['scripts/simulate.mjs', ...args], {
        env: {
          ...process.env,
          PORT: new URL(env.baseUrl).port,
          PUBLIC_BASE_URL: env.config.PUBLIC_BASE_URL,
          TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
          SUPPORT_EMAIL: env.config.SUPPORT_EMAIL,
          // The test worker's listener took a free port (SMTP_INBOUND_PORT=0).
          SMTP_INBOUND_PORT: String(env.worker!.get(SmtpInboundServer).port),
        },
        timeout: 20_000,
      });

    it('web: posts the contact form and prints the ticket number', async () => {
      const { stdout } = await simulate('web', 'رسالة تجريبية من المحاكي', '--from', '0567654321', '--name', 'محاكاة');
      const number = /"ticketNumber":"(14\d\d-\d{6})"/.exec(stdout)?.[1];
      expect(stdout).toContain('← 201 Created');
      expect(number).toBeDefined();
      const ticket = await ticketByNumber(number!);
      expect(ticket.channel).toBe('web');
    });

    it.each([
      ['sms', 'sms'],
      ['whatsapp', 'whatsapp'],
    ])('%s: sends a message signed like Twilio (X-Twilio-Signature over PUBLIC_BASE_URL) that opens a ticket', async (kind, channel) => {
      const sid = `SM${Date.now().toString(16).padStart(32, '0')}`;
      const { stdout } = await simulate(kind, `رسالة ${kind} من المحاكي`, '--from', '0541112222', '--mid', sid);
      expect(stdout).toContain('x-twilio-signature: ');
      expect(stdout).toContain('← 200 OK');
      const message = await waitFor(`${kind} message`, async () => (await db<MessageRow>(`SELECT * FROM messages WHERE external_id = $1`, [sid]))[0]);
      expect(message).toMatchObject({ channel, body: `رسالة ${kind} من المحاكي` });
    });

    it('email: sends a mail over SMTP to the support address that opens a ticket', async () => {
      const { stdout } = await simulate('email', 'بريد من المحاكي', '--from', 'sim.sender@example.com', '--subject', 'سؤال بالبريد');
      expect(stdout).toMatch(/← 250 /);
      const message = await waitFor(
        'the e-mail message',
        async () =>
          (
            await db<MessageRow>(`SELECT * FROM messages WHERE channel = 'email' AND direction = 'inbound' AND body LIKE $1`, ['%بريد من المحاكي%'])
          )[0],
      );
      expect((await db<{ subject: string }>('SELECT subject FROM tickets WHERE id = $1', [message.ticket_id]))[0].subject).toBe('سؤال بالبريد');
    });

    it('sms: a wrong auth token is refused by the product', async () => {
      const run = promisify(execFile)(process.execPath, ['scripts/simulate.mjs', 'sms', 'x', '--from', '0541112223'], {
        env: { ...process.env, PORT: new URL(env.baseUrl).port, PUBLIC_BASE_URL: env.config.PUBLIC_BASE_URL, TWILIO_AUTH_TOKEN: 'wrong' },
        timeout: 20_000,
      });
      await expect(run).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining('← 403 Forbidden') });
    });
  });
});
