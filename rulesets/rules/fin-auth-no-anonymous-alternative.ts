import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { noAnonymousAlternative } from '../../functions/noAnonymousAlternative.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-no-anonymous-alternative',
  description: 'No security list contains the empty requirement {}, which would make authentication optional.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: noAnonymousAlternative },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['pci-dss-4.0.1:8.3.1', 'pci-dss-4.0.1:7.3.3', 'owasp-api-2023:API2'],
  howToFix:
    'Remove the {} alternative. If an operation deliberately serves anonymous callers and returns more to authenticated ones, keep {} on that operation only and mark it x-public: true with an x-optional-auth-reason.',
});
