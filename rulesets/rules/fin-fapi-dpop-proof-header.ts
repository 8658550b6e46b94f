import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { dpopProofHeader } from '../../functions/dpopProofHeader.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-fapi-dpop-proof-header',
  description:
    'Operations that take DPoP-bound access tokens document the DPoP proof header (a string, required when DPoP is the only sender constraint) and the WWW-Authenticate: DPoP challenge of their 401 response.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: dpopProofHeader },
  category: 'fapi',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['fapi-2.0:5.3.2.1', 'fapi-2.0:5.3.3.1', 'fapi-2.0:5.3.4'],
  howToFix:
    'Define the DPoP header once in components.parameters (in: header, required: true, type string) and reference it from every DPoP-protected operation; give the 401 response a WWW-Authenticate header whose description or example shows the DPoP challenge.',
});
