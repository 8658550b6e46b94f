import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { unusedScopes } from '../../functions/unusedScopes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-unused-scopes',
  description: 'Every declared security scheme and every declared OAuth scope is required by at least one security requirement.',
  message: '{{error}}',
  severity: 'hint',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: unusedScopes },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['pci-dss-4.0.1:7.2.1', 'pci-dss-4.0.1:7.2.4', 'owasp-api-2023:API9'],
  howToFix:
    'Remove scopes and schemes no operation requires, or require them where they apply; list scopes used only by sibling APIs in the `ignoreScopes` option.',
});
