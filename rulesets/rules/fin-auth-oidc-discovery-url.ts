import { oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { oidcDiscoveryUrl } from '../../functions/oidcDiscoveryUrl.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-oidc-discovery-url',
  description:
    'Every openIdConnect security scheme points its openIdConnectUrl at a discovery document (/.well-known/openid-configuration, or an RFC 8414 /.well-known/oauth-authorization-server URL).',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas3_0, oas3_1],
  given: '$',
  then: { function: oidcDiscoveryUrl },
  category: 'auth',
  oasVersions: ['3.0', '3.1'],
  controls: ['fapi-2.0:5.3.2.1', 'fapi-2.0:5.3.3.1', 'owasp-api-2023:API8'],
  howToFix:
    'Set openIdConnectUrl to the issuer URL followed by /.well-known/openid-configuration (for example https://auth.bank.example/.well-known/openid-configuration).',
});
