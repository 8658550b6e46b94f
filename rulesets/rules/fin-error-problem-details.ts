import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { problemDetails } from '../../functions/problemDetails.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-error-problem-details',
  description:
    'Error responses (4xx, 5xx, 4XX, 5XX and default) are application/problem+json (or +xml) with a schema defining at least the RFC 9457 members type and title.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: problemDetails },
  category: 'error',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API8', 'pci-dss-4.0.1:6.2.4'],
  howToFix:
    'Define one components.schemas.Problem with type, title, status, detail and instance (plus extension members such as traceId or errors[]) and return it as application/problem+json from every error response.',
});
