import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { versionDeclared } from '../../functions/versionDeclared.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-lifecycle-version-declared',
  description:
    '`info.version` is a semantic version (MAJOR.MINOR.PATCH) or a release date, and clients can see which major version they call (a /v{n} URL segment, a version header or parameter, or a versioned media type).',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: versionDeclared },
  category: 'lifecycle',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API9', 'pci-dss-4.0.1:6.3.2', 'pci-dss-4.0.1:12.5.1', 'psd2-rts:art-30'],
  howToFix:
    'Set info.version to MAJOR.MINOR.PATCH (bump MAJOR on breaking changes) and expose the major version to clients, for example as a /v2 segment of the server URL or an Api-Version header parameter.',
});
