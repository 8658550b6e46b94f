import type { FinRule } from '../types.js';

/** Family I: error handling (catalogue §5 I). */
export const errorRules: readonly FinRule[] = [];
