import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { jwtAlgorithmsDeclared } from '../../functions/jwtAlgorithmsDeclared.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-jwt-algorithms-declared',
  description:
    'Every JWT bearer security scheme declares its accepted signing algorithms in x-jwt-algs (or states RFC 8725 conformance), and no scheme accepts the "none" algorithm.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: jwtAlgorithmsDeclared },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['fapi-2.0:5.4.1', 'pci-dss-4.0.1:6.2.4', 'owasp-api-2023:API2'],
  howToFix:
    'Add `x-jwt-algs: [PS256, ES256]` (the algorithms your resource server verifies) to the scheme, and never list `none`; the server must reject tokens signed with anything else.',
});
