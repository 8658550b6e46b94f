import type { FinRule } from '../types.js';

/** Family H: rate limiting (catalogue §5 H). */
export const rateLimitRules: readonly FinRule[] = [];
