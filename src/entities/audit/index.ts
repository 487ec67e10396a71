import { AuditEntry } from './audit-entry.entity.js';

export { AuditEntry };
export const auditEntities = [AuditEntry];
