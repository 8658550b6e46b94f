import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { credentialsWriteOnly } from '../../functions/credentialsWriteOnly.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-credentials-write-only',
  description:
    'Credential properties (passwords, PINs, one-time codes, secrets, tokens) are returned only where the API issues them, and OAS 3.x shared schemas mark passwords, PINs and one-time codes writeOnly: true.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: credentialsWriteOnly },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:8.3.1',
    'pci-dss-4.0.1:8.3.2',
    'psd2-rts:art-22',
    'owasp-api-2023:API3',
    'gdpr:art-32-1-a',
  ],
  howToFix:
    'Remove the credential from response schemas (return metadata such as passwordLastChanged instead), and in 3.x mark credential properties of shared schemas `writeOnly: true` with `format: password`.',
});
