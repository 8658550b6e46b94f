import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { error401Declared } from '../../functions/error401Declared.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-error-401-declared',
  description:
    'Secured operations declare a 401 response, and where the scheme has an HTTP challenge (Bearer, OAuth 2.0, OpenID Connect, HTTP) the 401 documents WWW-Authenticate.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: error401Declared },
  category: 'error',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API8', 'owasp-api-2023:API2', 'fapi-2.0:5.3.4'],
  howToFix:
    'Reference a shared components.responses.Unauthorized from every secured operation, with a WWW-Authenticate header (e.g. Bearer error="invalid_token") and a problem+json body.',
});
