import type { IssuedToken } from '../api/views';
import { SessionStore } from './session-store';

const NOW = Date.parse('2025-03-01T09:00:00Z');

function issued(minutes: number): IssuedToken {
  return {
    accessToken: 'a.b.c',
    expiresAt: new Date(NOW + minutes * 60_000).toISOString(),
    user: { id: 'u1', name: 'مدير النظام', email: 'admin@example.org', role: 'admin', preferredLanguage: 'ar' },
  };
}

function store(refresh: () => Promise<IssuedToken | null>) {
  const timers: { run: () => void; ms: number }[] = [];
  const s = new SessionStore({ refresh, now: () => NOW, setTimer: (run, ms) => timers.push({ run, ms }), clearTimer: () => undefined });
  return { s, timers };
}

describe('the session store', () => {
  it('resumes a live session from the cookie at page load', async () => {
    const { s } = store(async () => issued(30));
    await s.resume();
    expect(s.getState()).toMatchObject({ status: 'signed-in', user: { name: 'مدير النظام' } });
  });

  it('is signed out at page load when there is no session', async () => {
    const { s } = store(async () => null);
    await s.resume();
    expect(s.getState()).toEqual({ status: 'signed-out', reason: 'initial' });
  });

  it('renews shortly before the token expires', () => {
    const { s, timers } = store(async () => issued(30));
    s.signedIn(issued(30));
    expect(timers).toHaveLength(1);
    expect(timers[0]!.ms).toBe(28 * 60_000); // 30 minutes minus a 2-minute margin
    expect(s.renewalDelay(NOW + 60_000)).toBe(48_000); // short tokens: 20 % margin
    expect(s.renewalDelay(NOW + 1_000)).toBe(5_000); // never a busy loop
  });

  it('marks the session expired when a scheduled renewal fails', async () => {
    const { s, timers } = store(async () => null);
    s.signedIn(issued(30));
    timers[0]!.run();
    await new Promise((r) => setTimeout(r, 0));
    expect(s.getState()).toEqual({ status: 'signed-out', reason: 'expired' });
  });

  it('tells subscribers about every change, and distinguishes signing out from expiry', () => {
    const { s } = store(async () => null);
    const seen: string[] = [];
    s.subscribe(() => {
      const state = s.getState();
      seen.push(state.status === 'signed-out' ? `${state.status}:${state.reason}` : state.status);
    });
    s.signedIn(issued(30));
    s.lost();
    s.signedIn(issued(30));
    s.signedOut();
    expect(seen).toEqual(['signed-in', 'signed-out:expired', 'signed-in', 'signed-out:signed-out']);
  });

  it('treats an unreachable server during renewal as "not renewed"', async () => {
    const { s } = store(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(s.renew()).resolves.toBe(false);
  });
});
