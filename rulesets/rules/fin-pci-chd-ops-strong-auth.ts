import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { chdOpsStrongAuth } from '../../functions/chdOpsStrongAuth.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-pci-chd-ops-strong-auth',
  description:
    'Operations whose requests or responses carry a card number or sensitive authentication data cannot be called with only an API key or HTTP Basic credentials.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: chdOpsStrongAuth },
  category: 'pci',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:7.2.1',
    'pci-dss-4.0.1:7.2.2',
    'pci-dss-4.0.1:8.3.1',
    'pci-dss-4.0.1:8.4.2',
    'owasp-api-2023:API2',
  ],
  howToFix:
    'Protect card-data operations with OAuth 2.0 or OpenID Connect (a dedicated scope, sender-constrained tokens) or mutual TLS in every alternative; where server-to-server API keys are the accepted model, record the compensating controls in `x-pci-auth-justification` on the scheme.',
});
