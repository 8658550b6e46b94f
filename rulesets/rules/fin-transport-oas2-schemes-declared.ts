import { oas2 } from '@stoplight/spectral-formats';
import { oas2SchemesDeclared } from '../../functions/oas2SchemesDeclared.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-transport-oas2-schemes-declared',
  description:
    'OAS 2.0 documents declare a non-empty root schemes list (or a non-empty schemes list on every operation), so the transfer protocol does not depend on where the document is served.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2],
  given: '$',
  then: { function: oas2SchemesDeclared },
  category: 'transport',
  oasVersions: ['2.0'],
  controls: ['pci-dss-4.0.1:4.2.1', 'gdpr:art-32-1-a', 'owasp-api-2023:API8'],
  howToFix: 'Add "schemes: [https]" at the root of the document (and never an empty schemes list on an operation).',
});
