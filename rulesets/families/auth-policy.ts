import type { FinRule } from '../types.js';

/** Family B, part 2: scope policy, credentials and secrets (catalogue B13-B23). */
export const authPolicyRules: readonly FinRule[] = [];
