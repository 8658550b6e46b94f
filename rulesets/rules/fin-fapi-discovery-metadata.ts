import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { discoveryMetadata } from '../../functions/discoveryMetadata.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-fapi-discovery-metadata',
  description:
    'Every OAuth 2.0 scheme points clients at its authorization server metadata: x-oauth2-metadata-url (OAS 3.2: oauth2MetadataUrl) with a /.well-known URL, or an openIdConnect scheme for the same server.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: discoveryMetadata },
  category: 'fapi',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['fapi-2.0:5.3.2.1', 'fapi-2.0:5.3.3.1', 'owasp-api-2023:API8'],
  howToFix:
    'Add x-oauth2-metadata-url with the RFC 8414 /.well-known/oauth-authorization-server URL to the oauth2 scheme (OAS 3.2: oauth2MetadataUrl), or describe the server with an openIdConnect scheme.',
});
