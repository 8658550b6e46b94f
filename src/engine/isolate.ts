import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ReadInput } from './loader.js';
import type { RefPolicy } from './resolver.js';
import type { PresetName } from '../../rulesets/presetNames.js';
import type { RulesetSummary } from './rulesetSummary.js';
import type { RulesetRecipe, RunResult, SpectralOutcome } from './spectralRun.js';
import type { InputError } from './types.js';
import type { DocumentFacts } from './walk.js';

/**
 * The per-document time limit. Spectral evaluates rules synchronously, so a document that makes a rule (or
 * Spectral itself) run for too long cannot be interrupted in the thread that runs it: each document is linted
 * in a worker thread (src/engine/lintWorker.ts) that is terminated when its time is up. Workers are kept and
 * reused between documents (at most two idle ones), and never keep the process alive.
 */

export interface WorkerRequest {
  id: number;
  recipe: RulesetRecipe;
  /** Identifies one lint() call: ruleset and configuration files are built again for each. */
  generation: string;
  /** The input, read and checked against the limits by the main thread. */
  read: ReadInput;
  policy: RefPolicy;
}

/** Builds a ruleset ahead of the first document (no reply). */
export interface PrepareRequest {
  type: 'prepare';
  recipe: RulesetRecipe;
  generation: string;
}

/** Builds a ruleset and replies with its summary (what the main thread needs of it, as plain data). */
export interface DescribeRequest {
  type: 'describe';
  id: number;
  recipe: RulesetRecipe;
  generation: string;
}

export type WorkerReply =
  | { id: number; type: 'started' }
  | { id: number; type: 'ruleset'; summary: RulesetSummary }
  | { id: number; type: 'done'; results: RunResult[]; remote: Record<string, string>; facts: DocumentFacts }
  | { id: number; type: 'input-error'; error: InputError }
  | { id: number; type: 'failed'; message: string };

/** A document took longer than the time limit to lint; its worker was stopped. */
export class TimeLimitExceeded extends Error {
  constructor(readonly timeoutMs: number) {
    super(`lint stopped: it took longer than the ${timeoutMs} ms time limit (--timeout)`);
  }
}

/** The worker died (out of memory, or an error outside Spectral). */
export class WorkerFailed extends Error {}

interface Spec {
  script: string;
  options: WorkerOptions;
}

let spec: Spec | null | undefined;

/** The ESM entry of `tsx/esm/api` (require.resolve would give its CommonJS twin, which cannot register hooks in a worker). */
function tsxEsmApi(packageJson: string): string {
  const pkg = JSON.parse(readFileSync(packageJson, 'utf8')) as { exports?: Record<string, { import?: { default?: string } | string }> };
  const entry = pkg.exports?.['./esm/api']?.import;
  const rel = typeof entry === 'string' ? entry : (entry?.default ?? './dist/esm/api/index.mjs');
  return path.resolve(path.dirname(packageJson), rel);
}

/** How to start a worker: the built `lint-worker.js` next to this bundle, or the TypeScript source through tsx. */
function workerSpec(): Spec | null {
  if (spec !== undefined) return spec;
  // In the CommonJS build __filename is the bundle; reading it here (not at load) keeps the build evaluable by
  // Spectral's ruleset bundler, which provides no __filename.
  const here = typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url;
  if (here.endsWith('.ts')) {
    // Running from source (vitest, tsx): register tsx in the worker, then load the worker module.
    try {
      const tsx = pathToFileURL(tsxEsmApi(createRequire(here).resolve('tsx/package.json'))).href;
      const entry = new URL('./lintWorker.ts', here).href;
      spec = {
        script: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`,
        options: { eval: true },
      };
    } catch {
      spec = null;
    }
  } else {
    const file = fileURLToPath(new URL('./lint-worker.js', here));
    spec = existsSync(file) ? { script: file, options: {} } : null;
  }
  return spec;
}

/** Whether documents can be linted in a worker (false only for a build without lint-worker.js). */
export function workerAvailable(): boolean {
  return workerSpec() !== null;
}

const idle: Worker[] = [];
// One idle worker per CPU, so that concurrent documents (LintOptions.jobs) reuse their workers.
const MAX_IDLE = Math.max(2, availableParallelism());
/** Least time allowed to start a worker and build the ruleset, before the document's own time limit starts. */
const STARTUP_MS = 60_000;
let nextId = 1;

function spawn(): Worker {
  const s = workerSpec();
  if (!s) throw new WorkerFailed('the lint worker is not available');
  const worker = new Worker(s.script, s.options);
  worker.unref();
  // An idle worker that fails (a stray asynchronous error after its last reply) must not take the process down.
  worker.on('error', () => undefined);
  worker.once('exit', () => {
    const i = idle.indexOf(worker);
    if (i !== -1) idle.splice(i, 1);
  });
  return worker;
}

function release(worker: Worker): void {
  if (idle.length < MAX_IDLE) {
    worker.unref();
    idle.push(worker);
  } else {
    void worker.terminate();
  }
}

let busy = 0;
/** How many documents were linted in workers at the same time, at most (for tests of LintOptions.jobs). */
export const stats = { peakBusy: 0 };

/**
 * Parses and lints one document in a worker and returns Spectral's results, or the input error parsing found.
 * Rejects with TimeLimitExceeded when parsing and linting take longer than `timeoutMs` once the ruleset is built
 * (or starting the worker and building the ruleset take longer than the larger of `timeoutMs` and a minute); with
 * WorkerFailed when the worker dies; with an Error carrying Spectral's message when Spectral throws.
 */
export function lintInWorker(request: Omit<WorkerRequest, 'id'>, timeoutMs: number): Promise<(SpectralOutcome & { facts: DocumentFacts }) | InputError> {
  return new Promise<(SpectralOutcome & { facts: DocumentFacts }) | InputError>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = idle.pop() ?? spawn();
    } catch (e) {
      reject(e);
      return;
    }
    worker.ref();
    const id = nextId++;
    let timer: NodeJS.Timeout;
    busy++;
    stats.peakBusy = Math.max(stats.peakBusy, busy);
    let finished = false;
    const cleanup = () => {
      if (!finished) busy--;
      finished = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onTimeout = () => {
      cleanup();
      void worker.terminate();
      reject(new TimeLimitExceeded(timeoutMs));
    };
    const onMessage = (reply: WorkerReply) => {
      if (reply.id !== id) return;
      if (reply.type === 'started') {
        clearTimeout(timer);
        timer = setTimeout(onTimeout, timeoutMs);
        return;
      }
      cleanup();
      release(worker);
      if (reply.type === 'done') resolve({ results: reply.results, remote: reply.remote, facts: reply.facts });
      else if (reply.type === 'input-error') resolve(reply.error);
      else reject(new Error(reply.type === 'failed' ? reply.message : `unexpected reply ${reply.type}`));
    };
    const onError = (e: Error & { code?: string }) => {
      cleanup();
      void worker.terminate();
      reject(new WorkerFailed(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'lint stopped: it ran out of memory' : `lint failed: ${e.message}`));
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new WorkerFailed(`lint failed: the lint worker stopped unexpectedly (exit code ${code})`));
    };
    // Starting a worker and building the ruleset depend on the configuration, not on the document: they get at
    // least STARTUP_MS, and the document's own time starts when the worker reports that it has begun.
    timer = setTimeout(onTimeout, Math.max(timeoutMs, STARTUP_MS));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ ...request, id } satisfies WorkerRequest);
  });
}

/**
 * Has a worker build the ruleset of a recipe and describe it (src/engine/rulesetSummary.ts), so that the main thread
 * needs neither Spectral nor the rules. The worker stays idle, with the ruleset built for the documents that follow.
 * Rejects when the worker cannot build it (the caller builds it in-process to report the real error), when the
 * worker dies, or when building takes longer than STARTUP_MS.
 */
export function describeInWorker(request: Omit<DescribeRequest, 'id' | 'type'>): Promise<RulesetSummary> {
  return new Promise<RulesetSummary>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = idle[idle.length - 1] ?? spawn();
      if (!idle.includes(worker)) idle.push(worker);
    } catch (e) {
      reject(e);
      return;
    }
    const id = nextId++;
    const cleanup = () => {
      clearTimeout(timer); // the timer (not the worker) keeps the process alive meanwhile
      worker.off('message', onMessage);
      worker.off('exit', onExit);
    };
    const onMessage = (reply: WorkerReply) => {
      if (reply.id !== id) return;
      cleanup();
      if (reply.type === 'ruleset') resolve(reply.summary);
      else reject(new Error(reply.type === 'failed' ? reply.message : `unexpected reply ${reply.type}`));
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new WorkerFailed(`the lint worker stopped unexpectedly (exit code ${code})`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new WorkerFailed('the lint worker took too long to build the ruleset'));
    }, STARTUP_MS);
    worker.on('message', onMessage);
    worker.on('exit', onExit);
    worker.postMessage({ type: 'describe', id, ...request } satisfies DescribeRequest);
  });
}

/**
 * Starts workers (unless idle ones are there already) and has them build the ruleset, so that loading Spectral and
 * building the ruleset overlap with the main thread's reading of the configuration and inputs.
 */
export function prewarmLintWorker(recipe: RulesetRecipe, generation: string, count = 1): void {
  try {
    // Up to `count` workers (one per concurrent document), idle ones first.
    for (let i = 0; i < Math.min(count, MAX_IDLE); i++) {
      const worker = idle[idle.length - 1 - i] ?? spawn();
      if (!idle.includes(worker)) idle.unshift(worker);
      worker.postMessage({ type: 'prepare', recipe, generation } satisfies PrepareRequest);
    }
  } catch {
    // no worker: lintInWorker reports it for the first document
  }
}

/**
 * Starts one idle worker ahead of any lint (the CLI's first act). With a preset recipe (the CLI knows it from
 * `--preset` alone) the worker builds that ruleset right away; otherwise when the lint begins.
 */
export function startIdleLintWorker(preset?: string): void {
  try {
    if (idle.length > 0) return;
    const worker = spawn();
    idle.push(worker);
    if (preset !== undefined) worker.postMessage({ type: 'prepare', recipe: { kind: 'preset', name: preset as PresetName }, generation: 'cli' } satisfies PrepareRequest);
  } catch {
    // no worker: the lint reports it
  }
}

/** Stops the idle workers (they never keep the process alive; this is for tests and scripts that want them gone). */
export async function closeLintWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((w) => w.terminate()));
}
