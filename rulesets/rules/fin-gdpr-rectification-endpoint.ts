import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { rectificationEndpoint } from '../../functions/rectificationEndpoint.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-gdpr-rectification-endpoint',
  description:
    'Each data-subject resource can be corrected: PATCH or PUT on the resource, POST on its items, an operation marked x-gdpr-rectification: true, or a recorded exemption.',
  message: '{{error}}',
  severity: 'hint',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: rectificationEndpoint },
  category: 'gdpr',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'gdpr:art-16',
    'gdpr:art-5-1-d',
  ],
  howToFix:
    'Offer `PATCH /{collection}/{id}` (or an operation marked `x-gdpr-rectification: true`); for read-only replicas record `x-gdpr-rectification: not-applicable` with `x-gdpr-rectification-reason`.',
});
