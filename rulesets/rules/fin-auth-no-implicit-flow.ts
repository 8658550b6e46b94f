import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { noImplicitFlow } from '../../functions/noImplicitFlow.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-no-implicit-flow',
  description: 'No OAuth 2.0 security scheme offers the implicit flow.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: noImplicitFlow },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['pci-dss-4.0.1:8.3.2', 'fapi-2.0:5.3.2.2', 'owasp-api-2023:API2'],
  howToFix:
    'Replace the implicit flow with the authorization code flow with PKCE (2.0: flow: accessCode), ideally with pushed authorization requests and sender-constrained tokens.',
});
