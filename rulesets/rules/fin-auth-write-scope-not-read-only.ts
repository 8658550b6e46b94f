import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { writeScopeNotReadOnly } from '../../functions/writeScopeNotReadOnly.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-write-scope-not-read-only',
  description: 'No security alternative of a POST, PUT, PATCH or DELETE operation grants only read-type scopes.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: writeScopeNotReadOnly },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['pci-dss-4.0.1:7.2.1', 'pci-dss-4.0.1:7.2.2', 'owasp-api-2023:API5'],
  howToFix:
    'Require a write scope (for example `cards:write`) on the write operation; if a read-looking name really grants writes in your ecosystem, configure `readScopes` so the rule knows your naming scheme.',
});
