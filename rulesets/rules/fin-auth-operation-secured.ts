import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { operationSecured } from '../../functions/operationSecured.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-operation-secured',
  description:
    'Every operation requires authentication through its own or the root security list, unless it is marked x-public: true with an x-public-reason.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: operationSecured },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:8.3.1',
    'pci-dss-4.0.1:7.2.1',
    'pci-dss-4.0.1:7.3.3',
    'gdpr:art-25-2',
    'gdpr:art-32-1-b',
    'owasp-api-2023:API1',
    'owasp-api-2023:API2',
    'owasp-api-2023:API5',
    'fapi-2.0:5.3.4',
  ],
  howToFix:
    'Give the operation a security requirement (or rely on a root security list); if it really must be callable without authentication, set security: [], x-public: true and an x-public-reason that a reviewer can check.',
});
