import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { webhookSignature } from '../../functions/webhookSignature.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-webhook-signature',
  description:
    'Callbacks and webhooks the API sends, and webhook-receiver operations it exposes, declare an integrity mechanism: a signature header or a security requirement.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: webhookSignature },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API10', 'psd2-rts:art-35', 'gdpr:art-32-1-b', 'pci-dss-4.0.1:4.2.1'],
  howToFix:
    'Document a required signature header (RFC 9421 `Signature` and `Signature-Input`, or `Webhook-Signature`) on the webhook or receiver operation, or a security requirement such as mutualTLS; if integrity is assured another way, say so in `x-signature`.',
});
