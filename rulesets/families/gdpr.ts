import type { FinRule } from '../types.js';

/** Family F: personal data (catalogue §5 F). */
export const gdprRules: readonly FinRule[] = [];
