import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { error403Declared } from '../../functions/error403Declared.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-error-403-declared',
  description:
    'Secured operations whose security lists scopes or roles, or that address an object by a path parameter, declare a 403 response (or a 404 when x-authz-failure-status: 404 is declared).',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: error403Declared },
  category: 'error',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API1', 'owasp-api-2023:API5', 'pci-dss-4.0.1:7.2.1', 'pci-dss-4.0.1:7.2.2', 'fapi-2.0:5.3.4'],
  howToFix:
    'Reference a shared components.responses.Forbidden (problem+json, RFC 6750 insufficient_scope) from operations that check scopes or object ownership; if you deliberately answer 404 to hide other users\' objects, declare x-authz-failure-status: 404 and the 404 response.',
});
