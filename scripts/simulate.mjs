// `npm run simulate -- <sms|whatsapp|email|social|web> "text" [options]`: sends one correctly signed
// inbound message to the running product, as the provider would, with the product's own settings
// (environment, or .env beside package.json), and prints what it sent and what the product answered.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));

const USAGE = `Usage: npm run simulate -- <sms|whatsapp|email|social|web> "text" [options]

  --from <address>   sender: a phone number (sms, whatsapp, web), an e-mail address (email, web)
                     or a numeric Messenger/Instagram id (social); a sample one when omitted
  --name <name>      sender's name (WhatsApp profile name, e-mail display name, web form name)
  --subject <text>   e-mail or web form subject
  --platform <p>     social: facebook (default) or instagram
  --page <id>        social: the page / Instagram account id (default 100000000000001)
  --mid <id>         social: the message id (to try a repeated delivery); MessageSid for sms/whatsapp
  --url <base>       where the api listens (default http://127.0.0.1:$PORT)

Settings read as the product reads them: PORT, PUBLIC_BASE_URL, TWILIO_AUTH_TOKEN, TWILIO_ACCOUNT_SID,
TWILIO_SMS_FROM, TWILIO_WHATSAPP_FROM, META_APP_SECRET, SMTP_INBOUND_PORT, SUPPORT_EMAIL.`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      name: { type: 'string' },
      subject: { type: 'string' },
      platform: { type: 'string', default: 'facebook' },
      page: { type: 'string', default: '100000000000001' },
      mid: { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail(`${error.message}\n\n${USAGE}`);
}
const { values: opts, positionals } = parsed;
const [channel, ...words] = positionals;
const text = words.join(' ');
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!['sms', 'whatsapp', 'email', 'social', 'web'].includes(channel ?? '') || !text) fail(USAGE);

const env = process.env;
const port = env.PORT ?? '3000';
const apiBase = (opts.url ?? `http://127.0.0.1:${port}`).replace(/\/$/, '');
const publicBase = (env.PUBLIC_BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');

const run = { sms: twilioMessage, whatsapp: twilioMessage, email: emailMessage, social: metaMessage, web: webForm }[channel];
process.exitCode = (await run()) ? 0 : 1;

// ---- Twilio (SMS / WhatsApp) ---------------------------------------------------------------------

async function twilioMessage() {
  const whatsapp = channel === 'whatsapp';
  const e164 = toE164(opts.from ?? '0501234567');
  if (!e164) fail(`--from ${opts.from} is not a phone number`);
  const sid = opts.mid ?? `SM${randomBytes(16).toString('hex')}`;
  const params = {
    MessageSid: sid,
    SmsSid: sid,
    SmsMessageSid: sid,
    AccountSid: env.TWILIO_ACCOUNT_SID || `AC${'0'.repeat(32)}`,
    From: whatsapp ? `whatsapp:${e164}` : e164,
    To: (whatsapp ? env.TWILIO_WHATSAPP_FROM : env.TWILIO_SMS_FROM) || (whatsapp ? 'whatsapp:+966110000000' : '+966110000000'),
    Body: text,
    NumMedia: '0',
    NumSegments: '1',
    SmsStatus: 'received',
    ApiVersion: '2010-04-01',
    ...(whatsapp ? { WaId: e164.slice(1), ProfileName: opts.name ?? 'محاكاة', MessageType: 'text' } : {}),
  };
  const path = '/webhooks/twilio/messaging';
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  if (env.TWILIO_AUTH_TOKEN) {
    // Twilio signs the URL it was configured with (PUBLIC_BASE_URL), whatever address we post to.
    const { default: twilio } = await import('twilio');
    headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature(env.TWILIO_AUTH_TOKEN, `${publicBase}${path}`, params);
  }
  return post(path, headers, new URLSearchParams(params).toString(), {
    signedUrl: env.TWILIO_AUTH_TOKEN ? `${publicBase}${path}` : '(unsigned: TWILIO_AUTH_TOKEN not set)',
    fields: params,
  });
}

// ---- Meta (Messenger / Instagram) ----------------------------------------------------------------

async function metaMessage() {
  const platform = opts.platform === 'instagram' ? 'instagram' : 'facebook';
  const sender = opts.from ?? `2${Date.now().toString().slice(-12)}${Math.floor(Math.random() * 1000)}`;
  if (!/^\d{5,30}$/.test(sender)) fail(`--from for social must be a numeric Messenger/Instagram id, not ${sender}`);
  const now = Date.now();
  const body = {
    object: platform === 'instagram' ? 'instagram' : 'page',
    entry: [
      {
        id: opts.page,
        time: now,
        messaging: [
          {
            sender: { id: sender },
            recipient: { id: opts.page },
            timestamp: now,
            message: { mid: opts.mid ?? `m_${randomBytes(12).toString('base64url')}`, text },
          },
        ],
      },
    ],
  };
  // Meta sends non-ASCII (all Arabic) escaped as \uXXXX and signs exactly those bytes.
  const raw = asciiJson(body);
  const headers = { 'content-type': 'application/json' };
  if (env.META_APP_SECRET) headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', env.META_APP_SECRET).update(raw).digest('hex')}`;
  return post('/webhooks/meta', headers, raw, { signature: headers['x-hub-signature-256'] ?? '(unsigned: META_APP_SECRET not set)' });
}

// ---- website contact form ------------------------------------------------------------------------

async function webForm() {
  const from = opts.from ?? '0501234567';
  const body = {
    name: opts.name ?? 'زائر الموقع',
    ...(from.includes('@') ? { email: from } : { phone: from }),
    ...(opts.subject ? { subject: opts.subject } : {}),
    message: text,
  };
  return post('/api/v1/public/contact', { 'content-type': 'application/json', 'idempotency-key': `simulate-${randomUUID()}` }, JSON.stringify(body));
}

// ---- e-mail over SMTP ----------------------------------------------------------------------------

async function emailMessage() {
  const { default: nodemailer } = await import('nodemailer');
  const host = opts.url ? new URL(opts.url).hostname : '127.0.0.1';
  const smtpPort = Number(env.SMTP_INBOUND_PORT ?? 2525);
  const to = env.SUPPORT_EMAIL ?? 'support@example.org';
  const mail = {
    from: { name: opts.name ?? 'مستفيد تجريبي', address: opts.from ?? 'beneficiary@example.com' },
    to,
    subject: opts.subject ?? 'استفسار',
    text,
  };
  console.log(`→ SMTP ${host}:${smtpPort}  MAIL FROM <${mail.from.address}>  RCPT TO <${to}>`);
  console.log(`  Subject: ${mail.subject}\n  ${text}`);
  const transport = nodemailer.createTransport({ host, port: smtpPort, secure: false, ignoreTLS: true, connectionTimeout: 5000 });
  try {
    const info = await transport.sendMail(mail);
    console.log(
      `← ${info.response}  (accepted: ${info.accepted.join(', ') || 'none'}${info.rejected.length ? `; rejected: ${info.rejected.join(', ')}` : ''})`,
    );
    return info.accepted.length > 0;
  } catch (error) {
    console.error(`← ${error.responseCode ? `${error.responseCode} ` : ''}${error.response ?? error.message}`);
    if (error.code === 'ESOCKET' || error.code === 'ECONNECTION')
      console.error(`  Is the product running (npm start)? Nothing listens on ${host}:${smtpPort} (SMTP_INBOUND_PORT).`);
    return false;
  } finally {
    transport.close();
  }
}

// ---- helpers -------------------------------------------------------------------------------------

async function post(path, headers, body, extra = {}) {
  const url = `${apiBase}${path}`;
  console.log(`→ POST ${url}`);
  for (const [k, v] of Object.entries(headers)) console.log(`  ${k}: ${v}`);
  for (const [k, v] of Object.entries(extra)) if (k !== 'fields') console.log(`  (${k}: ${v})`);
  console.log(`  ${extra.fields ? JSON.stringify(extra.fields) : body}`);
  let res;
  try {
    res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    console.error(
      `← could not reach ${url}: ${error.cause?.code ?? error.cause?.errors?.[0]?.code ?? error.message}. Is the product running (npm start) on PORT ${port}?`,
    );
    return false;
  }
  const answer = await res.text();
  console.log(`← ${res.status} ${res.statusText}  ${answer}`);
  return res.ok;
}

/** JSON with every non-ASCII character written as \uXXXX, the way Meta serialises webhooks. */
function asciiJson(value) {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Saudi numbers in their usual local forms → E.164 (the product's own normaliser is stricter). */
function toE164(input) {
  let s = String(input)
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\s\-().]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (/^05\d{8}$/.test(s)) s = `+966${s.slice(1)}`;
  else if (/^5\d{8}$/.test(s)) s = `+966${s}`;
  else if (/^966\d{9}$/.test(s)) s = `+${s}`;
  return /^\+\d{8,15}$/.test(s) ? s : null;
}

function fail(message) {
  console.error(message);
  process.exit(2);
}
