import { isObject, isExtensionKey, type JsonObject, type JsonPath } from './guards.js';
import { memoPerDocument } from './memo.js';
import { oasVersion } from './oas.js';

/**
 * Example values and secret detection (catalogue §4.3).
 *
 * `exampleValues(root)` finds every example-bearing node of a document once (memoised): 2.0 `example`, `x-example`,
 * response `examples` (by media type); 3.0 `example` and Example Object `value`s; 3.1 schema `examples[]`; 3.2 Example
 * Object `dataValue`/`serializedValue`; and `default`, `enum`, `const` everywhere. It walks the resolved document by
 * structure, so a *property named* `example` or `default` (a key of `properties`, `responses`...) is never taken for
 * the keyword, and a shared (`$ref`'d) node is visited once, at its first path, which Spectral maps back to the place
 * it is written. `externalValue` is never fetched.
 *
 * `stringLeaves(value, path)` yields every string inside a value with its precise path, and `detectSecret(text)`
 * says whether a string looks like a live secret.
 */

export type ExampleKeyword = 'example' | 'examples' | 'x-example' | 'x-examples' | 'default' | 'enum' | 'const' | 'value';

export interface ExampleValue {
  value: unknown;
  /** JSON path of the value itself (e.g. `[..., 'examples', 'ok', 'value']`). */
  path: JsonPath;
  keyword: ExampleKeyword;
}

/** Keys whose value is a map from user-chosen names to OAS objects (the names are not keywords). */
const NAME_MAPS: ReadonlySet<string> = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependentSchemas',
  'paths',
  'responses',
  'headers',
  'content',
  'schemas',
  'parameters',
  'requestBodies',
  'securitySchemes',
  'securityDefinitions',
  'pathItems',
  'webhooks',
  'links',
  'encoding',
  'variables',
  'mediaTypes',
]);

/** Keys whose values are not OAS structure and hold no examples. */
const OPAQUE: ReadonlySet<string> = new Set(['security', 'scopes', 'mapping', 'required', 'tags', 'discriminator', 'xml']);

const SINGLE_VALUE_KEYWORDS: readonly ExampleKeyword[] = ['example', 'x-example', 'default', 'const'];

/** How a finding names the keyword that carries a value: `example`, `default value`, `enum value`... */
export const EXAMPLE_KEYWORD_LABEL: Record<string, string> = {
  example: 'example',
  examples: 'example',
  'x-example': 'example',
  'x-examples': 'example',
  value: 'example',
  default: 'default value',
  enum: 'enum value',
  const: 'const value',
};

/** A path as a chain of parent links, cheap to extend; `trailPath` turns it into a JsonPath. */
type Trail = { up: Trail; key: string | number } | undefined;

function trailPath(trail: Trail): JsonPath {
  const path: JsonPath = [];
  for (let t = trail; t; t = t.up) path.push(t.key);
  return path.reverse();
}

export function exampleValues(root: JsonObject): ExampleValue[] {
  return memoPerDocument(root, 'exampleValues', () => {
    const out: ExampleValue[] = [];
    const isOas2 = oasVersion(root) === '2.0';
    const visitedObjects = new Set<object>();
    const visitedMaps = new Set<object>();

    const exampleObject = (example: unknown, path: JsonPath) => {
      if (!isObject(example)) return;
      for (const key of ['value', 'dataValue', 'serializedValue'] as const) {
        if (example[key] !== undefined) out.push({ value: example[key], path: [...path, key], keyword: 'value' });
      }
    };

    const examples = (value: unknown, path: JsonPath) => {
      if (Array.isArray(value)) {
        value.forEach((v, i) => out.push({ value: v, path: [...path, i], keyword: 'examples' }));
      } else if (isObject(value)) {
        for (const [k, v] of Object.entries(value)) {
          // 2.0 response examples: media type -> example value. 3.x: name -> Example Object.
          if (isOas2) out.push({ value: v, path: [...path, k], keyword: 'examples' });
          else exampleObject(v, [...path, k]);
        }
      }
    };

    // The walk visits every object of the document: it keeps a parent-linked trail instead of copying a path array
    // per node, and builds a path only for a value it reports (or hands to a helper).
    const names = (map: unknown, trail: Trail, depth: number) => {
      if (!isObject(map) || visitedMaps.has(map)) return;
      visitedMaps.add(map);
      for (const [k, v] of Object.entries(map)) {
        if (depth > 1) names(v, { up: trail, key: k }, depth - 1);
        else node(v, { up: trail, key: k });
      }
    };

    const node = (value: unknown, trail: Trail) => {
      if (Array.isArray(value)) {
        value.forEach((v, i) => node(v, { up: trail, key: i }));
        return;
      }
      if (!isObject(value) || visitedObjects.has(value)) return;
      visitedObjects.add(value);
      for (const [key, child] of Object.entries(value)) {
        const at: Trail = { up: trail, key };
        if ((SINGLE_VALUE_KEYWORDS as readonly string[]).includes(key)) {
          out.push({ value: child, path: trailPath(at), keyword: key as ExampleKeyword });
        } else if (key === 'enum') {
          if (Array.isArray(child)) {
            const childPath = trailPath(at);
            child.forEach((v, i) => out.push({ value: v, path: [...childPath, i], keyword: 'enum' }));
          }
        } else if (key === 'examples') {
          examples(child, trailPath(at));
        } else if (key === 'x-examples') {
          out.push({ value: child, path: trailPath(at), keyword: 'x-examples' });
        } else if (key === 'callbacks') {
          names(child, at, 2);
        } else if (NAME_MAPS.has(key) && isObject(child)) {
          names(child, at, 1);
        } else if (!isExtensionKey(key) && !OPAQUE.has(key)) {
          node(child, at);
        }
      }
    };

    node(root, undefined);
    return out;
  });
}

/** Every string inside a value (object values and array items, not keys), with its path. Cycle-safe. */
export function stringLeaves(
  value: unknown,
  path: JsonPath,
  seen: Set<object> = new Set(),
): { text: string; path: JsonPath }[] {
  return leaves(value, path, seen, (v) => (typeof v === 'string' ? v : undefined));
}

/**
 * The leaves of a value that `text` turns into a string, depth first in document order, each with its path; the
 * other non-objects are skipped. Cycle-safe (`seen`). Paths are built for the leaves only.
 */
export function leaves(
  value: unknown,
  path: JsonPath,
  seen: Set<object>,
  text: (leaf: unknown) => string | undefined,
): { text: string; path: JsonPath }[] {
  const out: { text: string; path: JsonPath }[] = [];
  const visit = (v: unknown, trail: Trail) => {
    if (typeof v !== 'object' || v === null) {
      const t = text(v);
      if (t !== undefined) out.push({ text: t, path: trail ? [...path, ...trailPath(trail)] : path });
      return;
    }
    if (seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, { up: trail, key: i }));
    else for (const [k, x] of Object.entries(v)) visit(x, { up: trail, key: k });
  };
  visit(value, undefined);
  return out;
}

export type SecretKind = 'jwt' | 'bearer' | 'provider-key' | 'private-key';

export interface SecretMatch {
  kind: SecretKind;
  /** Human description for messages, e.g. `a JSON Web Token`. */
  label: string;
}

export interface SecretOptions {
  /** Prefixes of values that are known test credentials (default: `sk_test_`, `rk_test_`, `pk_test_`). */
  allowPrefixes?: readonly string[];
  /** Exact values that are known documentation samples (added to the built-in list). */
  allowValues?: readonly string[];
  /** Extra live-key prefixes to report (e.g. `acme_live_`). */
  prefixes?: readonly string[];
}

export const DEFAULT_TEST_PREFIXES: readonly string[] = ['sk_test_', 'rk_test_', 'pk_test_', 'whsec_test_'];

/** Widely published documentation samples: the jwt.io token, AWS's documentation key pair, GitHub's sample tokens. */
export const KNOWN_SAMPLES: readonly string[] = [
  'ghs_16C7e42F292c6912E7710c838347Ae178B4a',
  'ghu_16C7e42F292c6912E7710c838347Ae178B4a',
  'gho_16C7e42F292c6912E7710c838347Ae178B4a',
  'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
];

const PROVIDER_KEYS: readonly { pattern: RegExp; label: string }[] = [
  { pattern: /\b(?:sk|rk)_live_[0-9A-Za-z]{10,}/, label: 'a live Stripe secret key' },
  { pattern: /\bAKIA[0-9A-Z]{16}\b/, label: 'an AWS access key id' },
  { pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{30,}/, label: 'a GitHub token' },
  { pattern: /\bgithub_pat_[0-9A-Za-z_]{30,}/, label: 'a GitHub token' },
  { pattern: /\bxox[bpas]-(?:[0-9]+-){2,3}[0-9A-Za-z]{20,}/, label: 'a Slack token' },
];

const JWT = /(?:^|[^A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*)/;
const BEARER = /\bBearer\s+([A-Za-z0-9\-._~+/]{20,}=*)/i;
const PEM_PRIVATE = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----([\s\S]*)/;
const PLACEHOLDER = /your|example|sample|dummy|placeholder|redacted|changeme|insert|replace|fake|xxxx|\.\.\.|0000000|\*\*\*/i;

function base64UrlDecode(segment: string): string | undefined {
  try {
    return Buffer.from(segment.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  } catch {
    return undefined;
  }
}

/** A JWT/JWS: its header decodes to a JSON object with an `alg`. */
function isJwt(token: string): boolean {
  const header = base64UrlDecode(token.split('.')[0]);
  if (header === undefined) return false;
  try {
    const parsed: unknown = JSON.parse(header);
    return isObject(parsed) && typeof parsed.alg === 'string';
  } catch {
    return false;
  }
}

/** Eight or more consecutive ascending characters (`12345678`, `abcdefgh`): typed by a person, not generated. */
function hasSequentialRun(value: string, length = 8): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run >= length) return true;
  }
  return false;
}

/** A made-up value: placeholder words, a long run of one character, or a typed sequence. */
function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || /(.)\1{5,}/.test(value) || hasSequentialRun(value);
}

/** Random-looking: letters and digits mixed, and not a placeholder. */
function looksRandom(value: string): boolean {
  return /[A-Za-z]/.test(value) && /[0-9]/.test(value) && !isPlaceholder(value);
}

export function detectSecret(text: string, options: SecretOptions = {}): SecretMatch | undefined {
  const trimmed = text.trim();
  if (KNOWN_SAMPLES.includes(trimmed) || options.allowValues?.includes(trimmed)) return undefined;
  const allowPrefixes = [...DEFAULT_TEST_PREFIXES, ...(options.allowPrefixes ?? [])];
  const allowed = (candidate: string) =>
    KNOWN_SAMPLES.includes(candidate) ||
    options.allowValues?.includes(candidate) === true ||
    allowPrefixes.some((p) => candidate.startsWith(p));

  const pem = PEM_PRIVATE.exec(text);
  if (pem) {
    const body = pem[1].split('-----END')[0].replace(/^[A-Za-z-]+:.*$/gm, '');
    if (body.replace(/[^A-Za-z0-9+/]/g, '').length >= 64) return { kind: 'private-key', label: 'a PEM private key' };
  }
  const jwt = JWT.exec(text);
  if (jwt && !allowed(jwt[1]) && isJwt(jwt[1])) return { kind: 'jwt', label: 'a JSON Web Token' };
  for (const { pattern, label } of [
    ...PROVIDER_KEYS,
    ...(options.prefixes ?? []).map((p) => ({ pattern: new RegExp(`${escapeRegExp(p)}[0-9A-Za-z_-]{8,}`), label: `a "${p}" key` })),
  ]) {
    const m = pattern.exec(text);
    if (m && !allowed(m[0]) && !isPlaceholder(m[0])) return { kind: 'provider-key', label };
  }
  const bearer = BEARER.exec(text);
  if (bearer && !allowed(bearer[1]) && looksRandom(bearer[1])) return { kind: 'bearer', label: 'a bearer token' };
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
