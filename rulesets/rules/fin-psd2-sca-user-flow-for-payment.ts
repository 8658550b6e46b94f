import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { scaUserFlowForPayment } from '../../functions/scaUserFlowForPayment.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-psd2-sca-user-flow-for-payment',
  description:
    'Payment submissions and account-data reads of an access-to-account API require a user-delegated grant (OAuth 2.0 authorization code or OpenID Connect) in every security alternative; consent creation may use client credentials.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: scaUserFlowForPayment },
  category: 'psd2',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['psd2:art-97-1', 'psd2:art-97-2', 'psd2-rts:art-5', 'uk-ob:grant-types', 'owasp-api-2023:API6'],
  howToFix:
    'Secure payment submissions and account-data operations with the authorization-code (or OpenID Connect) scheme only, keeping client credentials for consent creation and status reads, so every payment and account access carries the token the PSU obtained through SCA.',
});
