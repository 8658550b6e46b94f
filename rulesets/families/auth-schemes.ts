import finAuthGlobalSecurityPresent from '../rules/fin-auth-global-security-present.js';
import finAuthNoAnonymousAlternative from '../rules/fin-auth-no-anonymous-alternative.js';
import finAuthNoApikeyInQuery from '../rules/fin-auth-no-apikey-in-query.js';
import finAuthNoCredentialsInUrl from '../rules/fin-auth-no-credentials-in-url.js';
import finAuthNoHttpBasic from '../rules/fin-auth-no-http-basic.js';
import finAuthNoImplicitFlow from '../rules/fin-auth-no-implicit-flow.js';
import finAuthNoInsecureHttpSchemes from '../rules/fin-auth-no-insecure-http-schemes.js';
import finAuthNoPasswordFlow from '../rules/fin-auth-no-password-flow.js';
import finAuthOauthScopesDeclared from '../rules/fin-auth-oauth-scopes-declared.js';
import finAuthOperationSecured from '../rules/fin-auth-operation-secured.js';
import finAuthSchemesDefined from '../rules/fin-auth-schemes-defined.js';
import finAuthSecurityRefsResolve from '../rules/fin-auth-security-refs-resolve.js';
import type { FinRule } from '../types.js';

/** Family B, part 1: security schemes, flows and requirements (catalogue B1-B12). */
export const authSchemeRules: readonly FinRule[] = [
  finAuthSchemesDefined, // B1
  finAuthGlobalSecurityPresent, // B2
  finAuthOperationSecured, // B3
  finAuthNoAnonymousAlternative, // B4
  finAuthSecurityRefsResolve, // B5
  finAuthNoHttpBasic, // B6
  finAuthNoInsecureHttpSchemes, // B7
  finAuthNoApikeyInQuery, // B8
  finAuthNoCredentialsInUrl, // B9
  finAuthNoImplicitFlow, // B10
  finAuthNoPasswordFlow, // B11
  finAuthOauthScopesDeclared, // B12
];
