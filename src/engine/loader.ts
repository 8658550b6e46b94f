import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Document } from '@stoplight/spectral-core';
import parsers from '@stoplight/spectral-parsers';
import { glob, isDynamicPattern } from 'tinyglobby';
import { checkLimits, DEFAULT_LIMITS, type Limits } from './limits.js';
import type { InputError } from './types.js';

// spectral-parsers is CommonJS with re-exports Node cannot see as named ESM exports.
const { Json, Yaml } = parsers;

export type LintInput = string | { source: string; content: string };

export interface LoadedDocument {
  /** As given by the caller. */
  source: string;
  /** Absolute path, used as the Spectral document source (base for relative `$ref`s). */
  absolutePath: string;
  document: Document<unknown, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- YAML and JSON parser results differ
}


/** Expands globs (in order, without duplicates); a pattern that matches nothing is an input error. */
export async function expandInputs(
  inputs: readonly LintInput[],
  cwd: string,
): Promise<{ items: LintInput[]; errors: InputError[] }> {
  const items: LintInput[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    if (typeof input !== 'string' || !isDynamicPattern(input)) {
      items.push(input);
      continue;
    }
    const matches = (await glob(input, { cwd, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] })).sort();
    if (matches.length === 0) errors.push({ source: input, message: 'no files match this pattern' });
    for (const m of matches) {
      if (!seen.has(m)) {
        seen.add(m);
        items.push(m);
      }
    }
  }
  return { items, errors };
}

function isJsonSource(source: string, content: string): boolean {
  if (/\.json$/i.test(source)) return true;
  if (/\.ya?ml$/i.test(source)) return false;
  return content.trimStart().startsWith('{');
}

/** Reads, parses and checks one input. Returns the document or one clear input error. */
export async function loadInput(
  input: LintInput,
  cwd: string,
  limits: Limits = DEFAULT_LIMITS,
): Promise<LoadedDocument | InputError> {
  const maxBytes = limits.maxFileBytes;
  const source = typeof input === 'string' ? input : input.source;
  const absolutePath = path.resolve(cwd, source);
  let content: string;
  if (typeof input === 'string') {
    try {
      const stat = await fs.stat(absolutePath);
      if (stat.isDirectory()) return { source, message: 'is a directory (give files or a glob such as dir/**/*.yaml)' };
      if (stat.size > maxBytes) return { source, message: `file is larger than the ${maxBytes}-byte limit` };
      content = await fs.readFile(absolutePath, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : `cannot read file (${code ?? String(e)})`;
      return { source, message: reason };
    }
  } else {
    content = input.content;
  }
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  if (content.trim() === '') return { source, message: 'file is empty' };
  if (content.includes('\u0000')) return { source, message: 'file is binary, not YAML or JSON' };

  const isJson = isJsonSource(source, content);
  const overLimit = checkLimits(content, isJson, limits);
  if (overLimit) return { source, message: overLimit };
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
  return { source, absolutePath, document };
}

/** Parses a file a finding points into (a `$ref` target already read by the resolver); undefined if unreadable. */
export function parseRefTarget(absolutePath: string): unknown {
  try {
    const content = readFileSync(absolutePath, 'utf8');
    const parser = isJsonSource(absolutePath, content) ? Json : Yaml;
    return new Document(content, parser as typeof Yaml, absolutePath).data;
  } catch {
    return undefined;
  }
}
