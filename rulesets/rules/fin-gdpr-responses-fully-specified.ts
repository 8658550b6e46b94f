import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { responsesFullySpecified } from '../../functions/responsesFullySpecified.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-gdpr-responses-fully-specified',
  description:
    'Responses that carry personal data, or belong to a data-subject resource, describe everything they return: no empty schemas and no free-form objects next to personal data.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: responsesFullySpecified },
  category: 'gdpr',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'gdpr:art-5-1-c',
    'gdpr:art-25-2',
    'owasp-api-2023:API3',
  ],
  howToFix:
    'Describe every object the response returns with `properties` (and `additionalProperties: false`, or `unevaluatedProperties: false` in 3.1), or type its map values (`additionalProperties: {type: string, maxLength: 500}`).',
});
