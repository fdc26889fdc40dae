/** Paths that belong to the api, never to the console (no static files, no index.html fallback). */
const SERVER_PREFIXES = ['/api', '/webhooks', '/health', '/socket.io'];

/** Whether a request may be answered by the web console: a GET or HEAD outside the api's own paths. */
export function isConsoleRequest(method: string, path: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const lower = path.toLowerCase();
  return !SERVER_PREFIXES.some((prefix) => lower === prefix || lower.startsWith(`${prefix}/`));
}

/** A path whose last segment has a file extension (`/assets/x.js`): answer 404 when missing, not index.html. */
export function looksLikeFile(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return /\.[a-z0-9]{1,8}$/i.test(last);
}

/** Vite puts content-hashed bundles under /assets/: they never change, so browsers may keep them for a year. */
export function cacheControlFor(relativePath: string): string {
  const normalized = relativePath.replace(/\\/g, '/');
  if (normalized.startsWith('assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

/**
 * For index.html. Scripts only from this origin; inline styles are needed by the component
 * library's runtime theme variables.
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
