import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { consentIdHeader } from '../../functions/consentIdHeader.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-psd2-consent-id-header',
  description:
    'Account-data reads of an access-to-account API (accounts, card accounts, balances, transactions...) require the consent header (Berlin Group Consent-ID) naming the consent the access relies on.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: consentIdHeader },
  category: 'psd2',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['psd2:art-67-2', 'nextgenpsd2:consent-id'],
  howToFix:
    'Add a required Consent-ID header parameter (a shared components.parameters entry) to every account-data operation, so the ASPSP checks each access against the consent, its accounts and its validity.',
});
