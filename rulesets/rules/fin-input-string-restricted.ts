import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { stringRestricted } from '../../functions/stringRestricted.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-input-string-restricted',
  description: 'Every string a client sends has a pattern, enum, const or format, unless it is a free-text field.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: stringRestricted },
  category: 'input',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:6.2.4',
    'owasp-api-2023:API8',
  ],
  howToFix:
    'Describe the accepted values with an anchored `pattern`, an `enum`, a 3.1 `const` or a `format`; for prose fields that cannot be restricted, add `x-free-text: true` and keep a `maxLength`.',
});
