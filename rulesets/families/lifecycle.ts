import type { FinRule } from '../types.js';

/** Family L: versioning, deprecation, ownership (catalogue §5 L). */
export const lifecycleRules: readonly FinRule[] = [];
