import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { currencyCode } from '../../functions/currencyCode.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-input-currency-code',
  description: 'Currency fields a client sends admit only ISO 4217 alpha-3 codes, and every amount a client sends comes with a currency.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: currencyCode },
  category: 'input',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:6.2.4',
  ],
  howToFix:
    'Declare currency fields as `type: string` with `pattern: "^[A-Z]{3}$"` (or an `enum` of codes), and put a currency field next to each amount or in the object that encloses it.',
});
