import { asArray, isObject, type JsonObject, type JsonPath } from './guards.js';
import { environmentOf } from './servers.js';

/**
 * Helpers shared by the transport rules (catalogue family A): URL schemes and hosts, the positions of server
 * variables in a URL template, host classification and the production/non-production reading of servers.
 */

/** Schemes that carry TLS. */
export const TLS_SCHEMES: ReadonlySet<string> = new Set(['https', 'wss']);

/** Environments in which fin-transport-https-only tolerates cleartext servers; A2 follows the same rule. */
export const CLEARTEXT_TOLERATED_ENVIRONMENTS: ReadonlySet<string> = new Set(['local', 'mock']);

/** `x-environment` values that mean production. Any other declared value marks a non-production server. */
export const PRODUCTION_ENVIRONMENTS: ReadonlySet<string> = new Set(['production', 'prod', 'live']);

/**
 * The scheme of an absolute URL with an authority (`scheme://...`), lower-cased; undefined for relative
 * references, runtime expressions and authority-less URIs (`urn:`, `mailto:`).
 */
export function authorityScheme(url: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url.trim());
  return m ? m[1].toLowerCase() : undefined;
}

/** The host of `scheme://[userinfo@]host[:port]/...`, lower-cased, IPv6 without brackets; undefined if relative. */
export function urlHost(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url.trim());
  return m ? authorityHost(m[1]) : undefined;
}

/** The host of an authority `[userinfo@]host[:port]` (also the OAS 2.0 `host` field). */
export function authorityHost(authority: string): string | undefined {
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  let host: string;
  if (hostPort.startsWith('[')) {
    const end = hostPort.indexOf(']');
    host = end === -1 ? hostPort.slice(1) : hostPort.slice(1, end);
  } else {
    host = hostPort.replace(/:[^:]*$/, '');
  }
  host = host.trim().toLowerCase().replace(/\.$/, '');
  return host.length > 0 ? host : undefined;
}

/** A URL template split into literal text and `{variable}` segments. */
type Segment = { literal: string } | { variable: string };

function segments(template: string): Segment[] {
  const out: Segment[] = [];
  const re = /\{([^{}]+)\}/g;
  let last = 0;
  for (let m = re.exec(template); m !== null; m = re.exec(template)) {
    if (m.index > last) out.push({ literal: template.slice(last, m.index) });
    out.push({ variable: m[1] });
    last = m.index + m[0].length;
  }
  if (last < template.length) out.push({ literal: template.slice(last) });
  return out;
}

function declaredVariables(server: JsonObject): JsonObject {
  return isObject(server.variables) ? server.variables : {};
}

function defaultOf(server: JsonObject, name: string): string | undefined {
  const v = declaredVariables(server)[name];
  return isObject(v) && v.default !== undefined ? String(v.default) : undefined;
}

/** Fills a server URL template with the variables' defaults, overridden by `overrides`; unknown names stay `{x}`. */
export function fillServerUrl(server: JsonObject, overrides: Record<string, string> = {}): string {
  const url = typeof server.url === 'string' ? server.url : '';
  return url.replace(/\{([^{}]+)\}/g, (whole, name: string) => overrides[name] ?? defaultOf(server, name) ?? whole);
}

/**
 * Variables whose value decides a prefix of the URL: walking the template with default values, collects the
 * variables met until `stop` says the prefix is complete. Returns [] when the URL turns out to be relative.
 */
function variablesBefore(server: JsonObject, stop: (acc: string) => 'more' | 'done' | 'relative'): string[] {
  const url = typeof server.url === 'string' ? server.url : '';
  const met: string[] = [];
  let acc = '';
  for (const seg of segments(url)) {
    if ('variable' in seg) {
      if (!met.includes(seg.variable)) met.push(seg.variable);
      acc += defaultOf(server, seg.variable) ?? '';
    } else {
      acc += seg.literal;
    }
    const state = stop(acc);
    if (state === 'done') return met;
    if (state === 'relative') return [];
  }
  return [];
}

/** Where `://` ends the scheme of `acc`, or 'relative' when a path/query/fragment starts first. */
function schemeState(acc: string): 'more' | 'done' | 'relative' {
  const sep = acc.indexOf('://');
  const firstPathChar = acc.search(/[/?#]/);
  if (sep !== -1 && (firstPathChar === -1 || firstPathChar > sep)) return 'done';
  return firstPathChar === -1 ? 'more' : 'relative';
}

/** Variables of a server URL template that supply (part of) its scheme, e.g. `scheme` in `{scheme}://host`. */
export function schemeVariables(server: JsonObject): string[] {
  return variablesBefore(server, schemeState);
}

/** Variables of a server URL template that supply (part of) its scheme or authority (host and port). */
export function authorityVariables(server: JsonObject): string[] {
  return variablesBefore(server, (acc) => {
    const state = schemeState(acc);
    if (state !== 'done') return state;
    return /[/?#]/.test(acc.slice(acc.indexOf('://') + 3)) ? 'done' : 'more';
  });
}

export interface VariableValue {
  value: string;
  /** JSON path of the value, relative to the Server Object: `variables.<v>.default` or `variables.<v>.enum[i]`. */
  path: JsonPath;
  kind: 'default' | 'enum';
}

/**
 * The values a declared variable can take: every `enum` entry, plus the `default` when it is not one of them
 * (OAS 3.0 allows that; 3.1 forbids it), so one value is never reported twice.
 */
export function variableValues(server: JsonObject, name: string): VariableValue[] {
  const decl = declaredVariables(server)[name];
  if (!isObject(decl)) return [];
  const out: VariableValue[] = [];
  const enumValues = asArray(decl.enum).map((v) => String(v));
  enumValues.forEach((value, i) => out.push({ value, path: ['variables', name, 'enum', i], kind: 'enum' }));
  if (decl.default !== undefined && !enumValues.includes(String(decl.default))) {
    out.push({ value: String(decl.default), path: ['variables', name, 'default'], kind: 'default' });
  }
  return out;
}

export function hasEnum(server: JsonObject, name: string): boolean {
  const decl = declaredVariables(server)[name];
  return isObject(decl) && asArray(decl.enum).length > 0;
}

export function isDeclaredVariable(server: JsonObject, name: string): boolean {
  return isObject(declaredVariables(server)[name]);
}

/**
 * Whether a server (or, for OAS 2.0, the document's `info`/root) is declared as not a production endpoint for
 * external clients: `x-internal: true`, or an `x-environment` other than production/prod/live.
 */
export function isDeclaredNonProduction(holder: JsonObject): boolean {
  if (holder['x-internal'] === true) return true;
  const env = environmentOf(holder);
  return env !== undefined && env.trim() !== '' && !PRODUCTION_ENVIRONMENTS.has(env.trim());
}

const PLACEHOLDER_DOMAINS = ['example.com', 'example.net', 'example.org'];

/** Special-use and private-use name suffixes: RFC 6761/6762/8375, ICANN's `.internal`, names never to be delegated. */
const LOCAL_NAME_SUFFIXES: readonly [string, string][] = [
  ['localhost', 'a loopback host name'],
  ['local', 'a .local name that only resolves inside a local network (mDNS, cluster DNS)'],
  ['internal', 'a private-use name (.internal) that never resolves on the public internet'],
  ['home.arpa', 'a home-network name (.home.arpa)'],
  ['lan', 'a private network name (.lan)'],
  ['corp', 'a private network name (.corp)'],
  ['home', 'a private network name (.home)'],
  ['test', 'a name reserved for testing (.test)'],
  ['invalid', 'a name reserved as invalid (.invalid)'],
];

function isIPv4(host: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m !== null && m.slice(1).every((o) => Number(o) <= 255);
}

/** Syntax check for an IPv6 literal (hex groups, at most one `::`, an optional dotted IPv4 tail). */
function isIPv6(host: string): boolean {
  if (!/^[0-9a-f:.]+$/.test(host) || !host.includes(':')) return false;
  const v4 = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(host);
  if (v4 && !isIPv4(v4[1])) return false;
  const hexPart = v4 ? host.slice(0, host.length - v4[1].length) : host;
  const groupsWanted = v4 ? 6 : 8;
  const halves = hexPart.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string) => (part === '' ? [] : part.replace(/:$/, '').split(':'));
  const all = halves.flatMap(groups);
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? all.length < groupsWanted : all.length === groupsWanted;
}

function ipv4Class(host: string): string | undefined {
  const [a, b] = host.split('.').map(Number);
  if (host === '0.0.0.0') return 'the unspecified address';
  if (a === 0) return 'a non-routable "this network" address (0.0.0.0/8)';
  if (a === 127) return 'a loopback address';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) {
    return 'a private network address (RFC 1918)';
  }
  if (a === 169 && b === 254) return 'a link-local address';
  if (a === 100 && b >= 64 && b <= 127) return 'a carrier-grade NAT shared address (RFC 6598)';
  return undefined;
}

/** The 8 hextets of a valid IPv6 address (an embedded IPv4 tail becomes two hextets). */
function ipv6Hextets(host: string): number[] {
  let text = host;
  const v4 = /(?<!\d)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number);
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((h) => parseInt(h, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const zeros = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

function ipv6Class(host: string): string | undefined {
  const h = ipv6Hextets(host);
  if (h.every((x) => x === 0)) return 'the unspecified address';
  if (h.slice(0, 7).every((x) => x === 0) && h[7] === 1) return 'a loopback address';
  if (h.slice(0, 5).every((x) => x === 0) && h[5] === 0xffff) {
    return ipv4Class(`${h[6] >> 8}.${h[6] & 0xff}.${h[7] >> 8}.${h[7] & 0xff}`);
  }
  if ((h[0] & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((h[0] & 0xfe00) === 0xfc00) return 'a unique local address (fc00::/7)';
  return undefined;
}

/**
 * Why a host is not a public production host, or undefined when it may be one. `host` as returned by
 * `urlHost`/`authorityHost` (lower-case, IPv6 without brackets). RFC 2606's `.example` TLD is deliberately
 * not flagged (see docs/rules/fin-transport-no-local-or-private-hosts.md).
 */
export function classifyHost(host: string): string | undefined {
  const bare = host.replace(/%[\s\S]*$/, '');
  if (isIPv4(bare)) return ipv4Class(bare);
  if (isIPv6(bare)) return ipv6Class(bare);
  if (!/^[a-z0-9_.-]+$/.test(host)) return undefined;
  for (const [suffix, why] of LOCAL_NAME_SUFFIXES) {
    if (host === suffix || host.endsWith(`.${suffix}`)) return why;
  }
  for (const domain of PLACEHOLDER_DOMAINS) {
    if (host === domain || host.endsWith(`.${domain}`)) {
      return `a placeholder domain (${domain}) whose real servers belong to a third party`;
    }
  }
  if (!host.includes('.')) return 'a single-label intranet host name';
  return undefined;
}
