import type { Request } from 'express';

/** The caller's address as express sees it (trust proxy is configured at bootstrap). */
export function clientIp(req: Request): string | null {
  return req.ip ?? req.socket.remoteAddress ?? null;
}
