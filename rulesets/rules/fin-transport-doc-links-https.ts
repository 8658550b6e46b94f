import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { docLinksHttps } from '../../functions/docLinksHttps.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-transport-doc-links-https',
  description:
    'Documentation links (terms of service, contact and license URLs, logo, externalDocs) use https:// rather than http://.',
  message: '{{error}}',
  severity: 'hint',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: docLinksHttps },
  category: 'transport',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API8'],
  howToFix: 'Change the link to its https:// address.',
});
