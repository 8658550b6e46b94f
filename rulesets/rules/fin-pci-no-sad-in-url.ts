import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { noSadInUrl } from '../../functions/noSadInUrl.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-pci-no-sad-in-url',
  description:
    'Sensitive authentication data is never carried in path, query, header or cookie parameters, only in request bodies.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: noSadInUrl },
  category: 'pci',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:3.3.1',
    'pci-dss-4.0.1:3.3.2',
    'pci-dss-4.0.1:3.5.1',
    'pci-dss-4.0.1:4.2.1',
    'owasp-api-2023:API3',
  ],
  howToFix:
    'Move the value into the request body of a POST (TLS-protected, not written to access logs), declare it `writeOnly: true` with `x-data-classification: pci-sad`, and remove the parameter.',
});
