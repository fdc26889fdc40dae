export { AuditEntry } from './audit-entry.entity.js';
export { AuditService, type AuditRecord, type AuditQuery } from './audit.service.js';
export { AuditModule } from './audit.module.js';
import { AuditEntry } from './audit-entry.entity.js';
export const AUDIT_ENTITIES = [AuditEntry];
