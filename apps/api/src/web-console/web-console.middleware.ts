import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { join, relative } from 'node:path';
import serveStatic from 'serve-static';
import { cacheControlFor, CONSOLE_CONTENT_SECURITY_POLICY, isConsoleRequest, looksLikeFile } from './web-console-request.js';
import { WEB_CONSOLE_ROOT } from './web-console-root.js';

/**
 * Serves the built console (dist/web): its files, and index.html for every other GET outside
 * /api, /webhooks and /health, so deep links (/users?dialog=new) load the single-page app.
 */
@Injectable()
export class WebConsoleMiddleware implements NestMiddleware {
  private readonly files: ReturnType<typeof serveStatic<Response>> | null;
  private readonly indexFile: string | null;

  constructor(@Inject(WEB_CONSOLE_ROOT) root: string | null) {
    this.indexFile = root ? join(root, 'index.html') : null;
    this.files = root
      ? serveStatic<Response>(root, {
          index: false,
          redirect: false,
          fallthrough: true,
          dotfiles: 'ignore',
          setHeaders: (res, path) => {
            res.setHeader('Cache-Control', cacheControlFor(relative(root, path)));
            res.setHeader('X-Content-Type-Options', 'nosniff');
            if (path.endsWith('.html')) this.pageHeaders(res);
          },
        })
      : null;
  }

  use(req: Request, res: Response, next: NextFunction): void {
    if (!this.files || !this.indexFile || !isConsoleRequest(req.method, req.path)) return next();
    const indexFile = this.indexFile;
    this.files(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (looksLikeFile(req.path) || !req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      this.pageHeaders(res);
      res.sendFile(indexFile, { cacheControl: false, dotfiles: 'deny' }, (sendError?: unknown) => {
        if (sendError && !res.headersSent) next(sendError);
      });
    });
  }

  private pageHeaders(res: Response): void {
    res.setHeader('Content-Security-Policy', CONSOLE_CONTENT_SECURITY_POLICY);
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
  }
}
