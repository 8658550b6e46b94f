import type { FinRule } from '../types.js';

/** Family J: idempotent payment creation (catalogue §5 J). */
export const idempotencyRules: readonly FinRule[] = [];
