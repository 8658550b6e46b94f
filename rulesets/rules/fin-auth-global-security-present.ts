import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { globalSecurityPresent } from '../../functions/globalSecurityPresent.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-global-security-present',
  description:
    'The root security list holds at least one requirement naming a scheme, so operations are protected by default.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: globalSecurityPresent },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['pci-dss-4.0.1:7.3.3', 'gdpr:art-25-2', 'owasp-api-2023:API5'],
  howToFix:
    'Add a root security list with the default requirement (for example security: [{ oidc: [accounts] }]) and let public operations opt out with security: [], x-public: true and an x-public-reason.',
});
