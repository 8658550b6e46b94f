import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { refreshForUserFlows } from '../../functions/refreshForUserFlows.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-refresh-for-user-flows',
  description:
    'Every user-delegated OAuth flow documents short-lived access tokens: an x-access-token-lifetime within the threshold, or refresh support (refreshUrl or x-refresh-tokens: true).',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: refreshForUserFlows },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['pci-dss-4.0.1:8.2.8', 'psd2-rts:art-4-3', 'owasp-api-2023:API2'],
  howToFix:
    'Declare the access-token lifetime on the flow (`x-access-token-lifetime: 300`) and keep it short, and document refresh support with `x-refresh-tokens: true` (or a refreshUrl when refresh uses a separate endpoint).',
});
