import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface GraphRequest {
  method: string;
  path: string;
  /** The `access_token` query parameter (the page token). */
  accessToken: string | null;
  body: {
    recipient?: { id?: string };
    messaging_type?: string;
    tag?: string;
    message?: { text?: string };
    [key: string]: unknown;
  };
  /** What the fake answered. */
  status: number;
  /** The message_id it returned, when it accepted the message. */
  messageId?: string;
}

/** A User Profile API lookup (`GET /v25.0/{PSID|IGSID}?fields=…`). */
export interface ProfileRequest {
  userId: string;
  fields: string[];
  accessToken: string | null;
  status: number;
}

/** A profile as Meta answers it: Messenger's PSID node has first_name/last_name, Instagram's IGSID node name/username. */
export type GraphProfile = { first_name?: string; last_name?: string } | { name?: string | null; username?: string };

interface Failure {
  status: number;
  error: { message: string; type?: string; code?: number; error_subcode?: number; is_transient?: boolean };
}

/**
 * A stand-in for the Graph API on 127.0.0.1. Send API: `POST /v25.0/me/messages` answers
 * `{recipient_id, message_id}` like Meta does, records every request (with its access_token),
 * and can be told to fail the next requests with a Graph error (400, 500…). User Profile API:
 * `GET /v25.0/{id}?fields=…` answers the requested fields of a profile added with `addProfile`
 * (plus `id`), Meta's error 100/33 for an unknown id, or a failure set with `failProfile`;
 * those lookups are recorded apart, in `profileRequests`.
 */
export class GraphFake {
  readonly requests: GraphRequest[] = [];
  readonly profileRequests: ProfileRequest[] = [];
  private readonly failures: Failure[] = [];
  private readonly profiles = new Map<string, GraphProfile>();
  private readonly profileFailures = new Map<string, Failure | 'hang'>();
  private server?: Server;
  private counter = 0;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive sockets of the product's fetch would otherwise hold close() open.
    server.closeAllConnections();
    await closed;
  }

  /** The next `times` Send API calls answer this HTTP status with a Graph error body. */
  failNext(status: number, error: Failure['error'], times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ status, error: { type: 'OAuthException', ...error } });
  }

  /** The profile Meta shows for this PSID / IGSID from now on (a failure set for it ends). */
  addProfile(userId: string, profile: GraphProfile): void {
    this.profiles.set(userId, profile);
    this.profileFailures.delete(userId);
  }

  /** Lookups of this id answer the Graph error, or never answer ('hang'). */
  failProfile(userId: string, failure: Failure | 'hang'): void {
    this.profileFailures.set(userId, failure);
  }

  /** Messages the fake accepted (as Meta would deliver them). */
  delivered(): GraphRequest[] {
    return this.requests.filter((r) => r.status === 200);
  }

  /** Waits until a request matching `predicate` arrives. */
  async waitFor(predicate: (r: GraphRequest) => boolean, timeoutMs = 20_000): Promise<GraphRequest> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.requests.find(predicate);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no Graph request matched within ${timeoutMs} ms; got ${JSON.stringify(this.requests.map((r) => r.body))}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://graph.local');
    const profile = /^\/v25\.0\/(\d+)$/.exec(url.pathname);
    if (req.method === 'GET' && profile) return this.answerProfile(profile[1], url, res);
    const body = parseJson(Buffer.concat(chunks));
    const record: GraphRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      accessToken: url.searchParams.get('access_token'),
      body,
      status: 0,
    };
    this.requests.push(record);
    const answer = (status: number, json: unknown) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };

    if (req.method !== 'POST' || url.pathname !== '/v25.0/me/messages') {
      return answer(400, { error: { message: `Unsupported ${req.method} request to ${url.pathname}`, type: 'GraphMethodException', code: 100 } });
    }
    if (!record.accessToken)
      return answer(400, {
        error: { message: 'An active access token must be used to query information about the current user.', type: 'OAuthException', code: 2500 },
      });
    const failure = this.failures.shift();
    if (failure) return answer(failure.status, { error: { ...failure.error, fbtrace_id: 'fake' } });
    if (!body.recipient?.id || (!body.message?.text && !body.message))
      return answer(400, { error: { message: '(#100) The parameter recipient is required', type: 'OAuthException', code: 100 } });
    record.messageId = `m_fake_${++this.counter}_${Date.now().toString(36)}`;
    return answer(200, { recipient_id: body.recipient.id, message_id: record.messageId });
  }

  private answerProfile(userId: string, url: URL, res: ServerResponse): void {
    const fields = (url.searchParams.get('fields') ?? '').split(',').filter(Boolean);
    const record: ProfileRequest = { userId, fields, accessToken: url.searchParams.get('access_token'), status: 0 };
    this.profileRequests.push(record);
    const failure = this.profileFailures.get(userId);
    if (failure === 'hang') return;
    const answer = (status: number, json: unknown) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (!record.accessToken)
      return answer(400, { error: { message: 'An access token is required to request this resource.', type: 'OAuthException', code: 104 } });
    if (failure) return answer(failure.status, { error: { type: 'OAuthException', ...failure.error, fbtrace_id: 'fake' } });
    const known = this.profiles.get(userId) as Record<string, unknown> | undefined;
    if (!known)
      return answer(400, {
        error: {
          message: `Unsupported get request. Object with ID '${userId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
          type: 'GraphMethodException',
          code: 100,
          error_subcode: 33,
          fbtrace_id: 'fake',
        },
      });
    // Meta answers only the fields asked for (and set), always with the id.
    const picked = Object.fromEntries(fields.filter((f) => known[f] !== undefined && known[f] !== null).map((f) => [f, known[f]]));
    return answer(200, { ...picked, id: userId });
  }
}

function parseJson(raw: Buffer): GraphRequest['body'] {
  try {
    return raw.length ? (JSON.parse(raw.toString('utf8')) as GraphRequest['body']) : {};
  } catch {
    return {};
  }
}
