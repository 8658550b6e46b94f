import type { FinRule } from '../types.js';

/** Family G: input validation and resource bounds (catalogue §5 G). */
export const inputRules: readonly FinRule[] = [];
