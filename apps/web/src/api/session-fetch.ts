/**
 * The fetch every api call goes through. When the api answers 401 (the access token expired
 * or the session ended), it renews the session once — concurrent 401s share one renewal —
 * and repeats the request; when renewal fails too, it reports the session as lost so the
 * console can send the user to sign-in (keeping their route and drafts).
 */
export interface SessionFetchOptions {
  /** The real fetch. */
  fetch: (request: Request) => Promise<Response>;
  /** Renews the session (POST /api/v1/auth/refresh); true when a new token was issued. */
  renew: () => Promise<boolean>;
  /** Called when the session cannot be renewed. */
  onSessionLost: () => void;
}

/** Calls where a 401 means "wrong credentials" or "already signed out", not "renew and repeat". */
const NO_RENEWAL = ['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout'];

export function needsNoRenewal(url: string): boolean {
  const path = new URL(url, 'http://console.invalid').pathname;
  return NO_RENEWAL.includes(path);
}

export function createSessionFetch(options: SessionFetchOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    if (needsNoRenewal(request.url)) return options.fetch(request);
    // Keep an unread copy: the body of `request` is consumed by the first attempt.
    const second = request.clone();
    const first = await options.fetch(request);
    if (first.status !== 401) return first;
    if (!(await options.renew())) {
      options.onSessionLost();
      return first;
    }
    const repeated = await options.fetch(second);
    if (repeated.status === 401) options.onSessionLost();
    return repeated;
  };
}

/** Wraps an async action so that calls made while one is running share its result. */
export function singleFlight<T>(action: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= action().finally(() => {
      running = null;
    });
    return running;
  };
}
