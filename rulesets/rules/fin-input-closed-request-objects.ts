import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { closedRequestObjects } from '../../functions/closedRequestObjects.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-input-closed-request-objects',
  description: 'Object schemas in request bodies reject undeclared properties, without breaking allOf composition.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: closedRequestObjects },
  category: 'input',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:6.2.4',
    'owasp-api-2023:API3',
  ],
  howToFix:
    'Add `additionalProperties: false` to plain request objects; for composed objects use `unevaluatedProperties: false` on the composed schema in OAS 3.1 (never `additionalProperties: false` on an allOf member); bound typed maps with `maxProperties`.',
});
