import finTransportCallbackUrlsHttps from '../rules/fin-transport-callback-urls-https.js';
import finTransportDocLinksHttps from '../rules/fin-transport-doc-links-https.js';
import finTransportHttpsOnly from '../rules/fin-transport-https-only.js';
import finTransportNoLocalOrPrivateHosts from '../rules/fin-transport-no-local-or-private-hosts.js';
import finTransportOas2SchemesDeclared from '../rules/fin-transport-oas2-schemes-declared.js';
import finTransportOauthUrlsHttps from '../rules/fin-transport-oauth-urls-https.js';
import finTransportServerEnvironmentDeclared from '../rules/fin-transport-server-environment-declared.js';
import finTransportServerVariablesHttps from '../rules/fin-transport-server-variables-https.js';
import type { FinRule } from '../types.js';

/** Family A: transport security and server inventory (catalogue §5 A). */
export const transportRules: readonly FinRule[] = [
  finTransportHttpsOnly,
  finTransportServerVariablesHttps,
  finTransportOauthUrlsHttps,
  finTransportOas2SchemesDeclared,
  finTransportCallbackUrlsHttps,
  finTransportNoLocalOrPrivateHosts,
  finTransportServerEnvironmentDeclared,
  finTransportDocLinksHttps,
];
