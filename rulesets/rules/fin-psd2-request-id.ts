import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { psd2RequestId } from '../../functions/psd2RequestId.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-psd2-request-id',
  description:
    'Every operation requires the request-id header (Berlin Group X-Request-ID, a UUID) and every response returns it, so each call of an access-to-account session can be traced.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: psd2RequestId },
  category: 'psd2',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['psd2-rts:art-29', 'nextgenpsd2:x-request-id', 'pci-dss-4.0.1:10.2.2'],
  howToFix:
    'Define X-Request-ID once as a required header parameter with schema { type: string, format: uuid } and as a response header, reference both from every operation and every response (errors included), or declare it in x-default-response-headers when a gateway echoes it.',
});
