import finAuthNoHttpBasic from '../rules/fin-auth-no-http-basic.js';
import type { FinRule } from '../types.js';

/** Family B, part 1: security schemes, flows and requirements (catalogue B1-B12). */
export const authSchemeRules: readonly FinRule[] = [finAuthNoHttpBasic];
