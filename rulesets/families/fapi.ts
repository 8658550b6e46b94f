import finFapiSenderConstrainedTokens from '../rules/fin-fapi-sender-constrained-tokens.js';
import finFapiDpopProofHeader from '../rules/fin-fapi-dpop-proof-header.js';
import finFapiMtlsScheme from '../rules/fin-fapi-mtls-scheme.js';
import finFapiClientAuthMethods from '../rules/fin-fapi-client-auth-methods.js';
import finFapiPkcePar from '../rules/fin-fapi-pkce-par.js';
import finFapiCodeFlowOnly from '../rules/fin-fapi-code-flow-only.js';
import finFapiInteractionId from '../rules/fin-fapi-interaction-id.js';
import finFapiDiscoveryMetadata from '../rules/fin-fapi-discovery-metadata.js';
import type { FinRule } from '../types.js';

/** Family C: FAPI 2.0 and sender-constrained tokens (catalogue C1-C8). Opt-in: profiles fapi2, psd2-*, uk-open-banking. */
export const fapiRules: readonly FinRule[] = [
  finFapiSenderConstrainedTokens, // C1
  finFapiDpopProofHeader, // C2
  finFapiMtlsScheme, // C3
  finFapiClientAuthMethods, // C4
  finFapiPkcePar, // C5
  finFapiCodeFlowOnly, // C6
  finFapiInteractionId, // C7
  finFapiDiscoveryMetadata, // C8
];
