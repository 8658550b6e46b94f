import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { dataResidencyDeclared } from '../../functions/dataResidencyDeclared.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-gdpr-data-residency-declared',
  description:
    'APIs that carry personal data declare where it is processed in x-data-residency, on info or on every server.',
  message: '{{error}}',
  severity: 'hint',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: dataResidencyDeclared },
  category: 'gdpr',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'gdpr:art-44',
    'gdpr:art-13-1-f',
    'gdpr:art-30-1',
  ],
  howToFix:
    'Add `x-data-residency: EEA` (or ISO 3166-1 country codes such as `[DE, IE]`) to `info`, or to each server when regions differ.',
});
