import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { securitySchemesDefined } from '../../functions/securitySchemesDefined.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-schemes-defined',
  description:
    'At least one security scheme is defined, unless the API declares itself public with info.x-public-api: true.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: securitySchemesDefined },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['pci-dss-4.0.1:8.3.1', 'pci-dss-4.0.1:7.3.1', 'gdpr:art-32-1-b', 'owasp-api-2023:API2'],
  howToFix:
    'Define the schemes the API accepts under components.securitySchemes (2.0: securityDefinitions), preferably OAuth 2.0 or OpenID Connect, and reference them from the root security list; a genuinely open-data API sets info.x-public-api: true.',
});
