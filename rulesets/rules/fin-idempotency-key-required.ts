import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { idempotencyKeyRequired } from '../../functions/idempotencyKeyRequired.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-idempotency-key-required',
  description:
    'Operations that move money (payment path segments or tags, or x-payment-operation: true) require an idempotency key, so a retried request cannot execute a payment twice.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: idempotencyKeyRequired },
  category: 'idempotency',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API6', 'pci-dss-4.0.1:6.2.4'],
  howToFix:
    'Add a required Idempotency-Key (or X-Idempotency-Key) header parameter to the operation, ideally a shared components.parameters entry; if the API deduplicates on a request-body field, make that field required and name it in x-idempotency: { field: <name> }.',
});
