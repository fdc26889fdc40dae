/** A small JSON client for the tests: the real HTTP API, nothing in between. */
export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export class HttpClient {
  constructor(
    private readonly baseUrl: string,
    private token?: string,
  ) {}

  withToken(token: string): HttpClient {
    return new HttpClient(this.baseUrl, token);
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      // not JSON; keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = Record<string, unknown>>(path: string, headers?: Record<string, string>): Promise<HttpResult<T>> {
    return this.request<T>('GET', path, undefined, headers);
  }

  post<T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResult<T>> {
    return this.request<T>('POST', path, body ?? {}, headers);
  }

  patch<T = Record<string, unknown>>(path: string, body: unknown): Promise<HttpResult<T>> {
    return this.request<T>('PATCH', path, body);
  }

  /** Signs in and returns a client that carries the token. */
  async login(email: string, password: string): Promise<HttpClient> {
    const res = await this.post<{ accessToken: string }>('/api/v1/auth/login', {
      email,
      password,
    });
    if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return this.withToken(res.body.accessToken);
  }
}
