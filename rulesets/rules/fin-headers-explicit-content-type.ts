import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { explicitContentType } from '../../functions/explicitContentType.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-headers-explicit-content-type',
  description:
    'Responses declare concrete media types (no wildcards, JSON as application/json or a +json type), and every 200 response of a GET documents its body.',
  message: '{{error}}',
  severity: 'hint',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: explicitContentType },
  category: 'headers',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API8'],
  howToFix:
    'Replace */* and type/* with the media types the operation really returns (application/json, application/problem+json, application/pdf ...), and give GET 200 responses a content entry with a schema.',
});
