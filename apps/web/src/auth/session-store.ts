import { singleFlight } from '../api/session-fetch';
import type { IssuedToken, SessionUser } from '../api/views';

export type SessionState =
  | { status: 'checking' }
  | { status: 'signed-in'; user: SessionUser; expiresAt: number }
  | { status: 'signed-out'; reason: 'initial' | 'expired' | 'signed-out' };

export interface SessionStoreOptions {
  /** POST /api/v1/auth/refresh: the new token, or null when the session is over (401). */
  refresh: () => Promise<IssuedToken | null>;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * The signed-in staff member, kept outside React so the api client can reach it. The access
 * token itself lives only in the http-only cookie; this store knows who is signed in and
 * when the token expires, and renews it shortly before then.
 */
export class SessionStore {
  private state: SessionState = { status: 'checking' };
  private readonly listeners = new Set<() => void>();
  private timer: unknown = null;
  private readonly now: () => number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  /** Renews the session; concurrent calls share one request. True when a new token was issued. */
  readonly renew: () => Promise<boolean>;

  constructor(private readonly options: SessionStoreOptions) {
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    this.renew = singleFlight(() => this.refreshNow());
  }

  readonly getState = (): SessionState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** At page load: the cookie may still hold a live session. */
  async resume(): Promise<void> {
    const renewed = await this.renew();
    if (!renewed && this.state.status === 'checking') this.set({ status: 'signed-out', reason: 'initial' });
  }

  signedIn(issued: IssuedToken): void {
    const expiresAt = Date.parse(issued.expiresAt);
    this.set({ status: 'signed-in', user: issued.user, expiresAt });
    this.schedule(expiresAt);
  }

  /** The api refused the session and renewal failed: back to sign-in, keeping the route and drafts. */
  lost(): void {
    this.cancelTimer();
    if (this.state.status !== 'signed-out') this.set({ status: 'signed-out', reason: this.state.status === 'signed-in' ? 'expired' : 'initial' });
  }

  signedOut(): void {
    this.cancelTimer();
    this.set({ status: 'signed-out', reason: 'signed-out' });
  }

  /** Milliseconds from now until the token should be renewed: a little before it expires. */
  renewalDelay(expiresAt: number): number {
    const left = expiresAt - this.now();
    const margin = Math.min(120_000, Math.max(5_000, left * 0.2));
    return Math.max(5_000, left - margin);
  }

  private async refreshNow(): Promise<boolean> {
    let issued: IssuedToken | null;
    try {
      issued = await this.options.refresh();
    } catch {
      return false; // unreachable server: the next api call reports it
    }
    if (!issued) return false;
    this.signedIn(issued);
    return true;
  }

  private schedule(expiresAt: number): void {
    this.cancelTimer();
    if (!Number.isFinite(expiresAt)) return;
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.renew().then((ok) => {
        if (!ok) this.lost();
      });
    }, this.renewalDelay(expiresAt));
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
