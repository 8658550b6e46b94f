import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { checkLimits, decodeText, DEFAULT_LIMITS, type Limits } from './limits.js';
import type { InputError } from './types.js';

export type LintInput = string | { source: string; content: string };

/** Expands globs (in order, without duplicates); a pattern that matches nothing is an input error. */
export async function expandInputs(
  inputs: readonly LintInput[],
  cwd: string,
): Promise<{ items: LintInput[]; errors: InputError[] }> {
  const items: LintInput[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    // A file that exists is linted as named, even when its name looks like a glob (`Orders-API-(v1).json`).
    if (typeof input !== 'string' || !isDynamicPattern(input) || existsSync(path.resolve(cwd, input))) {
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

export function isJsonSource(source: string, content: string): boolean {
  if (/\.json$/i.test(source)) return true;
  if (/\.ya?ml$/i.test(source)) return false;
  return content.trimStart().startsWith('{');
}

/** An input read, decoded and checked against the limits, not parsed yet. */
export interface ReadInput {
  source: string;
  absolutePath: string;
  /** The text (byte-order mark removed). */
  content: string;
  isJson: boolean;
}

/**
 * Reads one input and checks it before any parser sees it: size, encoding, emptiness and the depth and alias limits.
 * Everything here is linear in the file size. Returns the text or one clear input error.
 */
export async function readInput(
  input: LintInput,
  cwd: string,
  limits: Pick<Limits, 'maxFileBytes' | 'maxDepth' | 'maxAliases'> = DEFAULT_LIMITS,
): Promise<ReadInput | InputError> {
  const maxBytes = limits.maxFileBytes;
  const source = typeof input === 'string' ? input : input.source;
  const absolutePath = path.resolve(cwd, source);
  let content: string;
  if (typeof input === 'string') {
    let buf: Buffer;
    try {
      const stat = await fs.stat(absolutePath);
      if (stat.isDirectory()) return { source, message: 'is a directory (give files or a glob such as dir/**/*.yaml)' };
      if (!stat.isFile()) return { source, message: 'is not a regular file' };
      if (stat.size > maxBytes) return { source, message: `file is larger than the ${maxBytes}-byte limit` };
      buf = await fs.readFile(absolutePath);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : `cannot read file (${code ?? String(e)})`;
      return { source, message: reason };
    }
    if (buf.byteLength > maxBytes) return { source, message: `file is larger than the ${maxBytes}-byte limit` };
    const decoded = decodeText(buf);
    if ('reason' in decoded) return { source, message: decoded.reason };
    content = decoded.text;
  } else {
    content = input.content;
    if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  }
  if (content.trim() === '') return { source, message: 'file is empty' };
  if (content.includes('\u0000')) return { source, message: 'file is binary, not YAML or JSON' };

  const isJson = isJsonSource(source, content);
  const overLimit = checkLimits(content, isJson, limits);
  if (overLimit) return { source, message: overLimit };
  return { source, absolutePath, content, isJson };
}
