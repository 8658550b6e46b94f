import { asArray, entries, isObject, type JsonObject, type JsonPath } from './guards.js';
import { memoPerDocument } from './memo.js';

export type OasVersion = '2.0' | '3.0' | '3.1' | '3.2';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'] as const;
export const WRITE_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch', 'delete']);

export function oasVersion(root: unknown): OasVersion | undefined {
  if (!isObject(root)) return undefined;
  if (root.swagger === '2.0') return '2.0';
  const v = root.openapi;
  if (typeof v !== 'string') return undefined;
  if (/^3\.0(\.|$)/.test(v)) return '3.0';
  if (/^3\.1(\.|$)/.test(v)) return '3.1';
  if (/^3\.2(\.|$)/.test(v)) return '3.2';
  return undefined;
}

export interface OperationRef {
  /** Path template, e.g. `/accounts/{id}`, or webhook name for webhooks. */
  pathKey: string;
  method: string;
  operation: JsonObject;
  pathItem: JsonObject;
  /** JSON path of the operation object. */
  path: JsonPath;
  kind: 'path' | 'webhook' | 'callback';
}

/** Operations under `paths` (and 3.1 `webhooks` when asked), computed once per document. */
export function operations(root: JsonObject): OperationRef[] {
  return memoPerDocument(root, 'operations', () => {
    const out: OperationRef[] = [];
    for (const [pathKey, pathItem] of entries(root.paths)) {
      if (!isObject(pathItem) || pathKey.startsWith('x-')) continue;
      for (const method of HTTP_METHODS) {
        const operation = pathItem[method];
        if (isObject(operation)) {
          out.push({ pathKey, method, operation, pathItem, path: ['paths', pathKey, method], kind: 'path' });
        }
      }
    }
    return out;
  });
}

export function webhookOperations(root: JsonObject): OperationRef[] {
  return memoPerDocument(root, 'webhookOperations', () => {
    const out: OperationRef[] = [];
    for (const [name, pathItem] of entries(root.webhooks)) {
      if (!isObject(pathItem)) continue;
      for (const method of HTTP_METHODS) {
        const operation = pathItem[method];
        if (isObject(operation)) {
          out.push({ pathKey: name, method, operation, pathItem, path: ['webhooks', name, method], kind: 'webhook' });
        }
      }
    }
    return out;
  });
}

/** Callback operations: `paths.*.*.callbacks.*.<expression>.<method>` and `components.callbacks`. */
export function callbackOperations(root: JsonObject): OperationRef[] {
  return memoPerDocument(root, 'callbackOperations', () => {
    const out: OperationRef[] = [];
    const visitCallbacks = (callbacks: unknown, base: JsonPath) => {
      for (const [cbName, callback] of entries(callbacks)) {
        for (const [expression, pathItem] of entries(callback)) {
          if (!isObject(pathItem) || expression.startsWith('x-')) continue;
          for (const method of HTTP_METHODS) {
            const operation = pathItem[method];
            if (isObject(operation)) {
              out.push({
                pathKey: expression,
                method,
                operation,
                pathItem,
                path: [...base, cbName, expression, method],
                kind: 'callback',
              });
            }
          }
        }
      }
    };
    for (const op of operations(root)) visitCallbacks(op.operation.callbacks, [...op.path, 'callbacks']);
    if (isObject(root.components)) visitCallbacks(root.components.callbacks, ['components', 'callbacks']);
    return out;
  });
}

/** A Security Requirement Object: scheme name -> scopes/roles. */
export type SecurityRequirement = Record<string, unknown>;

export interface EffectiveSecurity {
  /** The alternatives (OR). Empty list = no security. */
  requirements: SecurityRequirement[];
  /** Where the list comes from (the operation's own `security`, or the root's). */
  source: 'operation' | 'root' | 'none';
  /** JSON path of the `security` array that applies, if any. */
  path: JsonPath | undefined;
}

export function effectiveSecurity(root: JsonObject, op: OperationRef): EffectiveSecurity {
  if (Array.isArray(op.operation.security)) {
    return {
      requirements: op.operation.security.filter(isObject),
      source: 'operation',
      path: [...op.path, 'security'],
    };
  }
  if (Array.isArray(root.security)) {
    return { requirements: root.security.filter(isObject), source: 'root', path: ['security'] };
  }
  return { requirements: [], source: 'none', path: undefined };
}

/** Security schemes from `securityDefinitions` (2.0) or `components.securitySchemes` (3.x). */
export function securitySchemes(root: JsonObject): { schemes: Record<string, JsonObject>; basePath: JsonPath } {
  if (oasVersion(root) === '2.0') {
    return { schemes: objectsOnly(root.securityDefinitions), basePath: ['securityDefinitions'] };
  }
  const components = isObject(root.components) ? root.components : {};
  return { schemes: objectsOnly(components.securitySchemes), basePath: ['components', 'securitySchemes'] };
}

function objectsOnly(value: unknown): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  for (const [k, v] of entries(value)) if (isObject(v)) out[k] = v;
  return out;
}

/** Normalised OAuth flows of a scheme: 3.x `flows`, or the single 2.0 `flow` mapped to 3.x names. */
export interface OAuthFlow {
  /** 3.x flow name: implicit, password, clientCredentials, authorizationCode, deviceAuthorization. */
  name: string;
  flow: JsonObject;
  /** JSON path of the flow object (2.0: the scheme itself). */
  path: JsonPath;
  scopes: Record<string, unknown>;
}

const OAS2_FLOW_NAMES: Record<string, string> = {
  implicit: 'implicit',
  password: 'password',
  application: 'clientCredentials',
  accessCode: 'authorizationCode',
};

export function oauthFlows(scheme: JsonObject, schemePath: JsonPath): OAuthFlow[] {
  if (scheme.type !== 'oauth2') return [];
  if (typeof scheme.flow === 'string') {
    return [
      {
        name: OAS2_FLOW_NAMES[scheme.flow] ?? scheme.flow,
        flow: scheme,
        path: schemePath,
        scopes: isObject(scheme.scopes) ? scheme.scopes : {},
      },
    ];
  }
  return entries(scheme.flows)
    .filter((e): e is [string, JsonObject] => isObject(e[1]) && !e[0].startsWith('x-'))
    .map(([name, flow]) => ({
      name,
      flow,
      path: [...schemePath, 'flows', name],
      scopes: isObject(flow.scopes) ? flow.scopes : {},
    }));
}

/** Every `security` array in the document: root and per operation. */
export function securityArrays(root: JsonObject): { requirements: unknown[]; path: JsonPath }[] {
  const out: { requirements: unknown[]; path: JsonPath }[] = [];
  if (Array.isArray(root.security)) out.push({ requirements: root.security, path: ['security'] });
  for (const op of [...operations(root), ...webhookOperations(root), ...callbackOperations(root)]) {
    if (Array.isArray(op.operation.security)) {
      out.push({ requirements: op.operation.security, path: [...op.path, 'security'] });
    }
  }
  return out;
}

export function asStringArray(value: unknown): string[] {
  return asArray(value).filter((v): v is string => typeof v === 'string');
}

export function describeOperation(op: OperationRef): string {
  return `${op.method.toUpperCase()} ${op.pathKey}`;
}
