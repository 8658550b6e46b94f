import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { consentRevocable } from '../../functions/consentRevocable.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-psd2-consent-revocable',
  description:
    'Consent resources that outlive a single payment (account access, funds confirmation, recurring and VRP consents) can be revoked (DELETE or a status change to revoked) and read, and their schema carries a status and an expiry.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: consentRevocable },
  category: 'psd2',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['psd2:art-64', 'gdpr:art-7-3', 'psd2-rts:art-10a', 'nextgenpsd2:consent-deletion', 'uk-ob:consent-lifecycle'],
  howToFix:
    'Give every long-lived consent a DELETE on /<consents>/{consentId} (or a revoke transition), a GET that returns it, and a schema with its status and expiry (e.g. Status and ExpirationDateTime, consentStatus and validUntil).',
});
