import { oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { noInsecureHttpSchemes } from '../../functions/noInsecureHttpSchemes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-no-insecure-http-schemes',
  description: 'No HTTP security scheme uses Digest, Negotiate, NTLM or OAuth 1.0 authentication.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas3_0, oas3_1],
  given: '$',
  then: { function: noInsecureHttpSchemes },
  category: 'auth',
  oasVersions: ['3.0', '3.1'],
  controls: ['pci-dss-4.0.1:8.3.2', 'pci-dss-4.0.1:6.2.4', 'pci-dss-4.0.1:4.2.1', 'owasp-api-2023:API2'],
  howToFix:
    'Replace the scheme with OAuth 2.0 or OpenID Connect access tokens (type: oauth2 or openIdConnect, or type: http with scheme: bearer), ideally sender-constrained with mutual TLS or DPoP.',
});
