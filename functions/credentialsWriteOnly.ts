import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { EXTRA_CREDENTIAL_VETOES } from './utils/credentials.js';
import { credentialNames } from './utils/dictionaries.js';
import { asArray, type JsonObject } from './utils/guards.js';
import { extendClass, matchName, type NameClass } from './utils/names.js';
import { describeOperation, oasVersion } from './utils/oas.js';
import { reachableFrom } from './utils/reach.js';
import { componentProperties, schemaIndex, type SchemaVisit } from './utils/schemaWalker.js';

export interface CredentialsWriteOnlyOptions {
  /** Extra credential names (token sequences such as `memorable date`). */
  names?: string[];
  /** Extra veto tokens: names containing them are not credentials (e.g. `alias`). */
  vetoes?: string[];
  /**
   * Allow credentials in the 2xx responses that issue them: POST operations (token endpoint, key or credential
   * creation) and operations whose path names the credential (`GET /webhooks/{id}/secret`). Default true.
   */
  allowAtIssuance?: boolean;
}

/**
 * Credentials the API *issues*: tokens, session ids, API keys, client and signing secrets, private keys. Everything
 * else in the dictionary is a knowledge factor the client proves it holds (password, PIN, OTP, security answer).
 */
const ISSUED: ReadonlySet<string> = new Set([
  'secret',
  'client secret',
  'api key',
  'apikey',
  'access key',
  'secret key',
  'private key',
  'access token',
  'refresh token',
  'id token',
  'auth token',
  'bearer token',
  'session token',
  'session id',
  'sessionid',
  'token',
  'jwt',
  'auth',
]);

/** Bare names that are usually identifiers (`token` as a resource id, a crypto token address) rather than secrets. */
const AMBIGUOUS: ReadonlySet<string> = new Set(['token', 'auth']);

type Kind = 'factor' | 'issued';

/** Credential kind of a property, or undefined. `x-data-classification` wins over the name in both directions. */
function credentialKind(name: string, merged: JsonObject, nameClass: NameClass): Kind | undefined {
  const classification = merged['x-data-classification'];
  if (typeof classification === 'string') return classification === 'credential' ? 'factor' : undefined;
  const types = typeof merged.type === 'string' ? [merged.type] : asArray(merged.type);
  if (types.includes('boolean') && types.every((t) => t === 'boolean' || t === 'null')) return undefined;
  // An object with properties is a container (e.g. an API-key descriptor); its fields are judged by their own names.
  if (types.includes('object') && merged.properties !== undefined) return undefined;
  // A secret is never one of a fixed list of values: `secret_scanning_alerts: { enum: [read, write] }` is a setting.
  if (Array.isArray(merged.enum) || merged.const !== undefined) return undefined;
  const phrase = matchName(name, nameClass);
  if (phrase === undefined) return undefined;
  if (AMBIGUOUS.has(phrase) && merged.format !== 'password') return undefined;
  return ISSUED.has(phrase) ? 'issued' : 'factor';
}

function where(root: SchemaVisit): string {
  const op = root.ctx.operation;
  if (op === undefined) return 'in a response';
  if (root.ctx.direction === 'response') return `in the ${root.ctx.status} response of ${describeOperation(op)}`;
  return op.kind === 'webhook' ? `in the request of webhook "${op.pathKey}"` : `in the callback request ${describeOperation(op)}`;
}

/**
 * fin-auth-credentials-write-only: credential properties never leave the API by accident. A credential reachable
 * from a response, or from a callback/webhook request the provider sends, is reported in every OAS version, except
 * where the API issues it (2xx of a POST, or of an operation whose path names the credential): issued credentials
 * pass there, knowledge factors pass only when the client never sends them (a generated password, not an echo).
 * In 3.x a knowledge factor in a shared component schema must also be `writeOnly: true`, because any response that
 * references the component would return it. Each property is reported once, where it is written.
 */
export const credentialsWriteOnly = createRulesetFunction<JsonObject, CredentialsWriteOnlyOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        names: { type: 'array', items: { type: 'string', minLength: 1 } },
        vetoes: { type: 'array', items: { type: 'string', minLength: 1 } },
        allowAtIssuance: { type: 'boolean' },
      },
      additionalProperties: false,
      errorMessage:
        '"fin-auth-credentials-write-only" options: { names?: string[], vetoes?: string[], allowAtIssuance?: boolean }, e.g. { names: ["memorable date"], vetoes: ["alias"] }.',
    },
  },
  function credentialsWriteOnly(root, options) {
    const nameClass = extendClass(credentialNames, {
      names: options?.names,
      vetoes: [...EXTRA_CREDENTIAL_VETOES, ...(options?.vetoes ?? [])],
    });
    const allowAtIssuance = options?.allowAtIssuance !== false;
    const index = schemaIndex(root);

    const isIssuance = (visit: SchemaVisit): boolean => {
      const { ctx } = visit;
      if (!allowAtIssuance || ctx.direction !== 'response' || ctx.operation?.kind !== 'path') return false;
      if (typeof ctx.status !== 'string' || !/^2(\d\d|XX)$/i.test(ctx.status)) return false;
      if (ctx.operation.method === 'post') return true;
      const segments = ctx.operation.pathKey.split('/').filter((s) => s !== '' && !s.startsWith('{'));
      const last = segments[segments.length - 1];
      return last !== undefined && matchName(last, nameClass) !== undefined;
    };

    const leakRoots: SchemaVisit[] = [];
    const issuanceRoots: SchemaVisit[] = [];
    const inboundRoots: SchemaVisit[] = [];
    for (const roots of index.operationRoots.values()) {
      for (const r of roots) {
        if (!r.ctx.outbound) inboundRoots.push(r);
        else if (isIssuance(r)) issuanceRoots.push(r);
        else leakRoots.push(r);
      }
    }
    const leaked = reachableFrom(index, leakRoots);
    const issued = reachableFrom(index, issuanceRoots);
    const sentByClients = reachableFrom(index, inboundRoots);

    const results: IFunctionResult[] = [];
    const reported = new Set<object>();
    const report = (schema: object, message: string, path: SchemaVisit['path']) => {
      if (reported.has(schema)) return;
      reported.add(schema);
      results.push({ message, path });
    };

    for (const [schema, { visit, root: from }] of leaked) {
      if (visit.parent === undefined || visit.name === undefined) continue;
      if (credentialKind(visit.name, visit.merged, nameClass) === undefined) continue;
      report(schema, `Credential property "${visit.name}" is sent ${where(from)}.`, visit.path);
    }
    for (const [schema, { visit, root: from }] of issued) {
      if (visit.parent === undefined || visit.name === undefined) continue;
      // A knowledge factor in the response of the request that carried it is an echo, not an issued credential.
      if (credentialKind(visit.name, visit.merged, nameClass) !== 'factor' || !sentByClients.has(schema)) continue;
      report(schema, `Credential property "${visit.name}" is sent ${where(from)}.`, visit.path);
    }

    if (oasVersion(root) !== '2.0') {
      for (const prop of componentProperties(root)) {
        if (prop.merged.writeOnly === true) continue;
        if (credentialKind(prop.name, prop.merged, nameClass) !== 'factor') continue;
        // Generated credentials returned only where they are issued cannot be writeOnly.
        if (issued.has(prop.schema) && !sentByClients.has(prop.schema)) continue;
        report(
          prop.schema,
          `Credential property "${prop.name}" in a shared schema is not writeOnly: true, so a response that uses the schema would return it.`,
          prop.path,
        );
      }
    }
    return results;
  },
);
