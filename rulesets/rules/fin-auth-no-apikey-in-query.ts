import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { noApiKeyInQuery } from '../../functions/noApiKeyInQuery.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-no-apikey-in-query',
  description: 'No API key security scheme is sent in the query string or in a cookie.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: noApiKeyInQuery },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['pci-dss-4.0.1:8.3.2', 'gdpr:art-32', 'owasp-api-2023:API2'],
  howToFix:
    'Send the API key in a request header (in: header, e.g. name: X-API-Key), or better, replace it with OAuth 2.0 client credentials.',
});
