import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { oauthUrlsHttps } from '../../functions/oauthUrlsHttps.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-transport-oauth-urls-https',
  description:
    'OAuth 2.0 and OpenID Connect endpoint and discovery URLs in security schemes (authorizationUrl, tokenUrl, refreshUrl, openIdConnectUrl...) are https:// URLs.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: oauthUrlsHttps },
  category: 'transport',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:8.3.2',
    'pci-dss-4.0.1:4.2.1',
    'fapi-2.0:5.2.1',
    'psd2-rts:art-22',
    'psd2-rts:art-35',
    'gdpr:art-32-1-a',
    'owasp-api-2023:API2',
    'owasp-api-2023:API8',
  ],
  howToFix:
    'Publish the authorization server endpoints over TLS and write them as https:// URLs; describe development identity providers in a separate, non-published document or overlay.',
});
