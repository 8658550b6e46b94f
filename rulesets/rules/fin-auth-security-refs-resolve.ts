import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { securityRefsResolve } from '../../functions/securityRefsResolve.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-security-refs-resolve',
  description: 'Every security requirement names only security schemes that the document defines.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: securityRefsResolve },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['pci-dss-4.0.1:7.3.3', 'owasp-api-2023:API2', 'owasp-api-2023:API8'],
  howToFix:
    'Correct the scheme name in the security requirement so that it matches a key of components.securitySchemes (2.0: securityDefinitions) exactly, or define the missing scheme.',
});
