import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { authFailureUniform } from '../../functions/authFailureUniform.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-error-auth-failure-uniform',
  description:
    'The error codes and examples of authentication operations do not reveal which element failed (no distinct unknown-user and wrong-password, or wrong-PIN and wrong-OTP, answers).',
  message: '{{error}}',
  severity: 'hint',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: authFailureUniform },
  category: 'error',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['psd2-rts:art-4-3', 'owasp-api-2023:API2'],
  howToFix:
    'Replace element-specific failure codes (UNKNOWN_USER, WRONG_PASSWORD, INVALID_OTP) with one generic code such as INVALID_CREDENTIALS; keep the detail in server-side logs.',
});
