import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { sensitiveNoStore } from '../../functions/sensitiveNoStore.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-headers-sensitive-no-store',
  description:
    'Success responses that return card data, credentials, tokens or data classified personal declare Cache-Control: no-store, as do the responses of the OAuth token endpoint.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: sensitiveNoStore },
  category: 'headers',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['pci-dss-4.0.1:3.2.1', 'pci-dss-4.0.1:3.3.1', 'pci-dss-4.0.1:3.5.1', 'gdpr:art-5-1-e', 'gdpr:art-5-1-f', 'gdpr:art-32-1-a', 'owasp-api-2023:API8'],
  howToFix:
    'Declare a Cache-Control response header whose schema gives no-store (enum: [no-store] or an example), ideally as a shared components.headers entry, or declare x-default-response-headers: { Cache-Control: no-store } when a gateway sets it on every response.',
});
