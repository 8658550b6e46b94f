import { asArray, isObject, type JsonObject, type JsonPath } from './guards.js';
import { findRequestHeader, type HeaderRef } from './headers.js';
import { memoPerDocument } from './memo.js';
import { effectiveSecurity, oauthFlows, operations, securitySchemes, type OperationRef, type SecurityRequirement } from './oas.js';
import { isMarkedPublic } from './exemptions.js';
import { andList } from './lists.js';

/**
 * Shared machinery of the FAPI rules (catalogue §5 C, fin-fapi-*): which schemes issue OAuth 2.0 access tokens, how
 * a document declares sender-constrained tokens and mutual TLS (§4.4 extensions `x-sender-constrained`, `x-mtls`),
 * and which operations are the authorization server's own endpoints (token, PAR, authorization, revocation...),
 * which the resource-server rules skip.
 *
 * The FAPI rules apply to documents that declare an `oauth2` or `openIdConnect` scheme (2.0: `type: oauth2`); the
 * others are out of their scope, except fin-fapi-interaction-id.
 */

export const DEFAULT_DPOP_HEADER = 'DPoP';

export interface SchemeRef {
  name: string;
  scheme: JsonObject;
  /** JSON path of the scheme (`components.securitySchemes.<name>` or `securityDefinitions.<name>`). */
  path: JsonPath;
}

export function isOAuthScheme(scheme: JsonObject): boolean {
  return scheme.type === 'oauth2' || scheme.type === 'openIdConnect';
}

/** `OAuth 2.0 scheme` or `OpenID Connect scheme`, for messages. */
export function schemeLabel(scheme: JsonObject): string {
  return scheme.type === 'openIdConnect' ? 'OpenID Connect scheme' : 'OAuth 2.0 scheme';
}

/** The oauth2 and openIdConnect schemes of a document, in document order. */
export function oauthSchemes(root: JsonObject): SchemeRef[] {
  const { schemes, basePath } = securitySchemes(root);
  return Object.entries(schemes)
    .filter(([, s]) => isOAuthScheme(s))
    .map(([name, scheme]) => ({ name, scheme, path: [...basePath, name] }));
}

/**
 * A scheme that stands for mutual-TLS client authentication: OAS 3.1 `type: mutualTLS`, or `x-mtls: true` (the
 * 3.0/2.0 replacement, accepted in 3.1 too).
 */
export function isMtlsScheme(scheme: JsonObject): boolean {
  return scheme.type === 'mutualTLS' || scheme['x-mtls'] === true;
}

export type SenderConstraint = 'mtls' | 'dpop';

export interface SenderConstraintDeclaration {
  /** Valid methods declared (lower-cased). */
  methods: Set<SenderConstraint>;
  /** Values that are not `mtls` or `dpop`, with their paths. */
  invalid: { value: unknown; path: JsonPath }[];
  /** Whether the extension is present at all. */
  present: boolean;
}

/** `x-sender-constrained` of a scheme: `[mtls]`, `[dpop]`, `[mtls, dpop]`, or a single string. */
export function senderConstraint(scheme: JsonObject, schemePath: JsonPath): SenderConstraintDeclaration {
  const raw = scheme['x-sender-constrained'];
  const out: SenderConstraintDeclaration = { methods: new Set(), invalid: [], present: raw !== undefined };
  if (raw === undefined) return out;
  const base = [...schemePath, 'x-sender-constrained'];
  const list: [unknown, JsonPath][] = Array.isArray(raw) ? raw.map((v, i) => [v, [...base, i]]) : [[raw, base]];
  if (list.length === 0) out.invalid.push({ value: raw, path: base });
  for (const [value, path] of list) {
    const v = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
    if (v === 'mtls' || v === 'dpop') out.methods.add(v);
    else out.invalid.push({ value, path });
  }
  return out;
}

/** The request header that carries the DPoP proof, if the operation documents one. */
export function dpopHeader(root: JsonObject, op: OperationRef, name: string): HeaderRef | undefined {
  return findRequestHeader(root, op, name);
}

/** The path of a URL without scheme, authority, query and fragment, trailing slash removed; relative URLs as written. */
export function urlPath(url: string): string {
  const noQuery = url.trim().replace(/[?#][\s\S]*$/, '');
  const path = noQuery.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return trimTrailingSlashes(path);
}

/**
 * Removes trailing slashes but keeps a leading one (`/a//` → `/a`, `//` → `/`). A loop, not `/(?<!^)\/+$/`, which
 * backtracks quadratically on a long run of slashes that does not end the string.
 */
function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 0x2f) end--;
  return path.slice(0, end);
}

const FLOW_URL_KEYS = ['tokenUrl', 'authorizationUrl', 'refreshUrl', 'deviceAuthorizationUrl'] as const;

/** Path segments of an authorization server's own endpoints (RFC 6749, 7009, 7662, 9126, 8628, OIDC). */
const AS_ENDPOINTS: ReadonlySet<string> = new Set([
  'token',
  'authorize',
  'authorise',
  'authorization',
  'par',
  'revoke',
  'revocation',
  'introspect',
  'introspection',
  'device_authorization',
  'bc-authorize',
]);

/** Segments that put such an endpoint on an authorization server (`/oauth2/token`, `/as/par`, `/connect/token`). */
const AS_CONTEXT: ReadonlySet<string> = new Set(['oauth', 'oauth2', 'openid', 'openid-connect', 'connect', 'as', 'auth', 'oidc', 'sso']);

function segmentsOf(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => s.toLowerCase());
}

/**
 * Whether an operation is one of the authorization server's own endpoints described in the same file:
 *
 * 1. its path is the path of a `tokenUrl`, `authorizationUrl`, `refreshUrl` or `deviceAuthorizationUrl` of an oauth2
 *    flow of the document (equal, or the end of the URL path at a segment boundary, for a server base path);
 * 2. or its last literal segment is an AS endpoint (`token`, `authorize`, `par`, `revoke`, `introspect`...) and an
 *    earlier segment places it on an authorization server (`oauth2`, `openid`, `connect`, `as`, `auth`...).
 *
 * Clients authenticate to those endpoints with client credentials (or not at all), not with access tokens, so
 * rules about access tokens and resource responses skip them.
 */
export function isAuthorizationServerEndpoint(root: JsonObject, op: OperationRef): boolean {
  const flowPaths = memoPerDocument(root, 'fapi:flowPaths', () => {
    const out = new Set<string>();
    const { schemes, basePath } = securitySchemes(root);
    for (const [name, scheme] of Object.entries(schemes)) {
      for (const flow of oauthFlows(scheme, [...basePath, name])) {
        for (const key of FLOW_URL_KEYS) {
          const url = flow.flow[key];
          if (typeof url !== 'string') continue;
          const path = urlPath(url);
          if (path.length > 1) out.add(path.toLowerCase());
        }
      }
    }
    return [...out];
  });
  const key = trimTrailingSlashes(op.pathKey).toLowerCase();
  // Path keys start with `/`, so `endsWith` matches at a segment boundary: `/v1/oauth2/token` ends with
  // `/oauth2/token` (a server base path in front), not with `/2/token`.
  if (key.length > 1 && key.startsWith('/') && flowPaths.some((p) => p.endsWith(key))) return true;
  const segments = segmentsOf(op.pathKey).filter((s) => !s.includes('{'));
  if (segments.length < 2) return false;
  const last = segments[segments.length - 1];
  return AS_ENDPOINTS.has(last) && segments.slice(0, -1).some((s) => AS_CONTEXT.has(s));
}

/** Operations that hold or present access tokens: not `x-public: true` and not an authorization-server endpoint. */
export function resourceOperations(root: JsonObject): OperationRef[] {
  return memoPerDocument(root, 'fapi:resourceOperations', () =>
    operations(root).filter((op) => !isMarkedPublic(op.operation) && !isAuthorizationServerEndpoint(root, op)),
  );
}

/** One use of an OAuth scheme by an operation: the requirement alternative that names it. */
export interface SchemeUse {
  op: OperationRef;
  requirement: SecurityRequirement;
  /** JSON path of the requirement object (root or operation `security`, with its index). */
  path: JsonPath;
}

/**
 * Where each OAuth scheme is used by resource operations: one entry per (operation, alternative) naming the scheme.
 * Keyed by scheme name.
 */
export function oauthSchemeUses(root: JsonObject): ReadonlyMap<string, SchemeUse[]> {
  return memoPerDocument(root, 'fapi:oauthSchemeUses', () => {
    const oauth = new Set(oauthSchemes(root).map((s) => s.name));
    const out = new Map<string, SchemeUse[]>();
    for (const op of resourceOperations(root)) {
      const sec = effectiveSecurity(root, op);
      if (!sec.path) continue;
      const raw = sec.source === 'operation' ? asArray(op.operation.security) : asArray(root.security);
      raw.forEach((requirement, i) => {
        if (!isObject(requirement)) return;
        for (const name of Object.keys(requirement)) {
          if (!oauth.has(name)) continue;
          const list = out.get(name) ?? [];
          list.push({ op, requirement, path: [...sec.path!, i] });
          out.set(name, list);
        }
      });
    }
    return out;
  });
}

/** Whether a requirement alternative pairs its schemes with a mutual-TLS scheme (AND semantics). */
export function hasMtlsCompanion(root: JsonObject, requirement: SecurityRequirement): boolean {
  const { schemes } = securitySchemes(root);
  return Object.keys(requirement).some((name) => isObject(schemes[name]) && isMtlsScheme(schemes[name]));
}

/** `GET /a, POST /b and 3 more`: the first few operation names of a list, for messages. */
export function operationList(names: readonly string[], max = 3): string {
  const unique = [...new Set(names)];
  if (unique.length <= max) {
    return andList(unique);
  }
  return `${unique.slice(0, max).join(', ')} and ${unique.length - max} more`;
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
export function quotedList(values: readonly string[]): string {
  return andList(values.map((v) => `"${v}"`));
}
