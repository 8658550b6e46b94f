import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { httpsServers } from '../../functions/httpsServers.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-transport-https-only',
  description: 'Every absolute API base URL uses https:// (or wss://), and OAS 2.0 schemes list only https/wss.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: httpsServers },
  category: 'transport',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:4.2.1',
    'pci-dss-4.0.1:2.2.7',
    'pci-dss-4.0.1:8.3.2',
    'gdpr:art-5-1-f',
    'gdpr:art-32-1-a',
    'fapi-2.0:5.2.1',
    'psd2-rts:art-35',
    'owasp-api-2023:API8',
  ],
  howToFix:
    'Change the server URL (or the 2.0 schemes list) to https://. Keep local or mock servers out of the published document, or mark them x-environment: local|mock.',
});
