import finPsd2RequestId from '../rules/fin-psd2-request-id.js';
import finPsd2ConsentIdHeader from '../rules/fin-psd2-consent-id-header.js';
import finPsd2PsuContextHeaders from '../rules/fin-psd2-psu-context-headers.js';
import finPsd2ScaUserFlowForPayment from '../rules/fin-psd2-sca-user-flow-for-payment.js';
import finPsd2MessageSigning from '../rules/fin-psd2-message-signing.js';
import finPsd2ConsentRevocable from '../rules/fin-psd2-consent-revocable.js';
import type { FinRule } from '../types.js';

/** Family D: PSD2, Berlin Group NextGenPSD2 and UK Open Banking (catalogue D1-D6). Opt-in: profiles psd2-berlin-group, uk-open-banking. */
export const psd2Rules: readonly FinRule[] = [
  finPsd2RequestId, // D1
  finPsd2ConsentIdHeader, // D2
  finPsd2PsuContextHeaders, // D3
  finPsd2ScaUserFlowForPayment, // D4
  finPsd2MessageSigning, // D5
  finPsd2ConsentRevocable, // D6
];
