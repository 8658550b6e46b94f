import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { retentionDocumented } from '../../functions/retentionDocumented.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-gdpr-retention-documented',
  description:
    'Schemas that hold declared personal data (data subjects, schemas classified personal, special-category, national-id, criminal-offence or pci-*, or holding such properties) declare a retention period in x-retention, unless info declares x-retention-policy.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: retentionDocumented },
  category: 'gdpr',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'gdpr:art-5-1-e',
    'gdpr:art-13-2-a',
    'gdpr:art-30-1',
    'pci-dss-4.0.1:3.2.1',
  ],
  howToFix:
    'Add `x-retention` to the schema: an ISO 8601 duration (`P7Y`) or `{period: P7Y, basis: <legal or business reason>}`, or point `info.x-retention-policy` at the retention schedule that covers the whole API.',
});
