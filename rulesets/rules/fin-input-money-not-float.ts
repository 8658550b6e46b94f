import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { moneyNotFloat } from '../../functions/moneyNotFloat.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-input-money-not-float',
  description: 'Monetary amounts in requests and responses are decimal strings or integer minor units, never binary floating-point numbers.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: moneyNotFloat },
  category: 'input',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:6.2.4',
  ],
  howToFix:
    'Type the amount as a string with an anchored decimal pattern such as `^-?[0-9]{1,15}(\\.[0-9]{1,5})?$`, or as an integer count of minor units (`amountMinor`, `amount_in_cents`) next to a currency code.',
});
