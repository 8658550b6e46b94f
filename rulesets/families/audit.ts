import finAuditCorrelationId from '../rules/fin-audit-correlation-id.js';
import finAuditCorrelationIdFormat from '../rules/fin-audit-correlation-id-format.js';
import finAuditSensitiveOpsFlagged from '../rules/fin-audit-sensitive-ops-flagged.js';
import type { FinRule } from '../types.js';

/** Family K: traceability and audit evidence (catalogue §5 K). */
export const auditRules: readonly FinRule[] = [
  finAuditCorrelationId, // K1
  finAuditCorrelationIdFormat, // K2
  finAuditSensitiveOpsFlagged, // K3
];
