import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { erasureEndpoint } from '../../functions/erasureEndpoint.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-gdpr-erasure-endpoint',
  description:
    'Each data-subject resource offers erasure: a DELETE on the resource, an operation marked x-gdpr-erasure: true, or a recorded exemption.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: erasureEndpoint },
  category: 'gdpr',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'gdpr:art-17',
    'gdpr:art-12-3',
    'gdpr:art-5-1-e',
  ],
  howToFix:
    'Offer `DELETE /{collection}/{id}` or an erasure-request operation marked `x-gdpr-erasure: true`; where law requires the data to be kept, record `x-gdpr-erasure: not-applicable` with `x-gdpr-erasure-reason` on the schema or path item.',
});
