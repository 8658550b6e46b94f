import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { urlFieldsConstrained } from '../../functions/urlFieldsConstrained.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-input-url-fields-constrained',
  description: 'Request fields that carry URLs are absolute URIs limited to https by an anchored pattern or allowlist, with a maximum length.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: urlFieldsConstrained },
  category: 'input',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:6.2.4',
    'owasp-api-2023:API7',
    'fapi-2.0:5.3.2.2',
  ],
  howToFix:
    'Declare URL fields as `type: string`, `format: uri`, `maxLength: 2048` and `pattern: "^https://"` (narrowed to your hosts where possible), or list the allowed hosts in `x-url-allowlist`.',
});
