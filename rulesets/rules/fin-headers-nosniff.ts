import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { nosniff } from '../../functions/nosniff.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-headers-nosniff',
  description:
    "Responses document X-Content-Type-Options: nosniff, and JSON APIs document Content-Security-Policy: frame-ancestors 'none'.",
  message: '{{error}}',
  severity: 'hint',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: nosniff },
  category: 'headers',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API8'],
  howToFix:
    "Declare X-Content-Type-Options: nosniff and Content-Security-Policy: frame-ancestors 'none' on responses, or once in x-default-response-headers when the gateway sets them.",
});
