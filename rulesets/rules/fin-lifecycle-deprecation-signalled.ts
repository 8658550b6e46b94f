import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { deprecationSignalled } from '../../functions/deprecationSignalled.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-lifecycle-deprecation-signalled',
  description:
    'Deprecated operations document the Deprecation or Sunset response header and say what replaces them; deprecated parameters and properties say what replaces them.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: deprecationSignalled },
  category: 'lifecycle',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API9', 'psd2-rts:art-30'],
  howToFix:
    'Document a Deprecation (RFC 9745) and/or Sunset (RFC 8594) header on the success responses of the deprecated operation, and state in its description what to use instead and when it will be removed.',
});
