import type { FinRule } from '../types.js';

/** Family K: traceability and audit evidence (catalogue §5 K). */
export const auditRules: readonly FinRule[] = [];
