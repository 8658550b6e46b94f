import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { numericBounds } from '../../functions/numericBounds.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-input-numeric-bounds',
  description: 'Every integer and number a client sends declares a lower and an upper bound, written the way its OAS version reads exclusive bounds.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: numericBounds },
  category: 'input',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:6.2.4',
    'owasp-api-2023:API4',
  ],
  howToFix:
    'Add `minimum` and `maximum` (or an `enum`); for exclusive bounds write `maximum: 100` with `exclusiveMaximum: true` in OAS 2.0/3.0 and `exclusiveMaximum: 100` in OAS 3.1.',
});
