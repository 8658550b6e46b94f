import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { ownerContact } from '../../functions/ownerContact.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-lifecycle-owner-contact',
  description:
    '`info.contact` names the owning team and an email or URL, and APIs that declare personal data name a data-protection contact (`info.x-dpo-contact`).',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: ownerContact },
  category: 'lifecycle',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API9', 'pci-dss-4.0.1:12.5.1', 'gdpr:art-13-1', 'gdpr:art-37-7'],
  howToFix:
    "Add info.contact with the owning team's name and a monitored email address or URL; if the API processes personal data, add info.x-dpo-contact with the data protection officer's address.",
});
