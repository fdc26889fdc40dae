import { CreateStaffAndAudit1795628021583 } from './1795628021583-create-staff-and-audit.js';

/** Every migration, in order. Listed explicitly so the build and the tests see the same set. */
export const MIGRATIONS = [CreateStaffAndAudit1795628021583];
