import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import type { Ruleset, RulesetDefinition } from '@stoplight/spectral-core';
import { isPresetName, type PresetName } from '../../rulesets/presetNames.js';
import { documentationUrlFor } from '../../rulesets/define.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { loadWaivers, WAIVERS_FILE_NAME, type WaiverSet } from '../config/waivers.js';
import { baselineKey, loadBaseline, subtractKnown, type LoadedBaseline } from './baseline.js';
import { ENGINE_CODES, engineDocsUrl, engineFinding, engineRuleInfo, isEngineCode } from './diagnostics.js';
import { fingerprintOf, toPointer, type WalkedPath } from './fingerprint.js';
import { readAtRef } from './git.js';
import { ignoreKey, IGNORE_KEY, inlineSuppression } from './inlineIgnore.js';
import { expandInputs, readInput, type LintInput, type ReadInput } from './loader.js';
import { describeInWorker, lintInWorker, prewarmLintWorker, TimeLimitExceeded, workerAvailable, WorkerFailed } from './isolate.js';
import { resolveLimits, type Limits } from './limits.js';
import type { RefPolicy } from './resolver.js';
import type { RulesetSummary } from './rulesetSummary.js';
import type { RulesetRecipe, RunResult, SpectralOutcome } from './spectralRun.js';
import type { DocumentFacts, IgnoreSite } from './walk.js';
import { applyWaivers } from './waivers.js';
import {
  SEVERITY_NAMES,
  severityNumber,
  type Finding,
  type InputError,
  type Report,
  type RuleInfo,
  type SeverityName,
  type SeverityNumber,
} from './types.js';

export interface LintOptions {
  /** Working directory for relative inputs and globs. Defaults to the process's. */
  cwd?: string;
  /** `recommended` (default) or `all`. Ignored when `ruleset` is given; replaces the configuration's ruleset. */
  preset?: PresetName;
  /** A Spectral ruleset: a file path (YAML/JSON/JS, may `extends: finlint`), a definition object or a Ruleset. */
  ruleset?: string | RulesetDefinition | Ruleset;
  /**
   * A finlint configuration (finlint.config.yaml): a file path or the result of `loadConfig`. It gives the ruleset
   * (unless `ruleset` or `preset` is given) and the waivers file (unless `waivers` is given).
   */
  config?: string | LoadedConfig;
  /** Directory file `$ref`s may not leave. Defaults to the directory of each linted document. */
  root?: string;
  /** Fetch remote `$ref`s: `true`, or a list of allowed hosts. Off by default. */
  allowRemoteRefs?: boolean | readonly string[];
  /** Honour `x-finlint-ignore` in documents (default true). */
  inlineIgnores?: boolean;
  /**
   * A waivers file (path or `loadWaivers` result), or false for none. By default: the configuration's `waivers`, or
   * finlint.waivers.yaml next to the configuration file when it exists.
   */
  waivers?: string | WaiverSet | false;
  /** Report only findings that are not in this baseline (path or `loadBaseline` result). */
  baseline?: string | LoadedBaseline;
  /** Report only findings that are new relative to the same file at this git ref. */
  changedSince?: string;
  /** Today, for waiver expiry (default: now). */
  now?: Date;
  /**
   * Resource limits (docs/limits.md); each one left out keeps its default (DEFAULT_LIMITS). The time limit is
   * enforced by linting each document in a worker thread; with a ruleset object or `Ruleset` instance (which
   * cannot be rebuilt in another thread) documents are linted in-process and the time limit is not enforced.
   */
  limits?: Partial<Limits>;
  /**
   * How many documents are linted at the same time, each in its own worker thread (default: one less than the number
   * of CPUs the process may use, at least 1 and at most the number of documents: this thread reads and checks the
   * documents and builds the report, and V8's garbage collector runs threads of its own). Only with the time limit
   * on (the default); the report is the same whatever the value.
   */
  jobs?: number;
}

/** How a report names the rules it ran: the ruleset file, `custom`, the configuration or the preset. */
function rulesetLabel(options: LintOptions, config: LoadedConfig | undefined): string {
  const given = options.ruleset;
  if (typeof given === 'string') return given;
  if (given !== undefined) return 'custom';
  if (options.preset === undefined && config) return config.displayName;
  return options.preset ?? 'recommended';
}

/**
 * How a worker thread builds the same ruleset as resolveRuleset (the per-document time limit); undefined for a
 * ruleset object or `Ruleset`, which cannot be rebuilt elsewhere.
 */
function recipeOf(options: LintOptions, cwd: string, config: LoadedConfig | undefined): RulesetRecipe | undefined {
  const given = options.ruleset;
  if (typeof given === 'string') return { kind: 'file', file: given, cwd };
  if (given !== undefined) return undefined;
  if (options.preset === undefined && config) return existsSync(config.file) ? { kind: 'config', file: config.file, cwd } : undefined;
  const preset = options.preset ?? 'recommended';
  return isPresetName(preset) ? { kind: 'preset', name: preset } : undefined;
}

/**
 * The ruleset's summary, and the Ruleset itself when this thread lints. Under the time limit (`worker` given) the
 * worker builds the ruleset and describes it, so this thread never loads Spectral or the rules; in-process, or when
 * the worker could not build it (to throw the real error, such as a ConfigError), it is built here.
 */
async function rulesetOrSummary(
  worker: { recipe: RulesetRecipe; generation: string } | undefined,
  options: LintOptions,
  cwd: string,
  config: LoadedConfig | undefined,
): Promise<{ ruleset?: Ruleset; summary: RulesetSummary }> {
  const summary = worker ? await describeInWorker(worker).catch(() => undefined) : undefined;
  if (summary) return { summary };
  return (await import('./rulesetResolve.js')).resolveRuleset(options, cwd, config);
}

/** Which document was linted: as given, and its absolute path. */
interface DocumentIdentity {
  source: string;
  absolutePath: string;
}

function displaySource(absolute: string | undefined, doc: DocumentIdentity, cwd: string): string {
  if (absolute === undefined || absolute === doc.absolutePath) return doc.source;
  const rel = path.relative(cwd, absolute);
  return rel.startsWith('..') || path.isAbsolute(rel) ? absolute : rel;
}

interface Mapped {
  finding: Finding;
  /** Key of the inline ignore that suppressed it. */
  ignoreKey?: string;
}

function toFinding(
  result: RunResult,
  summary: RulesetSummary,
  doc: DocumentIdentity,
  cwd: string,
  walked: WalkedPath,
  inline: boolean,
): Mapped {
  const code = String(result.code);
  const rule = summary.rules[code];
  const source = displaySource(result.source, doc, cwd);
  const finding: Finding = {
    code,
    message: result.message,
    severity: result.severity as SeverityNumber,
    path: walked.path,
    range: {
      start: { line: result.range.start.line, character: result.range.start.character },
      end: { line: result.range.end.line, character: result.range.end.character },
    },
    source,
    controls: [...(rule?.controls ?? [])],
    documentationUrl:
      rule?.documentationUrl ?? (code.startsWith('fin-') ? documentationUrlFor(code) : isEngineCode(code) ? engineDocsUrl(code) : ''),
    howToFix: rule?.howToFix ?? ENGINE_CODES[code]?.howToFix ?? '',
    fingerprint: fingerprintOf(code, walked.identity),
  };
  if (!inline) return { finding };
  const hit = inlineSuppression(code, walked, source);
  if (!hit) return { finding };
  finding.suppression = hit.suppression;
  return { finding, ignoreKey: `${result.source ?? doc.absolutePath}\u0000${hit.key}` };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

function ruleInfoOf(summary: RulesetSummary): Record<string, RuleInfo> {
  const info: Record<string, RuleInfo> = {};
  for (const [id, rule] of Object.entries(summary.rules)) {
    if (!rule.enabled) continue;
    info[id] = {
      id,
      description: rule.description,
      severity: Math.min(3, Math.max(0, rule.severity)) as SeverityNumber,
      documentationUrl: rule.documentationUrl ?? (id.startsWith('fin-') ? documentationUrlFor(id) : ''),
      controls: [...rule.controls],
      howToFix: rule.howToFix ?? '',
      ...(rule.category ? { category: rule.category } : {}),
    };
  }
  return info;
}

/** Problems with inline ignores in one linted document: malformed, without reason, or suppressing nothing. */
function inlineProblems(
  doc: DocumentIdentity,
  ignores: readonly IgnoreSite[],
  used: ReadonlySet<string>,
  active: ReadonlySet<string>,
  known: ReadonlySet<string>,
): Finding[] {
  const out: Finding[] = [];
  for (const ig of ignores) {
    const at = [...ig.path, IGNORE_KEY];
    const { range } = ig;
    const where = toPointer(ig.path) || '/';
    const problem = (code: 'waiver-invalid' | 'waiver-stale', message: string, extra: string) => ({
      ...engineFinding(code, message, doc.source, at, range.start, range.end),
      fingerprint: fingerprintOf(code, [...ig.path.map(String), extra]),
    });
    if (!ig.rules) {
      out.push(problem('waiver-invalid', `${IGNORE_KEY} at ${where} must be a rule id or a list of rule ids.`, 'shape'));
      continue;
    }
    if (!ig.reason) {
      out.push(problem('waiver-invalid', `${IGNORE_KEY} at ${where} gives no x-finlint-ignore-reason; say why the exception is acceptable.`, 'reason'));
    }
    for (const rule of ig.rules) {
      if (used.has(`${doc.absolutePath}\u0000${ignoreKey(ig.path, rule)}`)) continue;
      if (!known.has(rule)) out.push(problem('waiver-stale', `${IGNORE_KEY} at ${where} names ${rule}, which is not a rule.`, rule));
      else if (active.has(rule)) out.push(problem('waiver-stale', `${IGNORE_KEY} at ${where} names ${rule}, which reports nothing here; remove it.`, rule));
    }
  }
  return out;
}

async function resolveWaivers(options: LintOptions, cwd: string, config: LoadedConfig | undefined): Promise<WaiverSet | undefined> {
  const w = options.waivers;
  if (w === false) return undefined;
  if (typeof w === 'string') return loadWaivers(w, cwd);
  if (w !== undefined) return w;
  if (!config) return undefined;
  if (config.config.waivers) return loadWaivers(path.resolve(config.dir, config.config.waivers), cwd);
  const next = path.join(config.dir, WAIVERS_FILE_NAME);
  return existsSync(next) ? loadWaivers(next, cwd) : undefined;
}

/** Runs `task` over `items` with at most `limit` running at once; results in input order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/**
 * Lints OpenAPI documents. Never prints and never exits: inputs that cannot be linted are returned as
 * `inputErrors`, every other input is still linted. Configuration, waivers and baseline problems throw
 * ConfigError; `changedSince` problems throw GitError.
 */
export async function lint(inputs: readonly LintInput[], options: LintOptions = {}): Promise<Report> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const config = typeof options.config === 'string' ? await loadConfig(options.config, cwd) : options.config;
  const limits = resolveLimits(options.limits);
  const recipe = recipeOf(options, cwd, config);
  const isolated = limits.timeoutMs > 0 && recipe !== undefined && workerAvailable();
  const generation = `${process.pid}:${Date.now()}:${Math.random()}`;
  // The workers load Spectral and build the ruleset while this thread reads the configuration and the inputs.
  const defaultJobs = Math.max(1, availableParallelism() - 1);
  if (isolated) prewarmLintWorker(recipe, generation, Math.max(1, Math.min(options.jobs ?? defaultJobs, inputs.length)));
  const { ruleset, summary } = await rulesetOrSummary(isolated ? { recipe: recipe!, generation } : undefined, options, cwd, config);
  const label = rulesetLabel(options, config);
  const waiverSet = await resolveWaivers(options, cwd, config);
  const baseline = typeof options.baseline === 'string' ? await loadBaseline(options.baseline, cwd) : options.baseline;
  const inline = options.inlineIgnores !== false;
  const ruleInfo = ruleInfoOf(summary);
  const active = new Set(Object.keys(ruleInfo));
  const known = new Set([...Object.keys(summary.rules), ...summary.finlintRules, ...Object.keys(ENGINE_CODES)]);

  const { items, errors: inputErrors } = await expandInputs(inputs, cwd);
  let findings: Finding[] = [];
  const files: string[] = [];
  const lintedAbsolute: string[] = [];
  const knownAtRef: string[] = [];

  /**
   * Parses and lints one read input. Under the time limit the worker parses and lints first; the main thread parses
   * only once the worker has finished (Spectral's parsers can be slow on hostile input, and the worker is the only
   * place they can be stopped), then maps Spectral's results to findings exactly as an in-process run does.
   */
  const run = async (read: ReadInput, withInline: boolean): Promise<{ doc: DocumentIdentity; mapped: Mapped[]; ignores: IgnoreSite[] } | InputError> => {
    const policy: RefPolicy = {
      root: options.root ? path.resolve(cwd, options.root) : path.dirname(read.absolutePath),
      allowRemoteRefs: options.allowRemoteRefs,
      limits,
    };
    let outcome: SpectralOutcome;
    let facts: DocumentFacts;
    if (isolated) {
      const reply = await lintInWorker({ recipe: recipe!, generation, read, policy }, limits.timeoutMs);
      if ('message' in reply) return reply;
      ({ facts, ...outcome } = reply);
    } else {
      const [{ parseInput }, { runSpectral }, { documentFacts }] = await Promise.all([import('./parse.js'), import('./spectralRun.js'), import('./walk.js')]);
      const loaded = parseInput(read);
      if (!('document' in loaded)) return loaded;
      outcome = await runSpectral(ruleset!, loaded.document, policy);
      facts = documentFacts(loaded, outcome);
    }
    const doc: DocumentIdentity = { source: read.source, absolutePath: read.absolutePath };
    return { doc, ignores: facts.ignores, mapped: outcome.results.map((r, i) => toFinding(r, summary, doc, cwd, facts.walks[i], withInline)) };
  };
  const lintFailure = (source: string, e: unknown): InputError => ({
    source,
    message: e instanceof TimeLimitExceeded || e instanceof WorkerFailed ? e.message : `lint failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
  });

  /** Lints one input: its findings (inline-ignore problems included) and, with changedSince, the known keys. */
  const lintItem = async (item: LintInput): Promise<InputError | { loaded: DocumentIdentity; findings: Finding[]; knownAtRef: string[] }> => {
    const read = await readInput(item, cwd, limits);
    if (!('content' in read)) return read;
    let done: Awaited<ReturnType<typeof run>>;
    try {
      done = await run(read, inline);
    } catch (e) {
      done = lintFailure(read.source, e);
    }
    if (!('doc' in done)) return done;
    const { doc: loaded, mapped } = done;
    const own = mapped.map((m) => m.finding);
    if (inline) {
      const used = new Set(mapped.flatMap((m) => (m.ignoreKey ? [m.ignoreKey] : [])));
      own.push(...inlineProblems(loaded, done.ignores, used, active, known));
    }
    const seenAtRef: string[] = [];
    if (options.changedSince !== undefined) {
      const old = await readAtRef(loaded.absolutePath, options.changedSince);
      const oldRead = old === undefined ? undefined : await readInput({ source: loaded.source, content: old }, cwd, limits);
      if (oldRead !== undefined && 'content' in oldRead) {
        try {
          const oldDone = await run(oldRead, false);
          if ('doc' in oldDone) for (const m of oldDone.mapped) seenAtRef.push(`${m.finding.source}\u0000${m.finding.fingerprint}`);
        } catch {
          // the old version could not be linted: everything in the current one counts as new
        }
      }
    }
    return { loaded, findings: own, knownAtRef: seenAtRef };
  };

  // Documents are linted concurrently (each in its own worker) and merged in input order, so the report is the same
  // as a sequential run's.
  const jobs = isolated ? Math.max(1, Math.min(options.jobs ?? defaultJobs, items.length)) : 1;
  const outcomes = await mapConcurrently(items, jobs, lintItem);
  for (const done of outcomes) {
    if (!('loaded' in done)) {
      inputErrors.push(done);
      continue;
    }
    files.push(done.loaded.source);
    lintedAbsolute.push(done.loaded.absolutePath);
    for (const f of done.findings) findings.push(f);
    knownAtRef.push(...done.knownAtRef);
  }

  let waiversUsed: string[] | undefined;
  if (waiverSet) {
    const outcome = applyWaivers(findings, waiverSet, { cwd, now: options.now ?? new Date(), activeRules: active, knownRules: known, lintedFiles: lintedAbsolute });
    findings = [...outcome.findings, ...outcome.problems];
    waiversUsed = outcome.used;
  }
  const filtered: Report['filtered'] = {};
  if (options.changedSince !== undefined) {
    const r = subtractKnown(findings, knownAtRef, (f) => `${f.source}\u0000${f.fingerprint}`);
    findings = r.kept;
    filtered.changedSince = r.removed;
  }
  if (baseline) {
    const r = subtractKnown(
      findings,
      baseline.findings.map((e) => `${e.source}\u0000${e.fingerprint}`),
      (f) => baselineKey(f, cwd, baseline.dir),
    );
    findings = r.kept;
    filtered.baseline = r.removed;
  }
  for (const f of findings) if (!ruleInfo[f.code] && isEngineCode(f.code)) ruleInfo[f.code] = engineRuleInfo(f.code);
  findings.sort(compareFindings);
  const report: Report = {
    findings,
    inputErrors,
    files,
    preset: label,
    rules: active.size,
    ruleInfo,
  };
  if (Object.keys(filtered).length > 0) report.filtered = filtered;
  if (config) report.configs = [config.displayName];
  if (waiversUsed) report.waiversUsed = waiversUsed;
  return report;
}

/**
 * Whether a report fails at the given severity: any finding at or above it (`none` never fails). Waived findings
 * never count.
 */
export function failsAt(report: Report, failSeverity: SeverityName | 'none'): boolean {
  if (failSeverity === 'none') return false;
  const threshold = severityNumber(failSeverity);
  return report.findings.some((f) => f.severity <= threshold && f.suppression === undefined);
}

export { SEVERITY_NAMES };
