import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { uploadLimits } from '../../functions/uploadLimits.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-input-upload-limits',
  description: 'Every file or binary payload a client sends declares a size limit, and every multipart file part declares the media types it accepts.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: uploadLimits },
  category: 'input',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:6.2.4',
    'owasp-api-2023:API4',
  ],
  howToFix:
    'Declare the largest accepted file in `maxLength` or `x-max-file-size` (bytes), and list the accepted types in `encoding.<part>.contentType` (or 3.1 `contentMediaType`).',
});
