import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { idempotencyConflictResponses } from '../../functions/idempotencyConflictResponses.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-idempotency-conflict-responses',
  description:
    'POST and PATCH operations that require an idempotency key document 400 (key missing), 409 (same key still in flight) and 422 (key reused with a different payload) responses.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: idempotencyConflictResponses },
  category: 'idempotency',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API6', 'pci-dss-4.0.1:6.2.4'],
  howToFix:
    'Declare explicit 400, 409 and 422 responses on operations that require an idempotency key, preferably as application/problem+json, so that clients can tell a retryable conflict from a misuse of the key.',
});
