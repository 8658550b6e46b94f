import finAuthWriteOpsScoped from '../rules/fin-auth-write-ops-scoped.js';
import finAuthWriteScopeNotReadOnly from '../rules/fin-auth-write-scope-not-read-only.js';
import finAuthUnusedScopes from '../rules/fin-auth-unused-scopes.js';
import finAuthOidcDiscoveryUrl from '../rules/fin-auth-oidc-discovery-url.js';
import finAuthJwtAlgorithmsDeclared from '../rules/fin-auth-jwt-algorithms-declared.js';
import finAuthRefreshForUserFlows from '../rules/fin-auth-refresh-for-user-flows.js';
import finAuthCredentialsWriteOnly from '../rules/fin-auth-credentials-write-only.js';
import finAuthPasswordLengthPolicy from '../rules/fin-auth-password-length-policy.js';
import finAuthAdminOpsDistinctSecurity from '../rules/fin-auth-admin-ops-distinct-security.js';
import finAuthNoSecretsInExamples from '../rules/fin-auth-no-secrets-in-examples.js';
import finAuthWebhookSignature from '../rules/fin-auth-webhook-signature.js';
import type { FinRule } from '../types.js';

/** Family B, part 2: scope policy, credentials and secrets (catalogue B13-B23). */
export const authPolicyRules: readonly FinRule[] = [
  finAuthWriteOpsScoped,
  finAuthWriteScopeNotReadOnly,
  finAuthUnusedScopes,
  finAuthOidcDiscoveryUrl,
  finAuthJwtAlgorithmsDeclared,
  finAuthRefreshForUserFlows,
  finAuthCredentialsWriteOnly,
  finAuthPasswordLengthPolicy,
  finAuthAdminOpsDistinctSecurity,
  finAuthNoSecretsInExamples,
  finAuthWebhookSignature,
];
