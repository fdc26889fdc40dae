import { createSessionFetch, needsNoRenewal, singleFlight } from './session-fetch';

const BASE = 'http://console.test';

/** A function that counts its calls (jest.fn needs @jest/globals under ESM). */
function spy<A extends unknown[], R>(impl: (...args: A) => R): ((...args: A) => R) & { calls: number } {
  const fn = Object.assign(
    (...args: A): R => {
      fn.calls += 1;
      return impl(...args);
    },
    { calls: 0 },
  );
  return fn;
}

function fakeServer(statuses: number[]) {
  const seen: { url: string; body: string }[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    seen.push({ url: request.url, body: await request.text() });
    return new Response('{}', { status: statuses.shift() ?? 200 });
  };
  return { fetch, seen };
}

describe('the session-aware fetch', () => {
  it('passes answers other than 401 straight through', async () => {
    const server = fakeServer([200, 404]);
    const renew = spy(async () => true);
    const lost = spy(() => undefined);
    const fetch = createSessionFetch({ fetch: server.fetch, renew, onSessionLost: lost });
    expect((await fetch(new Request(`${BASE}/api/v1/users`))).status).toBe(200);
    expect((await fetch(new Request(`${BASE}/api/v1/users/x`))).status).toBe(404);
    expect(renew.calls).toBe(0);
    expect(lost.calls).toBe(0);
  });

  it('on 401 renews the session once and repeats the request with its body', async () => {
    const server = fakeServer([401, 201]);
    const renew = spy(async () => true);
    const lost = spy(() => undefined);
    const fetch = createSessionFetch({ fetch: server.fetch, renew, onSessionLost: lost });
    const res = await fetch(new Request(`${BASE}/api/v1/users`, { method: 'POST', body: '{"name":"نورة"}' }));
    expect(res.status).toBe(201);
    expect(renew.calls).toBe(1);
    expect(server.seen.map((s) => s.body)).toEqual(['{"name":"نورة"}', '{"name":"نورة"}']);
    expect(lost.calls).toBe(0);
  });

  it('reports the session lost when renewal fails, and returns the 401', async () => {
    const server = fakeServer([401]);
    const lost = spy(() => undefined);
    const fetch = createSessionFetch({ fetch: server.fetch, renew: async () => false, onSessionLost: lost });
    expect((await fetch(new Request(`${BASE}/api/v1/audit`))).status).toBe(401);
    expect(lost.calls).toBe(1);
    expect(server.seen).toHaveLength(1);
  });

  it('reports the session lost when the repeated request is refused too', async () => {
    const server = fakeServer([401, 401]);
    const lost = spy(() => undefined);
    const fetch = createSessionFetch({ fetch: server.fetch, renew: async () => true, onSessionLost: lost });
    expect((await fetch(new Request(`${BASE}/api/v1/audit`))).status).toBe(401);
    expect(lost.calls).toBe(1);
  });

  it('never renews for sign-in, renewal or sign-out themselves (a 401 there is the answer)', async () => {
    for (const path of ['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout']) {
      const server = fakeServer([401]);
      const renew = spy(async () => true);
      const lost = spy(() => undefined);
      const fetch = createSessionFetch({ fetch: server.fetch, renew, onSessionLost: lost });
      expect((await fetch(new Request(`${BASE}${path}`, { method: 'POST' }))).status).toBe(401);
      expect(renew.calls).toBe(0);
      expect(lost.calls).toBe(0);
    }
    expect(needsNoRenewal('/api/v1/auth/me')).toBe(false);
    expect(needsNoRenewal(`${BASE}/api/v1/auth/login?x=1`)).toBe(true);
  });

  it('shares one renewal between requests that fail together', async () => {
    let resolve!: (ok: boolean) => void;
    const action = spy(() => new Promise<boolean>((r) => (resolve = r)));
    const renew = singleFlight(action);
    const a = renew();
    const b = renew();
    expect(action.calls).toBe(1);
    resolve(true);
    await expect(Promise.all([a, b])).resolves.toEqual([true, true]);
    // Once settled, the next call starts a new renewal.
    void renew();
    expect(action.calls).toBe(2);
  });
});
