import type { FinRule } from '../types.js';

/** Family E: cardholder data (catalogue §5 E). */
export const pciRules: readonly FinRule[] = [];
