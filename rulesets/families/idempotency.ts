import finIdempotencyConflictResponses from '../rules/fin-idempotency-conflict-responses.js';
import finIdempotencyKeyRequired from '../rules/fin-idempotency-key-required.js';
import finIdempotencyKeySchema from '../rules/fin-idempotency-key-schema.js';
import type { FinRule } from '../types.js';

/** Family J: idempotent payment creation (catalogue §5 J). */
export const idempotencyRules: readonly FinRule[] = [
  finIdempotencyKeyRequired, // J1
  finIdempotencyKeySchema, // J2
  finIdempotencyConflictResponses, // J3
];
