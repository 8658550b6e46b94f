import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { clientAuthMethods } from '../../functions/clientAuthMethods.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-fapi-client-auth-methods',
  description:
    'OAuth 2.0 / OpenID Connect schemes declare their token-endpoint client authentication in x-token-endpoint-auth-methods, limited to private_key_jwt, tls_client_auth and self_signed_tls_client_auth.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: clientAuthMethods },
  category: 'fapi',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['fapi-2.0:5.3.2.1', 'fapi-2.0:5.3.3.1', 'fapi-1.0:part2-5.2.2', 'owasp-api-2023:API2'],
  howToFix:
    'Declare x-token-endpoint-auth-methods on the scheme with the methods the authorization server accepts, and retire client_secret_basic, client_secret_post, client_secret_jwt and none in favour of private_key_jwt or mutual-TLS client authentication.',
});
