import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { noLocalOrPrivateHosts } from '../../functions/noLocalOrPrivateHosts.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-transport-no-local-or-private-hosts',
  description:
    'Servers not declared as non-production or internal point at public hosts: no loopback, unspecified, link-local or private addresses, no local-only or special-use names, and no placeholder domains.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: noLocalOrPrivateHosts },
  category: 'transport',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API9', 'owasp-api-2023:API8', 'pci-dss-4.0.1:6.5.3'],
  howToFix:
    'Publish the public production host, and move development servers to an overlay or mark them x-environment (local, test, sandbox...) or x-internal: true.',
});
