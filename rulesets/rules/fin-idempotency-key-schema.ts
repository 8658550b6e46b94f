import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { idempotencyKeySchema } from '../../functions/idempotencyKeySchema.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-idempotency-key-schema',
  description:
    'Idempotency key headers are bounded strings with a pattern or format: uuid, and the period for which the server remembers keys is documented.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: idempotencyKeySchema },
  category: 'idempotency',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API6', 'pci-dss-4.0.1:6.2.4'],
  howToFix:
    'Give the header schema a maxLength (at most 255; 40 for UK Open Banking) and a pattern or format: uuid, and document the key retention period in x-idempotency-window (for example PT24H) or in the header description.',
});
