import { CreateStaffAndAudit1795628021583 } from './1795628021583-create-staff-and-audit.js';
import { CreateContactsAndTickets1795628609324 } from './1795628609324-create-contacts-and-tickets.js';
import { OrderAuditLogBySequence1795628879241 } from './1795628879241-order-audit-log-by-sequence.js';
import { CreateInboundEventsAndTemplates1795629221607 } from './1795629221607-create-inbound-events-and-templates.js';

/** Every migration, in order. Listed explicitly so the build and the tests see the same set. */
export const MIGRATIONS = [
  CreateStaffAndAudit1795628021583,
  CreateContactsAndTickets1795628609324,
  OrderAuditLogBySequence1795628879241,
  CreateInboundEventsAndTemplates1795629221607,
];
