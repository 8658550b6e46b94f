import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { mtlsScheme } from '../../functions/mtlsScheme.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-fapi-mtls-scheme',
  description:
    'Documents with OAuth 2.0 schemes declare mutual-TLS client authentication (OAS 3.1 mutualTLS scheme, or x-mtls: true) whose description names the trust anchors, unless their tokens are DPoP-bound.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: mtlsScheme },
  category: 'fapi',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['fapi-2.0:5.3.2.1', 'fapi-1.0:part2-6.2.1', 'owasp-api-2023:API2'],
  howToFix:
    'Add a mutualTLS security scheme (OAS 3.0/2.0: mark the scheme with x-mtls: true) and say in its description which certificate authorities, directory or eIDAS QWAC issuers the accepted client certificates come from.',
});
