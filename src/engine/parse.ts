import { readFileSync } from 'node:fs';
import { Document } from '@stoplight/spectral-core';
import parsers from '@stoplight/spectral-parsers';
import { isJsonSource, type ReadInput } from './loader.js';
import type { InputError } from './types.js';

// Parsing with Spectral's parsers, apart from src/engine/loader.ts (reading and checking inputs) so that a thread
// that only reads inputs — the CLI's main thread while a worker lints — never loads Spectral.

// spectral-parsers is CommonJS with re-exports Node cannot see as named ESM exports.
const { Json, Yaml } = parsers;

export interface LoadedDocument {
  /** As given by the caller. */
  source: string;
  /** Absolute path, used as the Spectral document source (base for relative `$ref`s). */
  absolutePath: string;
  document: Document<unknown, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- YAML and JSON parser results differ
  /** The text that was parsed (byte-order mark removed), for a lint in a worker thread to parse again. */
  content: string;
  /** Parsed as JSON (else YAML). */
  isJson: boolean;
}

/**
 * Parses a read input with Spectral's parsers and checks that it is an OpenAPI document. Spectral's parsers are
 * quadratic in the number of keys of one mapping (their duplicate-key check), so under the per-document time limit
 * this runs only in the worker thread (src/engine/isolate.ts).
 */
export function parseInput(read: ReadInput): LoadedDocument | InputError {
  const { source, absolutePath, content, isJson } = read;
  const parser = isJson ? Json : Yaml;
  const document = new Document(content, parser as typeof Yaml, absolutePath);
  const syntaxError = document.diagnostics.find((d) => d.severity === 0 && !/duplicate key/i.test(d.message));
  if (syntaxError) {
    return {
      source,
      message: `invalid ${parser === Json ? 'JSON' : 'YAML'}: ${syntaxError.message}`,
      line: syntaxError.range.start.line + 1,
      column: syntaxError.range.start.character + 1,
    };
  }
  const data = document.data as unknown;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { source, message: 'not an OpenAPI document (the top level is not a mapping)' };
  }
  const proto = isJson && !mayHaveProtoKey(content) ? undefined : protoKeyPath(data);
  if (proto) {
    return {
      source,
      message: `has a key named "__proto__" in ${pointerOf(proto)}; finlint refuses it (the parser would turn it into the object's prototype and hide its contents from every rule)`,
    };
  }
  const { openapi, swagger } = data as Record<string, unknown>;
  if (swagger !== undefined) {
    if (String(swagger) !== '2.0') return { source, message: `unsupported Swagger version ${String(swagger)} (finlint reads 2.0, 3.0 and 3.1)` };
  } else if (openapi !== undefined) {
    if (typeof openapi !== 'string' || !/^3\.[01]\.\d+/.test(openapi)) {
      return { source, message: `unsupported OpenAPI version ${String(openapi)} (finlint reads 2.0, 3.0 and 3.1)` };
    }
  } else {
    return { source, message: 'not an OpenAPI document (no "openapi" or "swagger" field)' };
  }
  return { source, absolutePath, document, content, isJson };
}

/**
 * Whether a JSON text could hold a `__proto__` key. A key decodes to `__proto__` only if the text spells it out or
 * escapes one of its characters (`\u005f`, `\u0070`, `\u0072`, `\u006f`, `\u0074`; JSON has no other escape that
 * yields them), so a text with neither cannot: the walk below (~0.2 s on GitHub's 13 MB) is skipped for it. YAML,
 * with line folding and more escape forms, is always walked.
 */
function mayHaveProtoKey(json: string): boolean {
  return json.includes('__proto__') || /\\u00(?:5f|70|72|6f|74)/i.test(json);
}

/**
 * The path of the first mapping that has a `__proto__` key (however it is spelled in the text: JSON and YAML escapes
 * decode to the same key), or undefined. Spectral's parsers assign keys to plain objects, so such a key replaces the
 * object's prototype (or is dropped) and later crashes Spectral; it is refused up front. One pass over the data that
 * keeps a parent link per node and builds a path only for the node it reports (a path per node made clean
 * documents slow).
 */
function protoKeyPath(data: object): (string | number)[] | undefined {
  const seen = new Set<object>();
  const nodes: object[] = [data];
  const parents: number[] = [-1];
  const keys: (string | number)[] = [''];
  const stack: number[] = [0];
  const push = (value: unknown, parent: number, key: string | number) => {
    if (typeof value !== 'object' || value === null) return;
    nodes.push(value);
    parents.push(parent);
    keys.push(key);
    stack.push(nodes.length - 1);
  };
  const pathOf = (i: number): (string | number)[] => {
    const at: (string | number)[] = [];
    for (let j = i; j > 0; j = parents[j]) at.unshift(keys[j]);
    return at;
  };
  while (stack.length > 0) {
    const i = stack.pop()!;
    const node = nodes[i];
    if (seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let j = node.length - 1; j >= 0; j--) push(node[j], i, j);
      continue;
    }
    const proto = Object.getPrototypeOf(node) as unknown;
    const own = Reflect.ownKeys(node);
    if ((proto !== Object.prototype && proto !== null) || own.includes('__proto__')) return pathOf(i);
    for (let j = own.length - 1; j >= 0; j--) {
      const k = own[j];
      if (typeof k === 'string') push((node as Record<string, unknown>)[k], i, k);
    }
  }
  return undefined;
}

function pointerOf(at: (string | number)[]): string {
  return at.length === 0 ? '/' : at.map((k) => `/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Parses a file a finding points into (a `$ref` target already read by the resolver); undefined if unreadable. */
export function parseRefTarget(absolutePath: string): unknown {
  try {
    return parseRefText(absolutePath, readFileSync(absolutePath, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Parses the text of a `$ref` target (a file, or a remote document the resolver fetched) the way Spectral did. */
export function parseRefText(source: string, text: string): unknown {
  const content = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parser = isJsonSource(source, content) ? Json : Yaml;
  return new Document(content, parser as typeof Yaml, source).data;
}
