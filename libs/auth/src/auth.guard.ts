import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '@app/common';
import type { StaffRole } from '@app/users';
import { IS_PUBLIC, ROLES, type StaffPrincipal } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import { ACCESS_COOKIE, readCookie } from './auth-cookie.js';

/** Reads the bearer token, or the http-only cookie the console uses. */
export function accessTokenFrom(req: Request): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  return readCookie(req.headers.cookie, ACCESS_COOKIE);
}

/**
 * Guards every HTTP route: public routes pass; any other needs a valid session (401)
 * and a role listed by @Roles on the route or its controller (403). A route with no
 * @Roles is refused, so nothing is open by accident.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & { staff?: StaffPrincipal }>();
    const token = accessTokenFrom(req);
    if (!token) throw new DomainError('unauthenticated', 'sign in first: no access token was sent');
    const principal = await this.auth.authenticate(token);
    if (!principal) throw new DomainError('unauthenticated', 'the access token is expired or the session has ended; sign in again');
    req.staff = principal;
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES, targets);
    if (!roles || !roles.includes(principal.role)) {
      throw new DomainError('forbidden', `this action is not allowed for the ${principal.role} role`);
    }
    return true;
  }
}
