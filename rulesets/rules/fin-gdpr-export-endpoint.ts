import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { exportEndpoint } from '../../functions/exportEndpoint.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-gdpr-export-endpoint',
  description:
    "Each data-subject resource offers an export of the person's data in a structured, machine-readable format: a path ending in /export or /personal-data, or an operation marked x-gdpr-export: true.",
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: exportEndpoint },
  category: 'gdpr',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'gdpr:art-15',
    'gdpr:art-20',
    'gdpr:art-12-3',
  ],
  howToFix:
    'Add `GET /{collection}/{id}/export` (or an operation marked `x-gdpr-export: true`) returning `application/json` or `text/csv`, or point `info.x-gdpr-rights-portal` at the portal that serves access and portability requests.',
});
