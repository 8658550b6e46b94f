import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { findConfig, type LoadedConfig } from '../config/load.js';
import { ConfigError } from '../config/validate.js';
import { loadWaivers, WAIVERS_FILE_NAME } from '../config/waivers.js';
import { lintProject } from '../engine/project.js';
import type { Finding } from '../engine/types.js';
import type { ConfigProblem, LintRequest, LintResponse } from './protocol.js';

const MAX_REF_FILES = 500;
const MAX_REF_BYTES = 50 * 1024 * 1024;
const REF_PATTERN = /["']?\$ref["']?\s*:\s*["']?([^"'#\s,}\]]*)/g;
const GLOB_CHARS = /[*?[\]{}!]/;

/** The name the CLI reports a file under when run from `cwd`: relative inside it, absolute outside. */
export function sourceName(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

/** File parts of the `$ref`s in a text (cheap: a scan of the text, no parse), as absolute paths. */
export function refFilesIn(text: string, file: string): string[] {
  const out = new Set<string>();
  if (!text.includes('$ref')) return [];
  for (const m of text.matchAll(REF_PATTERN)) {
    const target = m[1];
    if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // local (#...) or a URL
    let decoded = target;
    try {
      decoded = decodeURIComponent(target);
    } catch {
      // keep it as written
    }
    out.add(path.resolve(path.dirname(file), decoded));
  }
  return [...out];
}

/** Every file a document `$ref`s, directly or through the files it refers to (read from disk). */
export async function collectRefFiles(text: string, file: string): Promise<string[]> {
  const seen = new Set<string>([file]);
  const found: string[] = [];
  let frontier = refFilesIn(text, file);
  while (frontier.length > 0 && found.length < MAX_REF_FILES) {
    const next: string[] = [];
    for (const f of frontier) {
      if (seen.has(f) || found.length >= MAX_REF_FILES) continue;
      seen.add(f);
      found.push(f);
      try {
        const stat = await fs.stat(f);
        if (!stat.isFile() || stat.size > MAX_REF_BYTES) continue;
        next.push(...refFilesIn(await fs.readFile(f, 'utf8'), f));
      } catch {
        // missing now; watched all the same, so that creating it re-lints the document
      }
    }
    frontier = next;
  }
  return found;
}

function waiversFileOf(config: LoadedConfig | undefined, cwd: string): string {
  if (!config) return path.join(cwd, WAIVERS_FILE_NAME);
  return config.config.waivers ? path.resolve(config.dir, config.config.waivers) : path.join(config.dir, WAIVERS_FILE_NAME);
}

function localExtends(config: LoadedConfig): string[] {
  const entries = config.config.extends === undefined ? [] : Array.isArray(config.config.extends) ? config.config.extends : [config.config.extends];
  const out: string[] = [];
  for (const e of entries) {
    const spec = Array.isArray(e) ? e[0] : e;
    if (typeof spec !== 'string') continue;
    if (spec.startsWith('./') || spec.startsWith('../') || path.isAbsolute(spec)) out.push(path.resolve(config.dir, spec));
  }
  return out;
}

/**
 * A lint of one document cannot tell whether a waiver whose `file` is a glob is stale: the files it also names are
 * not in the run. CI lints them together, so such `waiver-stale` findings are left out here (the others, and every
 * `waiver-expired`, are judged exactly as in CI).
 */
async function dropUnjudgeableStaleWaivers(findings: Finding[], waiversFile: string, cwd: string): Promise<Finding[]> {
  const stale = findings.filter((f) => f.code === 'waiver-stale' && f.path[0] === 'waivers' && path.resolve(cwd, f.source) === waiversFile);
  if (stale.length === 0) return findings;
  let globbed: Set<number>;
  try {
    const set = await loadWaivers(waiversFile, cwd);
    globbed = new Set(set.waivers.flatMap((w, i) => (GLOB_CHARS.test(w.file) ? [i] : [])));
  } catch {
    return findings;
  }
  return findings.filter((f) => !stale.includes(f) || !globbed.has(Number(f.path[1])));
}

function problemsOf(e: ConfigError, cwd: string): ConfigProblem[] {
  return e.issues.map((i) => ({
    file: path.resolve(cwd, i.file),
    message: `${i.key ? `${i.key}: ` : ''}${i.message}`,
    line: Math.max(0, (i.line ?? 1) - 1),
    character: Math.max(0, (i.column ?? 1) - 1),
  }));
}

/**
 * Lints one document exactly as `finlint lint <file>` run from `cwd` would: the nearest configuration (or the one
 * given), its rules, overrides, waivers and fail severity, inline ignores, and the baseline. The text is the
 * editor's, which need not be saved; files it `$ref`s are read from disk, as in CI.
 */
export async function lintDocument(req: LintRequest): Promise<LintResponse> {
  const started = performance.now();
  const cwd = path.resolve(req.cwd);
  const configFile = req.configFile ?? findConfig(path.dirname(req.file));
  const baseline = req.baselineFile && existsSync(req.baselineFile) ? req.baselineFile : undefined;
  try {
    const [result, refs] = await Promise.all([
      lintProject([{ source: sourceName(req.file, cwd), content: req.text }], {
        cwd,
        config: configFile ?? false,
        baseline,
        root: req.root,
        failSeverity: req.failSeverity,
      }),
      collectRefFiles(req.text, req.file),
    ]);
    const group = result.groups[0];
    const config = group?.config;
    const waiversFile = waiversFileOf(config, cwd);
    const settingsFiles = [waiversFile, ...(config ? [config.file, ...localExtends(config)] : []), ...(baseline ? [baseline] : [])];
    const settingsDirs = config?.config.functionsDir ? [path.resolve(config.dir, config.config.functionsDir)] : [];
    return {
      kind: 'report',
      findings: await dropUnjudgeableStaleWaivers(result.report.findings, waiversFile, cwd),
      inputErrors: result.report.inputErrors,
      ruleInfo: result.report.ruleInfo ?? {},
      failSeverity: group?.failSeverity ?? req.failSeverity ?? 'error',
      ...(config ? { configFile: config.file } : {}),
      waiversFile,
      settingsFiles,
      settingsDirs,
      refs,
      elapsedMs: Math.round(performance.now() - started),
    };
  } catch (e) {
    if (e instanceof ConfigError) return { kind: 'config-error', problems: problemsOf(e, cwd) };
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    if (/Cannot find (package|module) 'esbuild'/.test(message)) {
      return {
        kind: 'error',
        message: `${message}. The configuration's functionsDir needs esbuild, which the server bundled with the editor extension does not include: install finlint in the workspace (npm install --save-dev finlint) and the extension uses that one.`,
      };
    }
    return { kind: 'error', message };
  }
}
