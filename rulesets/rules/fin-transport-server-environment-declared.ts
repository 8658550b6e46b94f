import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { serverEnvironmentDeclared } from '../../functions/serverEnvironmentDeclared.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-transport-server-environment-declared',
  description:
    'Every server declares its environment (x-environment, or a description naming it) and its audience (x-internal: true or false).',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: serverEnvironmentDeclared },
  category: 'transport',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API9', 'pci-dss-4.0.1:6.5.3', 'pci-dss-4.0.1:12.5.1'],
  howToFix:
    'Add x-environment (production, sandbox, test...) and x-internal: true or false to every server; in OAS 2.0 put them in info.',
});
