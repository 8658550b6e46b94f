import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { resolveLocal } from './utils/headers.js';
import { tokenize } from './utils/names.js';
import { HTTP_METHODS } from './utils/oas.js';
import { endsWithPhrase, inScope, phraseTokens, propertyNames, PSD2_SCOPE_OPTION_PROPERTIES, segments, type Psd2ScopeOptions, type Segment } from './utils/psd2.js';
import { responseBodySchemas, statusClass } from './utils/responses.js';
import { andList } from './utils/lists.js';

export interface ConsentRevocableOptions extends Pick<Psd2ScopeOptions, 'scaPaths' | 'onlyOpenBanking'> {
  /** Segments that name consent resources (default `consents`: every `*-consents` collection). */
  consentPaths?: string[];
  /** Consent collections exempt (single-use consents, consumed by one payment): default payment and standing-order consents. */
  exempt?: string[];
}

const DEFAULT_CONSENT = ['consents'];
const DEFAULT_EXEMPT = ['payment consents', 'standing order consents'];

/** Words of a literal sub-resource that revokes (`POST /consents/{id}/revoke`). */
const REVOKE_WORDS: ReadonlySet<string> = new Set(['revoke', 'revocation', 'withdraw', 'withdrawal', 'withdrawn']);
/** Words of a status value that means the consent was withdrawn (`Revoked`, `revokedByPsu`, `terminatedByTpp`). */
const REVOKED_STATUS_WORDS: ReadonlySet<string> = new Set(['revoked', 'withdrawn', 'terminated', 'revoke']);

interface ConsentResource {
  /** `/account-access-consents`, `/v1/consents`. */
  collection: string;
  /** The collection's last segment, for the exemption test. */
  segment: Segment;
  /** `/account-access-consents/{ConsentId}`, if the document has it. */
  item?: string;
  /** Every path of the resource: collection, item and sub-resources. */
  paths: string[];
}

/**
 * Groups paths by consent collection (the prefix through the last consent segment). Only REST resources count: the
 * consent segment ends the path or is followed by a `{parameter}`; in `/payment_initiation/consent/create` it is a
 * namespace of RPC calls, not a resource.
 */
function consentResources(root: JsonObject, consent: readonly string[][]): ConsentResource[] {
  const byCollection = new Map<string, ConsentResource>();
  for (const key of Object.keys(isObject(root.paths) ? root.paths : {})) {
    if (key.startsWith('x-')) continue;
    const segs = segments(key);
    let at = -1;
    segs.forEach((s, i) => {
      if (!s.param && consent.some((p) => endsWithPhrase(s.tokens, p)) && (i === segs.length - 1 || segs[i + 1].param)) at = i;
    });
    if (at === -1) continue;
    const raw = key.split('/').filter((s) => s !== '');
    const collection = `/${raw.slice(0, at + 1).join('/')}`;
    const resource = byCollection.get(collection) ?? { collection, segment: segs[at], paths: [] };
    resource.paths.push(key);
    if (segs.length === at + 2) resource.item = key;
    byCollection.set(collection, resource);
  }
  return [...byCollection.values()];
}

function pathItem(root: JsonObject, key: string): JsonObject | undefined {
  const paths = isObject(root.paths) ? root.paths : {};
  const item = resolveLocal(root, paths[key]);
  return isObject(item) ? item : undefined;
}

function operation(root: JsonObject, key: string | undefined, method: string): JsonObject | undefined {
  if (key === undefined) return undefined;
  const op = pathItem(root, key)?.[method];
  return isObject(op) ? op : undefined;
}

/** Whether a request body (3.x `requestBody`, 2.0 `in: body`) lets the client set a status to a revoked-like value. */
function setsRevokedStatus(root: JsonObject, op: JsonObject): boolean {
  const schemas: unknown[] = [];
  const body = resolveLocal(root, op.requestBody);
  if (isObject(body) && isObject(body.content)) {
    for (const media of Object.values(body.content)) if (isObject(media)) schemas.push(media.schema);
  }
  for (const p of asArray(op.parameters)) {
    const param = resolveLocal(root, p);
    if (isObject(param) && param.in === 'body') schemas.push(param.schema);
  }
  const seen = new Set<object>();
  const visit = (schema: unknown, depth: number, underStatus: boolean): boolean => {
    const s = resolveLocal(root, schema);
    if (!isObject(s) || seen.has(s) || depth < 0) return false;
    seen.add(s);
    if (underStatus) {
      const values = [...asArray(s.enum), s.const, s.default];
      if (values.some((v) => typeof v === 'string' && tokenize(v).some((t) => REVOKED_STATUS_WORDS.has(t)))) return true;
    }
    if (isObject(s.properties)) {
      for (const [name, sub] of Object.entries(s.properties)) {
        if (visit(sub, depth - 1, tokenize(name).includes('status'))) return true;
      }
    }
    for (const key of ['allOf', 'oneOf', 'anyOf']) for (const m of asArray(s[key])) if (visit(m, depth, underStatus)) return true;
    return false;
  };
  return schemas.some((s) => visit(s, 6, false));
}

function isExpiryName(name: string): boolean {
  const tokens = tokenize(name);
  if (tokens.some((t) => t === 'expiration' || t === 'expiry' || t === 'expires' || t === 'expire')) return true;
  const text = tokens.join(' ');
  return /\bvalid (?:until|to|till)\b/.test(text);
}

/**
 * How deep to look for the consent's status and expiry: top level, a wrapper (UK `Data`) and one object inside it (UK
 * VRP `Data.ControlParameters.ValidToDateTime`), not deeper (an exchange rate's `ExpirationDateTime` is not the consent's).
 */
const PROPERTY_DEPTH = 2;

/** Property names of the 2xx response bodies of an operation. */
function responseProperties(root: JsonObject, op: JsonObject | undefined): string[] | undefined {
  if (op === undefined) return undefined;
  const responses = resolveLocal(root, op.responses);
  if (!isObject(responses)) return undefined;
  const names: string[] = [];
  let described = false;
  for (const [status, raw] of Object.entries(responses)) {
    if (statusClass(status) !== '2') continue;
    const response = resolveLocal(root, raw);
    if (!isObject(response)) continue;
    for (const body of responseBodySchemas(root, response)) {
      described = true;
      names.push(...propertyNames(root, body.schema, PROPERTY_DEPTH));
    }
  }
  return described ? names : undefined;
}

/**
 * fin-psd2-consent-revocable: every consent resource that outlives a single payment (account-access, `consents`,
 * funds-confirmation, VRP consents; single-use payment and standing-order consents are exempt, configurable) can be
 * revoked (`DELETE` on the consent, a revoke sub-resource, or a `PUT`/`PATCH` whose body sets a revoked status) and read
 * (`GET` on the consent or its `/status`), and its schema carries an expiry (`ExpirationDateTime`, `validUntil`,
 * `ValidToDateTime`...) and a status. One finding per consent resource, at the consent's path, listing what is missing.
 * Judged only in access-to-account documents (they create consents or have SCA-step sub-resources) unless
 * `onlyOpenBanking: false`.
 */
export const consentRevocable = createRulesetFunction<JsonObject, ConsentRevocableOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        consentPaths: PSD2_SCOPE_OPTION_PROPERTIES.consentPaths,
        exempt: { type: 'array', items: { type: 'string', minLength: 1 } },
        scaPaths: PSD2_SCOPE_OPTION_PROPERTIES.scaPaths,
        onlyOpenBanking: PSD2_SCOPE_OPTION_PROPERTIES.onlyOpenBanking,
      },
      additionalProperties: false,
      errorMessage:
        '"fin-psd2-consent-revocable" options: { consentPaths?: string[], exempt?: string[], scaPaths?: string[], onlyOpenBanking?: boolean }, e.g. { consentPaths: ["consents"], exempt: ["payment consents"] }.',
    },
  },
  function consentRevocable(root, options) {
    if (!inScope(root, options)) return [];
    const consent = (options?.consentPaths ?? DEFAULT_CONSENT).map(phraseTokens).filter((p) => p.length > 0);
    const exempt = (options?.exempt ?? DEFAULT_EXEMPT).map(phraseTokens).filter((p) => p.length > 0);
    const results: IFunctionResult[] = [];
    for (const resource of consentResources(root, consent)) {
      if (exempt.some((p) => endsWithPhrase(resource.segment.tokens, p))) continue;
      const gaps: string[] = [];
      const item = resource.item;
      const itemLabel = item ?? `${resource.collection}/{id}`;

      // Sub-resources of a consent: the segments after `/<collection>/{id}` (whatever the parameter is called).
      const below = resource.paths
        .map((p) => ({ path: p, rest: segments(p.slice(resource.collection.length)) }))
        .filter((r) => r.rest.length >= 2 && r.rest[0].param)
        .map((r) => ({ path: r.path, rest: r.rest.slice(1) }));

      const revocable =
        operation(root, item, 'delete') !== undefined ||
        below.some(
          (r) =>
            r.rest.some((s) => !s.param && s.tokens.some((t) => REVOKE_WORDS.has(t))) &&
            HTTP_METHODS.some((m) => m !== 'get' && operation(root, r.path, m) !== undefined),
        ) ||
        ['put', 'patch'].some((m) => {
          const op = operation(root, item, m);
          return op !== undefined && setsRevokedStatus(root, op);
        });
      if (!revocable) gaps.push(`no DELETE ${itemLabel} (or other way to revoke it)`);

      const getOp = operation(root, item, 'get');
      const statusRead = below.some((r) => r.rest.length === 1 && r.rest[0].tokens.join(' ') === 'status' && operation(root, r.path, 'get') !== undefined);
      if (getOp === undefined && !statusRead) gaps.push(`no GET ${itemLabel} to read its status`);

      const properties = responseProperties(root, getOp) ?? responseProperties(root, operation(root, resource.collection, 'post'));
      if (properties === undefined) {
        gaps.push('no response schema showing its status and expiry');
      } else {
        if (!properties.some(isExpiryName)) gaps.push('no expiry in its schema (e.g. ExpirationDateTime, validUntil)');
        if (!properties.some((n) => tokenize(n).includes('status'))) gaps.push('no status in its schema');
      }
      if (gaps.length === 0) continue;
      const at: JsonPath = ['paths', item ?? (resource.paths.includes(resource.collection) ? resource.collection : resource.paths[0])];
      results.push({ message: `Consent resource ${resource.collection} has ${andList(gaps)}.`, path: at });
    }
    return results;
  },
);
