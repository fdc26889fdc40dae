import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import twilio from 'twilio';

/** A Twilio resource id: two letters and 32 hex digits (34 characters). */
export function twilioSid(prefix: 'AC' | 'SM' | 'MM' | 'ME' | 'CA' | 'RE' | 'HX'): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

export type FormFields = Record<string, string | string[]>;

export interface TwilioFakeRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  /** Form fields of a POST (repeated fields as arrays). */
  form: FormFields;
  /** The Authorization header was Basic <AccountSid>:<AuthToken>. */
  authorized: boolean;
  /** What the fake answered. */
  status: number;
  /** The MessageSid it created, when it accepted a message. */
  sid?: string;
}

export interface TwilioFault {
  status: number;
  /** Twilio error code (21211, 20429, 20500…); defaults by status. */
  code?: number;
  message?: string;
}

interface StoredMessage {
  sid: string;
  from: string;
  to: string;
  body: string;
  status: string;
  direction: 'inbound' | 'outbound-api';
  dateCreated: Date;
  dateSent: Date | null;
  media: { sid: string; contentType: string }[];
}

interface StoredFile {
  contentType: string;
  body: Buffer;
}

const API = '/2010-04-01';

/** RFC 2822, as Twilio writes its dates. */
const rfc2822 = (d: Date | null): string | null => (d ? d.toUTCString().replace('GMT', '+0000') : null);

const DEFAULT_FAULTS: Record<number, { code: number; message: string }> = {
  400: { code: 21211, message: "The 'To' number is not a valid phone number." },
  401: { code: 20003, message: 'Authenticate' },
  404: { code: 20404, message: 'The requested resource was not found' },
  429: { code: 20429, message: 'Too Many Requests' },
  500: { code: 20500, message: 'Internal Server Error' },
  503: { code: 20503, message: 'Service Unavailable' },
};

/**
 * A stand-in for Twilio's REST API on 127.0.0.1, speaking its wire format for what the product uses:
 * Messages create (201, sid SM…, status queued) and list (paged, To / DateSent> filters), a message's
 * Media list, media files and media DELETE (204, then the file is gone), recordings (.mp3, DELETE) and Calls
 * fetch. Every request is recorded; Basic auth with the account's credentials is required like Twilio
 * does; the next Messages create or media DELETE requests can be told to fail (400 21211, 429, 500…).
 */
export class TwilioFake {
  readonly accountSid: string;
  readonly authToken: string;
  readonly requests: TwilioFakeRequest[] = [];
  /** Twilio pages lists; a small value here makes the SDK follow next_page_uri. */
  maxPageSize = 50;
  /** Runs after a message is created and before the 201 is sent (e.g. to post a status callback that overtakes it). */
  beforeCreateResponse?: (sid: string, form: FormFields) => Promise<void>;
  url = '';
  private server?: Server;
  private readonly faults: TwilioFault[] = [];
  private readonly deleteFaults: TwilioFault[] = [];
  private readonly messages: StoredMessage[] = [];
  private readonly files = new Map<string, StoredFile>();
  private readonly calls = new Map<string, { from: string; to: string }>();

  constructor(options: { accountSid?: string; authToken?: string } = {}) {
    this.accountSid = options.accountSid ?? twilioSid('AC');
    this.authToken = options.authToken ?? randomBytes(16).toString('hex');
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) this.json(res, 500, { code: 20500, message: String(error), status: 500 });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    const server = this.server;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  /** The next Messages create calls answer these errors, one each, in order. */
  failNext(...faults: TwilioFault[]): void {
    this.faults.push(...faults);
  }

  /** The next media DELETE calls answer these errors, one each, in order. */
  failNextMediaDelete(...faults: TwilioFault[]): void {
    this.deleteFaults.push(...faults);
  }

  /** The sids (ME…) of the media deleted (DELETE answered 204). */
  deletedMedia(): string[] {
    return this.mediaDeletes()
      .filter((r) => r.status === 204)
      .map((r) => /\/Media\/(ME[0-9a-f]{32})\.json$/.exec(r.path)![1]);
  }

  /** Recordings deleted (204), by sid. */
  deletedRecordings(): string[] {
    return this.requests
      .filter((r) => r.method === 'DELETE' && r.status === 204 && /\/Recordings\/RE[0-9a-f]{32}\.json$/.test(r.path))
      .map((r) => /\/Recordings\/(RE[0-9a-f]{32})\.json$/.exec(r.path)![1]);
  }

  /** Every media DELETE attempt (answered or refused). */
  mediaDeletes(): TwilioFakeRequest[] {
    return this.requests.filter((r) => r.method === 'DELETE' && /\/Media\/ME[0-9a-f]{32}\.json$/.test(r.path));
  }

  /** Every Messages create attempt (accepted or not). */
  createAttempts(): TwilioFakeRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path === `${API}/Accounts/${this.accountSid}/Messages.json`);
  }

  /** Messages the fake accepted (as Twilio would send them). */
  sent(): TwilioFakeRequest[] {
    return this.createAttempts().filter((r) => r.status === 201);
  }

  /** A media file of an inbound message, served (with Basic auth) at the URL Twilio would give in MediaUrlN. */
  addMedia(contentType: string, body: Buffer, messageSid = twilioSid('MM')): { sid: string; url: string } {
    const sid = twilioSid('ME');
    const path = `${API}/Accounts/${this.accountSid}/Messages/${messageSid}/Media/${sid}`;
    this.files.set(path, { contentType, body });
    return { sid, url: `${this.url}${path}` };
  }

  /** A call recording; `url` is the RecordingUrl Twilio posts (no extension), `${url}.mp3` serves the MP3. */
  addRecording(body: Buffer): { sid: string; url: string } {
    const sid = twilioSid('RE');
    const path = `${API}/Accounts/${this.accountSid}/Recordings/${sid}`;
    this.files.set(`${path}.mp3`, { contentType: 'audio/mpeg', body });
    return { sid, url: `${this.url}${path}` };
  }

  /** A call Twilio knows about (GET …/Calls/{sid}.json). */
  addCall(sid: string, from: string, to: string): void {
    this.calls.set(sid, { from, to });
  }

  /** An inbound message in Twilio's log (what the reconciliation lists), with optional media. */
  addInboundMessage(input: {
    from: string;
    to: string;
    body: string;
    sid?: string;
    dateSent?: Date;
    media?: { contentType: string; body: Buffer }[];
  }): string {
    const sid = input.sid ?? twilioSid(input.media?.length ? 'MM' : 'SM');
    const media = (input.media ?? []).map((m) => {
      const added = this.addMedia(m.contentType, m.body, sid);
      return { sid: added.sid, contentType: m.contentType };
    });
    const at = input.dateSent ?? new Date();
    this.messages.push({
      sid,
      from: input.from,
      to: input.to,
      body: input.body,
      status: 'received',
      direction: 'inbound',
      dateCreated: at,
      dateSent: at,
      media,
    });
    return sid;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const raw = await readBody(req);
    const form = req.method === 'POST' ? parseForm(raw) : {};
    const authorized = req.headers.authorization === `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    const record: TwilioFakeRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, form, authorized, status: 0 };
    this.requests.push(record);
    const answer = (status: number, body: unknown, contentType?: string): void => {
      record.status = status;
      if (Buffer.isBuffer(body)) {
        res.writeHead(status, { 'content-type': contentType ?? 'application/octet-stream', 'content-length': body.length });
        res.end(body);
      } else this.json(res, status, body);
    };
    const fail = (fault: TwilioFault): void => {
      const d = DEFAULT_FAULTS[fault.status] ?? { code: 20500, message: 'Error' };
      const code = fault.code ?? d.code;
      answer(fault.status, {
        code,
        message: fault.message ?? d.message,
        more_info: `https://www.twilio.com/docs/errors/${code}`,
        status: fault.status,
      });
    };

    if (!authorized) return fail({ status: 401 });
    const account = `${API}/Accounts/${this.accountSid}`;
    const path = url.pathname;

    if (path === `${account}/Messages.json` && req.method === 'POST') {
      const fault = this.faults.shift();
      if (fault) return fail(fault);
      const to = first(form.To);
      const from = first(form.From);
      if (!to) return fail({ status: 400, code: 21604, message: "A 'To' phone number is required." });
      if (!from) return fail({ status: 400, code: 21603, message: "A 'From' phone number is required." });
      if (!first(form.Body) && !first(form.ContentSid) && !first(form.MediaUrl))
        return fail({ status: 400, code: 21602, message: 'Message body is required.' });
      const now = new Date();
      const message: StoredMessage = {
        sid: twilioSid('SM'),
        from,
        to,
        body: first(form.Body) ?? '',
        status: 'queued',
        direction: 'outbound-api',
        dateCreated: now,
        dateSent: null,
        media: [],
      };
      this.messages.push(message);
      record.sid = message.sid;
      if (this.beforeCreateResponse) await this.beforeCreateResponse(message.sid, form);
      return answer(201, this.resource(message));
    }

    if (path === `${account}/Messages.json` && req.method === 'GET') {
      const to = url.searchParams.get('To');
      const from = url.searchParams.get('From');
      const after = url.searchParams.get('DateSent>');
      const since = after ? new Date(after) : null;
      const matching = this.messages.filter(
        (m) => (!to || m.to === to) && (!from || m.from === from) && (!since || (m.dateSent !== null && m.dateSent.getTime() >= since.getTime())),
      );
      const pageSize = Math.min(Number(url.searchParams.get('PageSize') ?? 50) || 50, this.maxPageSize);
      const page = Number(url.searchParams.get('Page') ?? 0) || 0;
      const items = matching.slice(page * pageSize, (page + 1) * pageSize);
      const query = (p: number) => {
        const q = new URLSearchParams(url.searchParams);
        q.set('PageSize', String(pageSize));
        q.set('Page', String(p));
        return `${account}/Messages.json?${q.toString()}`;
      };
      const more = (page + 1) * pageSize < matching.length;
      return answer(200, {
        messages: items.map((m) => this.resource(m)),
        end: page * pageSize + Math.max(items.length - 1, 0),
        first_page_uri: query(0),
        next_page_uri: more ? query(page + 1) : null,
        previous_page_uri: page > 0 ? query(page - 1) : null,
        page,
        page_size: pageSize,
        start: page * pageSize,
        uri: query(page),
      });
    }

    const mediaList = new RegExp(`^${account}/Messages/((?:SM|MM)[0-9a-f]{32})/Media\\.json$`).exec(path);
    if (mediaList && req.method === 'GET') {
      const message = this.messages.find((m) => m.sid === mediaList[1]);
      if (!message) return fail({ status: 404 });
      const base = `${account}/Messages/${message.sid}/Media`;
      return answer(200, {
        media_list: message.media.map((m) => ({
          sid: m.sid,
          account_sid: this.accountSid,
          parent_sid: message.sid,
          content_type: m.contentType,
          date_created: rfc2822(message.dateCreated),
          date_updated: rfc2822(message.dateCreated),
          uri: `${base}/${m.sid}.json`,
        })),
        end: Math.max(message.media.length - 1, 0),
        first_page_uri: `${base}.json?PageSize=50&Page=0`,
        next_page_uri: null,
        previous_page_uri: null,
        page: 0,
        page_size: 50,
        start: 0,
        uri: `${base}.json?PageSize=50&Page=0`,
      });
    }

    const mediaItem = new RegExp(`^(${account}/Messages/((?:SM|MM)[0-9a-f]{32})/Media/(ME[0-9a-f]{32}))\\.json$`).exec(path);
    if (mediaItem && req.method === 'DELETE') {
      const fault = this.deleteFaults.shift();
      if (fault) return fail(fault);
      if (!this.files.delete(mediaItem[1])) return fail({ status: 404 });
      const message = this.messages.find((m) => m.sid === mediaItem[2]);
      if (message) message.media = message.media.filter((m) => m.sid !== mediaItem[3]);
      record.status = 204;
      res.writeHead(204);
      res.end();
      return;
    }

    const recording = new RegExp(`^(${account}/Recordings/(RE[0-9a-f]{32}))\\.json$`).exec(path);
    if (recording && req.method === 'DELETE') {
      if (!this.files.delete(`${recording[1]}.mp3`)) return fail({ status: 404 });
      record.status = 204;
      res.writeHead(204);
      res.end();
      return;
    }

    const call = new RegExp(`^${account}/Calls/(CA[0-9a-f]{32})\\.json$`).exec(path);
    if (call && req.method === 'GET') {
      const known = this.calls.get(call[1]);
      if (!known) return fail({ status: 404 });
      return answer(200, {
        sid: call[1],
        account_sid: this.accountSid,
        from: known.from,
        to: known.to,
        status: 'completed',
        direction: 'inbound',
        uri: `${account}/Calls/${call[1]}.json`,
      });
    }

    const file = this.files.get(path);
    if (file && req.method === 'GET') return answer(200, file.body, file.contentType);
    return fail({ status: 404 });
  }

  private resource(m: StoredMessage): Record<string, unknown> {
    const uri = `${API}/Accounts/${this.accountSid}/Messages/${m.sid}`;
    return {
      account_sid: this.accountSid,
      api_version: '2010-04-01',
      body: m.body,
      date_created: rfc2822(m.dateCreated),
      date_sent: rfc2822(m.dateSent),
      date_updated: rfc2822(m.dateCreated),
      direction: m.direction,
      error_code: null,
      error_message: null,
      from: m.from,
      messaging_service_sid: null,
      num_media: String(m.media.length),
      num_segments: '1',
      price: null,
      price_unit: 'USD',
      sid: m.sid,
      status: m.status,
      subresource_uris: { media: `${uri}/Media.json` },
      to: m.to,
      uri: `${uri}.json`,
    };
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseForm(raw: Buffer): FormFields {
  const out: FormFields = {};
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) {
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** X-Twilio-Signature exactly as Twilio computes it (REFERENCE §1.5), through the SDK. */
export function twilioSignature(authToken: string, url: string, params: FormFields): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

export interface WebhookResponse {
  status: number;
  contentType: string | null;
  text: string;
}

/**
 * Posts a webhook the way Twilio does: form-encoded, signed over `publicBaseUrl + path` (the URL
 * configured in Twilio's console), while the request itself goes to `apiBaseUrl` (as through a proxy).
 * `signature: null` sends none; a string sends that one instead.
 */
export async function postTwilioWebhook(
  target: { apiBaseUrl: string; publicBaseUrl: string; authToken?: string },
  path: string,
  params: FormFields,
  options: { signature?: string | null } = {},
): Promise<WebhookResponse> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    'user-agent': 'TwilioProxy/1.1',
    'i-twilio-idempotency-token': randomBytes(8).toString('hex'),
  };
  const signature =
    options.signature !== undefined
      ? options.signature
      : target.authToken
        ? twilioSignature(target.authToken, `${target.publicBaseUrl}${path}`, params)
        : null;
  if (signature !== null) headers['x-twilio-signature'] = signature;
  const res = await fetch(`${target.apiBaseUrl}${path}`, { method: 'POST', headers, body: body.toString() });
  return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
}
