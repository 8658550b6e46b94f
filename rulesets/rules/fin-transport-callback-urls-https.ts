import { oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { callbackUrlsHttps } from '../../functions/callbackUrlsHttps.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-transport-callback-urls-https',
  description:
    'Literal URLs in callbacks (callback keys and callback servers) and in links (operationRef and server.url) use https:// (or wss://), never a cleartext scheme.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas3_0, oas3_1],
  given: '$',
  then: { function: callbackUrlsHttps },
  category: 'transport',
  oasVersions: ['3.0', '3.1'],
  controls: ['pci-dss-4.0.1:4.2.1', 'gdpr:art-5-1-f', 'gdpr:art-32-1-a', 'owasp-api-2023:API10', 'owasp-api-2023:API8'],
  howToFix:
    'Write callback and link URLs as https:// URLs, or take the callback URL from the request with a runtime expression and constrain that field to https:// (fin-input-url-fields-constrained).',
});
