import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { senderConstrainedTokens } from '../../functions/senderConstrainedTokens.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-fapi-sender-constrained-tokens',
  description:
    'Every OAuth 2.0 / OpenID Connect scheme used by resource operations issues sender-constrained access tokens: paired with a mutual-TLS scheme, declared with x-sender-constrained: [mtls|dpop], or proven with a DPoP header.',
  message: '{{error}}',
  severity: 'warn',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: senderConstrainedTokens },
  category: 'fapi',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['fapi-2.0:5.3.2.1', 'fapi-2.0:5.3.4', 'fapi-1.0:part2-5.2.2', 'fapi-1.0:part2-6.2.1', 'pci-dss-4.0.1:6.2.4', 'owasp-api-2023:API2'],
  howToFix:
    'Bind access tokens to the client: declare x-sender-constrained: [mtls] or [dpop] on the scheme, and in OAS 3.1 pair it with a mutualTLS scheme in the same security requirement, or document the DPoP request header on the operations.',
});
