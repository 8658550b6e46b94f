import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { adminOpsDistinctSecurity } from '../../functions/adminOpsDistinctSecurity.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-admin-ops-distinct-security',
  description:
    'Administrative operations are secured differently from regular operations (a separate scheme or dedicated scopes) and never by an API key or HTTP Basic alone.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: adminOpsDistinctSecurity },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'owasp-api-2023:API5',
    'pci-dss-4.0.1:7.2.1',
    'pci-dss-4.0.1:7.2.2',
    'pci-dss-4.0.1:8.4.1',
    'pci-dss-4.0.1:2.2.7',
  ],
  howToFix:
    'Secure administrative operations with their own scheme (for example a staff OpenID Connect provider with MFA) or with admin-only scopes such as `admin:users`, and mark them `x-admin: true`.',
});
