import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { StaffRole } from '@app/users';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';

/** Open to anyone: webhooks, public forms, health, sign-in. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The staff roles allowed. A staff route without it is refused: access is denied by default. */
export const Roles = (...roles: StaffRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

/** Any signed-in staff member. */
export const AnyStaff = (): MethodDecorator & ClassDecorator => Roles('officer', 'supervisor', 'committee', 'admin');

export interface StaffPrincipal {
  id: string;
  name: string;
  role: StaffRole;
  sessionId: string;
  preferredLanguage: 'ar' | 'en';
}

export const CurrentStaff = createParamDecorator((_data: unknown, ctx: ExecutionContext): StaffPrincipal => {
  const req = ctx.switchToHttp().getRequest<{ staff?: StaffPrincipal }>();
  if (!req.staff) throw new Error('CurrentStaff used on a route without authentication');
  return req.staff;
});
