import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { psuContextHeaders } from '../../functions/psuContextHeaders.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-psd2-psu-context-headers',
  description:
    'Account-data reads and payment submissions of an access-to-account API accept the PSU-context headers (Berlin Group PSU-IP-Address, UK Open Banking x-fapi-customer-ip-address), so the ASPSP can tell PSU-present from unattended access.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: psuContextHeaders },
  category: 'psd2',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['psd2-rts:art-36-5', 'psd2-rts:art-2', 'nextgenpsd2:psu-http-headers', 'uk-ob:customer-context-headers'],
  howToFix:
    'Add the PSU-context header parameters (BG PSU-IP-Address; UK x-fapi-customer-ip-address) to every account-data and payment operation, as shared components.parameters entries classified as personal data.',
});
