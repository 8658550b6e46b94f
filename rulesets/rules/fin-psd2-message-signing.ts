import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { messageSigning } from '../../functions/messageSigning.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-psd2-message-signing',
  description:
    'Payment initiation requests (payment submissions and payment-consent creations) of an access-to-account API declare a message signature: UK Open Banking x-jws-signature, Berlin Group Digest + Signature + TPP-Signature-Certificate, or RFC 9421 Signature + Signature-Input with Content-Digest.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: messageSigning },
  category: 'psd2',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['psd2-rts:art-35', 'psd2-rts:art-34', 'nextgenpsd2:signing', 'uk-ob:message-signing', 'gdpr:art-32-1-b'],
  howToFix:
    'Declare the signature headers of your ecosystem on every payment initiation request (UK: a required x-jws-signature; Berlin Group: Digest, Signature and TPP-Signature-Certificate; otherwise RFC 9421 Signature and Signature-Input with Content-Digest), and the response signature where the ecosystem signs responses.',
});
