import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { sensitiveOpsFlagged } from '../../functions/sensitiveOpsFlagged.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-audit-sensitive-ops-flagged',
  description:
    'Operations that return card data, verify credentials, manage users, roles, credentials or keys, or are administrative declare their audit event (x-audit-event or x-audit-log: true).',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: sensitiveOpsFlagged },
  category: 'audit',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:10.2.1',
    'pci-dss-4.0.1:10.2.1.1',
    'pci-dss-4.0.1:10.2.1.2',
    'pci-dss-4.0.1:10.2.1.4',
    'pci-dss-4.0.1:10.2.1.5',
    'pci-dss-4.0.1:10.2.1.7',
    'gdpr:art-5-2',
    'gdpr:art-30',
    'psd2-rts:art-29',
  ],
  howToFix:
    'Add x-audit-event: <event name> (for example credential.changed or card.pan.viewed) to the operation, and keep the logging configuration in step with the events the contract declares.',
});
