import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { patternAnchored } from '../../functions/patternAnchored.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-input-pattern-anchored',
  description: 'Every pattern is a valid ECMA-262 regular expression anchored at both ends (^...$), with alternations grouped inside the anchors.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: patternAnchored },
  category: 'input',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:6.2.4',
    'owasp-api-2023:API8',
  ],
  howToFix:
    'Wrap the pattern in `^` and `$`, grouping alternatives as `^(?:a|b)$`; if a contains-match is really intended, say so with `x-pattern-unanchored: true`.',
});
