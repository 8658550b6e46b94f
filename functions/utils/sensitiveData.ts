import { cardDataIndex, cardDataOptionsSchema, type CardDataOptions } from './cardData.js';
import { declaredClassifications } from './classify.js';
import { EXTRA_CREDENTIAL_VETOES } from './credentials.js';
import { credentialNames } from './dictionaries.js';
import { asArray, isObject, type JsonObject } from './guards.js';
import { memoPerDocument } from './memo.js';
import { extendClass, matchName, type NameClass } from './names.js';
import type { OperationRef } from './oas.js';
import { schemaIndex, type SchemaContext, type SchemaVisit } from './schemaWalker.js';

/**
 * Sensitive data in the bodies an API returns, for the rules that ask what a response carries rather than where a
 * field is written: fin-headers-sensitive-no-store (must not be cached) and fin-audit-sensitive-ops-flagged (access
 * must be logged). A body is sensitive when some property below it (through `$ref`, `allOf`, arrays and branches;
 * `writeOnly` properties are not part of responses) is one of:
 *
 * - **card data**: a full card number or sensitive authentication data, decided by the cardholder-data classifier
 *   (functions/utils/cardData.ts: names, context, schema evidence, `x-data-classification: pci-*`); masked, truncated
 *   and tokenised card numbers are not sensitive here;
 * - **credential**: a name from the shared credential dictionary (passwords, PINs, OTPs, secrets, API keys, access
 *   and refresh tokens, session ids), except flags, enumerations, containers and a bare `token`/`auth`, which are
 *   usually resource identifiers;
 * - **declared**: `x-data-classification` (or `x-sensitive`) `personal`, `special-category`, `national-id`,
 *   `criminal-offence`, `credential`, `pci-pan`, `pci-sad`, `pci-chd`, or the flag `x-pii: true`.
 *
 * An explicit classification with another value of the vocabulary (`public`, `internal`, `financial`,
 * `pci-pan-masked`...) overrides the name in both directions. Personal data is recognised only when declared: the
 * personal-data classifier of the fin-gdpr family should replace that part once it exists.
 *
 * Each (schema, direction, outbound) subtree is searched once per document and option set, so asking about every
 * response of every operation stays linear in the document size.
 */

export type SensitiveKind = 'card' | 'credential' | 'declared';

export interface SensitiveHit {
  visit: SchemaVisit;
  kind: SensitiveKind;
  /** For messages: `a card number (PAN)`, `a credential`, `data classified personal`. */
  label: string;
}

export interface SensitiveDataOptions {
  /** Cardholder-data dictionary options, as for the fin-pci rules. */
  card?: CardDataOptions;
  /** Extra credential names and vetoes. */
  credentials?: { names?: string[]; vetoes?: string[] };
}

export const SENSITIVE_DATA_OPTION_PROPERTIES = {
  card: { type: 'object', properties: cardDataOptionsSchema('card', '{}').properties, additionalProperties: false },
  credentials: {
    type: 'object',
    properties: {
      names: { type: 'array', items: { type: 'string', minLength: 1 } },
      vetoes: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
    additionalProperties: false,
  },
} as const;

export const SENSITIVE_DATA_OPTIONS_HELP = 'card?: { pan?, cvc?, pin?, track?, expiry?: { names?, vetoes? }, cardContext? }, credentials?: { names?: string[], vetoes?: string[] }';

/** Declared classifications that make a value sensitive. */
const SENSITIVE_DECLARED: ReadonlySet<string> = new Set([
  'personal',
  'special-category',
  'national-id',
  'criminal-offence',
  'credential',
  'pci-pan',
  'pci-sad',
  'pci-chd',
]);

/** Bare names that are usually identifiers (`token` as a resource id) rather than secrets. */
const AMBIGUOUS_CREDENTIALS: ReadonlySet<string> = new Set(['token', 'auth']);

function schemaTypeList(schema: JsonObject): string[] {
  return typeof schema.type === 'string' ? [schema.type] : asArray(schema.type).filter((t): t is string => typeof t === 'string');
}

/** Whether a named schema holds a credential value (not a flag, an enumeration, a container or an ambiguous id). */
function isCredential(name: string, merged: JsonObject, nameClass: NameClass): boolean {
  const types = schemaTypeList(merged).filter((t) => t !== 'null');
  if (types.length > 0 && types.every((t) => t === 'boolean' || t === 'integer' || t === 'number')) return false;
  if (types.includes('object') || isObject(merged.properties)) return false;
  if (Array.isArray(merged.enum) || merged.const !== undefined) return false;
  const phrase = matchName(name, nameClass);
  if (phrase === undefined) return false;
  return !AMBIGUOUS_CREDENTIALS.has(phrase) || merged.format === 'password';
}

export interface SensitiveDataIndex {
  /** What a single named visit holds, if sensitive. */
  own(visit: SchemaVisit): SensitiveHit | undefined;
  /** The first sensitive value in the body of one response (by status key) of an operation. */
  responseBody(op: OperationRef, status: string): SensitiveHit | undefined;
  /** The first sensitive value in any response body of an operation. */
  anyResponseBody(op: OperationRef): SensitiveHit | undefined;
}

/** The sensitive-data index of a document for an option set, computed lazily and shared by the rules. */
export function sensitiveDataIndex(root: JsonObject, options?: SensitiveDataOptions | null): SensitiveDataIndex {
  const key = JSON.stringify(options ?? {});
  return memoPerDocument(root, `sensitiveDataIndex:${key}`, () => {
    const index = schemaIndex(root);
    const cards = cardDataIndex(root, options?.card);
    const nameClass = extendClass(credentialNames, {
      names: options?.credentials?.names,
      vetoes: [...EXTRA_CREDENTIAL_VETOES, ...(options?.credentials?.vetoes ?? [])],
    });
    const ownCache = new Map<SchemaVisit, SensitiveHit | null>();
    const own = (visit: SchemaVisit): SensitiveHit | undefined => {
      const cached = ownCache.get(visit);
      if (cached !== undefined) return cached ?? undefined;
      let hit: SensitiveHit | undefined;
      const { values, weak } = declaredClassifications([visit.holder, visit.schema, visit.merged].filter(isObject));
      // The card classifier reads pci-* declarations itself (and lets other declared classes override a card name).
      const card = visit.name !== undefined ? cards.visit(visit) : undefined;
      const sensitiveValue = values.find((v) => SENSITIVE_DECLARED.has(v));
      if (card && (card.class === 'sad' || (card.class === 'pan' && card.kind === 'full'))) hit = { visit, kind: 'card', label: card.label };
      else if (card) hit = undefined;
      else if (sensitiveValue !== undefined) hit = { visit, kind: sensitiveValue.startsWith('pci-') ? 'card' : 'declared', label: `data classified ${sensitiveValue}` };
      else if (values.length === 0 && weak.includes('personal')) hit = { visit, kind: 'declared', label: 'data flagged x-pii' };
      else if (values.length === 0 && visit.name !== undefined && visit.parent !== undefined && isCredential(visit.name, visit.merged, nameClass)) {
        hit = { visit, kind: 'credential', label: 'a credential' };
      }
      ownCache.set(visit, hit ?? null);
      return hit;
    };

    // Memoised subtree search per (schema, context key); a schema being searched counts as "nothing" for the cycle
    // that reaches it again.
    const subtree = new Map<object, Map<string, SensitiveHit | null>>();
    const search = (visit: SchemaVisit): SensitiveHit | undefined => own(visit) ?? searchChildren(visit.schema, visit.ctx);
    const searchChildren = (schema: object, ctx: SchemaContext): SensitiveHit | undefined => {
      const k = `${ctx.direction}:${ctx.outbound}`;
      let byCtx = subtree.get(schema);
      if (!byCtx) subtree.set(schema, (byCtx = new Map()));
      if (byCtx.has(k)) return byCtx.get(k) ?? undefined;
      byCtx.set(k, null);
      let found: SensitiveHit | undefined;
      for (const child of index.childVisits(schema, ctx)) {
        found = search(child);
        if (found) break;
      }
      byCtx.set(k, found ?? null);
      return found;
    };
    const bodyRoots = (op: OperationRef, status?: string): SchemaVisit[] =>
      (index.operationRoots.get(op) ?? []).filter(
        (v) => v.ctx.direction === 'response' && v.ctx.location === 'body' && (status === undefined || v.ctx.status === status),
      );
    const first = (roots: readonly SchemaVisit[]): SensitiveHit | undefined => {
      for (const r of roots) {
        const hit = search(r);
        if (hit) return hit;
      }
      return undefined;
    };
    return {
      own,
      responseBody: (op, status) => first(bodyRoots(op, status)),
      anyResponseBody: (op) => first(bodyRoots(op)),
    };
  });
}
