import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { nonEnumerableIds } from '../../functions/nonEnumerableIds.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-input-non-enumerable-ids',
  description: 'Path parameters that identify objects are opaque identifiers, not sequential numbers.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: nonEnumerableIds },
  category: 'input',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:6.2.4',
    'owasp-api-2023:API1',
  ],
  howToFix:
    'Expose an opaque identifier such as `type: string, format: uuid` in resource paths (keep the numeric key internal), and enforce per-object authorization either way.',
});
