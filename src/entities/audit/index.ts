import { ApiToken } from './api-token.entity.js';
import { AuditEntry } from './audit-entry.entity.js';

export { ApiToken, AuditEntry };
export const auditEntities = [ApiToken, AuditEntry];
