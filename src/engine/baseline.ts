import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { displayPath } from '../config/load.js';
import { configIssue } from '../config/validate.js';
import { toPointer } from './fingerprint.js';
import type { Finding } from './types.js';

/** Default file name of `finlint baseline create`. */
export const BASELINE_FILE_NAME = 'finlint.baseline.json';

export interface BaselineEntry {
  fingerprint: string;
  code: string;
  /** The finding's file, relative to the baseline file, with `/` separators. */
  source: string;
  /** JSON pointer of the finding, for people reading the file (matching uses the fingerprint). */
  pointer: string;
  message: string;
}

export interface BaselineFile {
  version: 1;
  tool: 'finlint';
  findings: BaselineEntry[];
}

export interface LoadedBaseline {
  file: string;
  dir: string;
  findings: BaselineEntry[];
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Findings a baseline or `--changed-since` may hide: not waived, and not about waivers. */
export function isFilterable(f: Finding): boolean {
  return f.suppression === undefined && !f.code.startsWith('waiver-');
}

export function baselineKey(f: Finding, cwd: string, baseDir: string): string {
  return `${toPosix(path.relative(baseDir, path.resolve(cwd, f.source)))}\u0000${f.fingerprint ?? ''}`;
}

/** Today's findings as a baseline, stored relative to the baseline file's directory. Sorted, so it diffs well. */
export function createBaseline(findings: readonly Finding[], opts: { cwd: string; file: string }): BaselineFile {
  const baseDir = path.dirname(path.resolve(opts.cwd, opts.file));
  const entries = findings.filter(isFilterable).map((f) => ({
    fingerprint: f.fingerprint ?? '',
    code: f.code,
    source: toPosix(path.relative(baseDir, path.resolve(opts.cwd, f.source))),
    pointer: toPointer(f.path),
    message: f.message,
  }));
  entries.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
  return { version: 1, tool: 'finlint', findings: entries };
}

/** Reads a baseline file written by `finlint baseline create`. Throws ConfigError when it is not one. */
export async function loadBaseline(file: string, cwd = process.cwd()): Promise<LoadedBaseline> {
  const absolute = path.resolve(cwd, file);
  const name = displayPath(absolute, cwd);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(absolute, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw configIssue(name, '', code === 'ENOENT' ? 'baseline file not found (create it with finlint baseline create)' : `not a finlint baseline: ${e instanceof Error ? e.message : String(e)}`);
  }
  const d = data as Partial<BaselineFile> | null;
  if (!d || typeof d !== 'object' || d.version !== 1 || !Array.isArray(d.findings)) {
    throw configIssue(name, '', 'not a finlint baseline (expected {"version": 1, "findings": [...]}, written by finlint baseline create)');
  }
  d.findings.forEach((e, i) => {
    if (!e || typeof e.fingerprint !== 'string' || typeof e.source !== 'string' || typeof e.code !== 'string') {
      throw configIssue(name, `findings[${i}]`, 'needs fingerprint, code and source strings');
    }
  });
  return { file: absolute, dir: path.dirname(absolute), findings: d.findings };
}

/**
 * Removes findings that an earlier set already had: each earlier key hides at most one current finding with the
 * same key (file + fingerprint), so a second occurrence of a known problem is still reported.
 */
export function subtractKnown(findings: readonly Finding[], known: Iterable<string>, keyOf: (f: Finding) => string): { kept: Finding[]; removed: number } {
  const counts = new Map<string, number>();
  for (const k of known) counts.set(k, (counts.get(k) ?? 0) + 1);
  const kept: Finding[] = [];
  let removed = 0;
  for (const f of findings) {
    if (!isFilterable(f)) {
      kept.push(f);
      continue;
    }
    const k = keyOf(f);
    const n = counts.get(k) ?? 0;
    if (n > 0) {
      counts.set(k, n - 1);
      removed++;
    } else kept.push(f);
  }
  return { kept, removed };
}
