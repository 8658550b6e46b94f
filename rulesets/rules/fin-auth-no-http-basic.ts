import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { noHttpBasic } from '../../functions/noHttpBasic.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-no-http-basic',
  description: 'No security scheme uses HTTP Basic authentication.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: noHttpBasic },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:8.3.1',
    'pci-dss-4.0.1:8.3.2',
    'pci-dss-4.0.1:8.4.2',
    'pci-dss-4.0.1:7.2.2',
    'owasp-api-2023:API2',
    'fapi-2.0:5.3.2.1',
    'psd2-rts:art-22',
  ],
  howToFix:
    'Replace HTTP Basic with OAuth 2.0 or OpenID Connect (authorization code or client credentials with a sender-constrained token); for machine clients use mutual TLS or private_key_jwt.',
});
