import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { codeFlowOnly } from '../../functions/codeFlowOnly.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-fapi-code-flow-only',
  description:
    'OAuth 2.0 schemes offer only the authorization code and client credentials flows (OAS 2.0: accessCode, application); implicit, password and device authorization flows are not allowed.',
  message: '{{error}}',
  severity: 'warn',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: codeFlowOnly },
  category: 'fapi',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['fapi-2.0:5.3.2.1', 'fapi-2.0:5.3.2.2', 'fapi-1.0:part2-5.2.2', 'owasp-api-2023:API2'],
  howToFix:
    'Remove the implicit, password and device authorization flows: users authorize with the authorization code flow (with PKCE and PAR), machines with client credentials; decoupled authentication is declared with x-ciba.',
});
