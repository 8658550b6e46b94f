import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { noSecretsInExamples } from '../../functions/noSecretsInExamples.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-auth-no-secrets-in-examples',
  description:
    'No example, default, enum or const value contains a live-looking secret: a JSON Web Token, a bearer token, a provider key with a live prefix or a PEM private key.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: noSecretsInExamples },
  category: 'auth',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['pci-dss-4.0.1:8.6.2', 'pci-dss-4.0.1:8.3.2', 'owasp-api-2023:API8', 'gdpr:art-32'],
  howToFix:
    'Replace the value with an obvious placeholder (`<access-token>`, `sk_test_...`), and revoke the credential if it was ever real: the published document is public.',
});
