import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { pkcePar } from '../../functions/pkcePar.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-fapi-pkce-par',
  description: 'Authorization code flows declare PKCE with S256 (x-pkce: S256) and pushed authorization requests (x-par: required).',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: pkcePar },
  category: 'fapi',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['fapi-2.0:5.3.2.2', 'fapi-2.0:5.3.3.2', 'fapi-1.0:part2-5.2.2', 'owasp-api-2023:API2'],
  howToFix:
    'Require PKCE with S256 and pushed authorization requests at the authorization server, and declare both on the flow: x-pkce: S256 and x-par: required.',
});
