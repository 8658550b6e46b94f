import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { writeOpsScoped } from '../../functions/writeOpsScoped.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-write-ops-scoped',
  description:
    'Every POST, PUT, PATCH and DELETE operation secured by an oauth2 or openIdConnect scheme lists at least one scope for that scheme in every security alternative.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: writeOpsScoped },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:7.2.1',
    'pci-dss-4.0.1:7.2.2',
    'pci-dss-4.0.1:7.2.5',
    'fapi-2.0:5.3.2.1',
    'owasp-api-2023:API5',
  ],
  howToFix:
    'List the scopes each write operation needs in its security requirement (for example `oauth: [payments:write]`); when the root security has no scopes, give write operations their own scoped `security`.',
});
