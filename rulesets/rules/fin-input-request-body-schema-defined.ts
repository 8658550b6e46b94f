import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { requestBodySchemaDefined } from '../../functions/requestBodySchemaDefined.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-input-request-body-schema-defined',
  description: 'Every structured request body has a schema that constrains it, and a body with required fields is itself required.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: requestBodySchemaDefined },
  category: 'input',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:6.2.4',
    'owasp-api-2023:API4',
    'owasp-api-2023:API3',
    'gdpr:art-25-1',
    'gdpr:art-5-1-c',
  ],
  howToFix:
    'Give each request media type a schema (usually a `$ref` to a named request schema) with declared properties, and set `requestBody.required: true` (2.0: `required: true` on the body parameter) when the body must be sent.',
});
