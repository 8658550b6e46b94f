import { oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { serverVariablesHttps } from '../../functions/serverVariablesHttps.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-transport-server-variables-https',
  description:
    'Server variables that supply the scheme of a server URL are restricted by an enum, and every value they can take expands to an https:// (or wss://) URL.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas3_0, oas3_1],
  given: '$',
  then: { function: serverVariablesHttps },
  category: 'transport',
  oasVersions: ['3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:4.2.1',
    'pci-dss-4.0.1:2.2.7',
    'pci-dss-4.0.1:8.3.2',
    'gdpr:art-5-1-f',
    'gdpr:art-32-1-a',
    'fapi-2.0:5.2.1',
    'psd2-rts:art-35',
    'owasp-api-2023:API8',
  ],
  howToFix:
    'Give the scheme variable an enum of only https (or wss) and an https default, or write https:// literally in the URL and keep variables for the host, region or version.',
});
