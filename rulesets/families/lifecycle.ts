import finLifecycleDeprecationSignalled from '../rules/fin-lifecycle-deprecation-signalled.js';
import finLifecycleOwnerContact from '../rules/fin-lifecycle-owner-contact.js';
import finLifecycleVersionDeclared from '../rules/fin-lifecycle-version-declared.js';
import type { FinRule } from '../types.js';

/** Family L: versioning, deprecation, ownership (catalogue §5 L). */
export const lifecycleRules: readonly FinRule[] = [
  finLifecycleVersionDeclared, // L1
  finLifecycleDeprecationSignalled, // L2
  finLifecycleOwnerContact, // L3
];
