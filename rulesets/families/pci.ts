import finPciNoSadInResponses from '../rules/fin-pci-no-sad-in-responses.js';
import finPciNoSadInUrl from '../rules/fin-pci-no-sad-in-url.js';
import finPciSadClassifiedForRedaction from '../rules/fin-pci-sad-classified-for-redaction.js';
import finPciNoPanInUrl from '../rules/fin-pci-no-pan-in-url.js';
import finPciPanMaskedInResponses from '../rules/fin-pci-pan-masked-in-responses.js';
import finPciPanInputConstrained from '../rules/fin-pci-pan-input-constrained.js';
import finPciNoLivePanInExamples from '../rules/fin-pci-no-live-pan-in-examples.js';
import finPciCardExpiryNotInUrl from '../rules/fin-pci-card-expiry-not-in-url.js';
import finPciChdOpsStrongAuth from '../rules/fin-pci-chd-ops-strong-auth.js';
import type { FinRule } from '../types.js';

/** Family E: cardholder data (catalogue §5 E). */
export const pciRules: readonly FinRule[] = [
  finPciNoSadInResponses,
  finPciNoSadInUrl,
  finPciSadClassifiedForRedaction,
  finPciNoPanInUrl,
  finPciPanMaskedInResponses,
  finPciPanInputConstrained,
  finPciNoLivePanInExamples,
  finPciCardExpiryNotInUrl,
  finPciChdOpsStrongAuth,
];
