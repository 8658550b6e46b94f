import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { noWildcardMediaType } from '../../functions/noWildcardMediaType.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-input-no-wildcard-media-type',
  description: 'Request bodies list concrete media types, never */* or a whole application/*, text/* or multipart/* range.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: noWildcardMediaType },
  category: 'input',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:6.2.4',
    'owasp-api-2023:API8',
  ],
  howToFix:
    'Replace the wildcard with the media types the operation really parses (for example `application/json`), each with its schema, and reject others with 415.',
});
