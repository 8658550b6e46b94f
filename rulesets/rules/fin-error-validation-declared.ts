import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { validationErrorDeclared } from '../../functions/validationErrorDeclared.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-error-validation-declared',
  description: 'Operations that accept parameters or a request body declare a 400 or 422 response (or a 4XX range) for invalid input.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: validationErrorDeclared },
  category: 'error',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API8', 'pci-dss-4.0.1:6.2.4'],
  howToFix:
    'Reference a shared 400 (malformed input) or 422 (well-formed but invalid) response with a problem+json body listing the invalid fields from every operation that takes input.',
});
