import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { personalDataClassified } from '../../functions/personalDataClassified.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-gdpr-personal-data-classified',
  description:
    'Properties, parameters and headers that hold personal data declare x-data-classification (or x-pii), and schemas that describe a natural person declare x-data-subject.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: personalDataClassified },
  category: 'gdpr',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'gdpr:art-5-1-c',
    'gdpr:art-5-2',
    'gdpr:art-25-1',
    'gdpr:art-30-1',
  ],
  howToFix:
    'Add `x-data-classification: personal` (or `national-id`, `criminal-offence`, or `public`/`internal` when it is not personal data) to each listed property, or once to the schema to cover all its properties, and `x-data-subject: true` to schemas that describe a person.',
});
