import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { passwordLengthPolicy } from '../../functions/passwordLengthPolicy.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-password-length-policy',
  description:
    'Password fields where clients choose an account password declare a minLength of at least 12, allow at least 64 characters, and impose no composition pattern.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: passwordLengthPolicy },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['pci-dss-4.0.1:8.3.6', 'owasp-api-2023:API2'],
  howToFix:
    'Give the password field `minLength: 12` (15 where the password is the only factor) and `maxLength` of at least 64, and drop look-ahead composition patterns; enforce strength with a breached-password check instead.',
});
