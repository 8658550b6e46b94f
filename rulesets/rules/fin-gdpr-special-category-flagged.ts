import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { specialCategoryFlagged } from '../../functions/specialCategoryFlagged.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-gdpr-special-category-flagged',
  description:
    'Every value that holds special-category data (health, biometrics, racial or ethnic origin, beliefs, political opinions, trade-union membership, sex life or orientation, genetic data) is classified special-category and names its Art. 9(2) condition in x-gdpr-art9-condition.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: specialCategoryFlagged },
  category: 'gdpr',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'gdpr:art-9',
    'gdpr:art-25-2',
    'gdpr:art-30-1',
    'gdpr:art-35-3-b',
  ],
  howToFix:
    'Remove the field if the API does not need it; otherwise add `x-data-classification: special-category` and `x-gdpr-art9-condition` (e.g. `explicit-consent`) naming the Art. 9(2) condition it is processed under.',
});
