import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { corsOriginRestricted } from '../../functions/corsOriginRestricted.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-headers-cors-origin-restricted',
  description:
    'Secured operations never document Access-Control-Allow-Origin as * or null, and never a wildcard origin together with Access-Control-Allow-Credentials: true.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: corsOriginRestricted },
  category: 'headers',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API8', 'fapi-2.0:5.2.3'],
  howToFix:
    'Replace the wildcard with the list of trusted origins (an enum of https://app.bank.example ...), or drop the CORS headers from operations that browsers never call.',
});
