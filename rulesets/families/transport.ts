import finTransportHttpsOnly from '../rules/fin-transport-https-only.js';
import type { FinRule } from '../types.js';

/** Family A: transport security and server inventory (catalogue §5 A). */
export const transportRules: readonly FinRule[] = [finTransportHttpsOnly];
