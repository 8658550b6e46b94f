import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { hsts } from '../../functions/hsts.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-headers-hsts',
  description:
    'Responses document Strict-Transport-Security with a max-age of at least a year and includeSubDomains, unless every server is marked x-browser-facing: false.',
  message: '{{error}}',
  severity: 'hint',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: hsts },
  category: 'headers',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['fapi-2.0:5.2.3', 'pci-dss-4.0.1:4.2.1', 'owasp-api-2023:API8'],
  howToFix:
    'Declare Strict-Transport-Security: max-age=31536000; includeSubDomains on responses or in x-default-response-headers; for server-to-server APIs mark the servers x-browser-facing: false.',
});
