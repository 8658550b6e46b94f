import type { FinRule } from '../types.js';

/** Family M: CORS, caching and browser security headers (catalogue §5 M). */
export const headerRules: readonly FinRule[] = [];
