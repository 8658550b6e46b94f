import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { noStackTrace } from '../../functions/noStackTrace.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-error-no-stack-trace',
  description:
    'Error response schemas (4xx, 5xx and default) define no property that carries implementation internals: stack traces, exception details, debug data, SQL, source locations, host names or server versions.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: noStackTrace },
  category: 'error',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API8', 'pci-dss-4.0.1:6.2.4', 'gdpr:art-32'],
  howToFix:
    'Remove the property from the error schema, log the detail server-side, and return an opaque correlation id (traceId) that support staff can look up.',
});
