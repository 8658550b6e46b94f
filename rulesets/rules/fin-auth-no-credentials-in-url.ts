import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { noCredentialsInUrl } from '../../functions/noCredentialsInUrl.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-no-credentials-in-url',
  description:
    'No query or path parameter carries a credential such as a password, PIN, one-time code, API key, secret or token.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: noCredentialsInUrl },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:8.3.2',
    'fapi-2.0:5.3.4',
    'fapi-2.0:5.3.3.1',
    'psd2-rts:art-22',
    'gdpr:art-32',
    'owasp-api-2023:API2',
  ],
  howToFix:
    'Move the credential out of the URL: access tokens and API keys go in the Authorization (or a dedicated) header, passwords, PINs and one-time codes in the request body of a POST.',
});
