import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { errorResponsesDefined } from '../../functions/errorResponsesDefined.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-error-responses-defined',
  description:
    'Every operation declares a client-error (4xx) and a server-error (5xx) response, or a default response, each with a body schema.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: errorResponsesDefined },
  category: 'error',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API8', 'pci-dss-4.0.1:6.2.4'],
  howToFix:
    'Reference shared error responses from every operation, e.g. 400 and 404 plus a default (or 500) response whose body is the components.schemas.Problem schema.',
});
