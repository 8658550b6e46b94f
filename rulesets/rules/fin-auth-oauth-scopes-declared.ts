import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { oauthScopesDeclared } from '../../functions/oauthScopesDeclared.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-oauth-scopes-declared',
  description:
    'Every scope a security requirement lists for an OAuth 2.0 scheme is declared by that scheme, and non-OAuth schemes list no scopes in OAS 2.0 and 3.0.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: oauthScopesDeclared },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['pci-dss-4.0.1:7.2.1', 'pci-dss-4.0.1:7.2.2', 'owasp-api-2023:API5'],
  howToFix:
    'Correct the scope name, or declare the scope in the scopes map of the flow that issues it; for non-OAuth schemes in OAS 2.0/3.0 use an empty list. Schemes whose scopes are registered at run time can say so with x-dynamic-scopes: true.',
});
