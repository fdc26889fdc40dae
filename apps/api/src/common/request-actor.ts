import type { Request } from 'express';
import type { StaffPrincipal } from '@app/auth';
import { type Actor, clientIp } from '@app/common';

/** The audit actor of a staff request: who, and from which address. */
export function actorOf(staff: StaffPrincipal, req: Request): Actor {
  return { id: staff.id, ip: clientIp(req) };
}
