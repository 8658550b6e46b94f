import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { stringMaxLength } from '../../functions/stringMaxLength.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-input-string-max-length',
  description: 'Every string a client sends is bounded by maxLength, enum, const, a bounded format or a length-bounding anchored pattern.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: stringMaxLength },
  category: 'input',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:6.2.4',
    'owasp-api-2023:API4',
  ],
  howToFix:
    'Add `maxLength` to the string (for example 35 for references, 140 for remittance text, 2048 for URLs); an `enum`, a 3.1 `const`, a bounded `format` such as `uuid` or `date-time`, or a fully anchored pattern without `*`/`+` also bound it.',
});
