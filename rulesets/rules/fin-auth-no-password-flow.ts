import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { noPasswordFlow } from '../../functions/noPasswordFlow.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-no-password-flow',
  description: 'No OAuth 2.0 security scheme offers the resource owner password credentials flow.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: noPasswordFlow },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['pci-dss-4.0.1:8.4.2', 'fapi-2.0:5.3.2.1', 'psd2-rts:art-22', 'owasp-api-2023:API2'],
  howToFix:
    'Replace the password flow with the authorization code flow with PKCE for users (the user authenticates at the authorization server) and client credentials for machine clients.',
});
