import createClient from 'openapi-fetch';
import { SessionStore } from '../auth/session-store';
import { ApiError, networkError, toApiError } from './api-error';
import type { paths } from './schema';
import { createSessionFetch } from './session-fetch';

// Same origin as the console; the http-only `hd_access` cookie authenticates every call.
const options = { baseUrl: globalThis.location?.origin ?? '', credentials: 'same-origin' as const };

/** Without session handling: used only to renew the session itself. */
const bareApi = createClient<paths>(options);

export const sessionStore = new SessionStore({
  refresh: async () => {
    const { data, error, response } = await bareApi.POST('/api/v1/auth/refresh');
    if (response.status === 401) return null;
    if (!response.ok || !data) throw toApiError(error, response.status, response.statusText);
    return data;
  },
});

/** The console's typed api client: every screen calls the api through this. */
export const api = createClient<paths>({
  ...options,
  fetch: createSessionFetch({
    fetch: (request) => globalThis.fetch(request),
    renew: sessionStore.renew,
    onSessionLost: () => sessionStore.lost(),
  }),
});

interface Result<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

async function settle<D>(call: Promise<Result<D>>): Promise<Result<D>> {
  try {
    return await call;
  } catch (cause) {
    throw cause instanceof ApiError ? cause : networkError(cause);
  }
}

/** The body of a successful answer; an ApiError (with the api's message) otherwise. */
export async function unwrap<D>(call: Promise<Result<D>>): Promise<D> {
  const { data, error, response } = await settle(call);
  if (!response.ok) throw toApiError(error, response.status, response.statusText);
  return data as D;
}
