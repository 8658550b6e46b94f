/**
 * The finlint benchmark (issue 8). See docs/benchmark.md.
 *
 *   npx tsx bench/run.ts [--runs N] [--only <substring>] [--max-mb X] [--no-spectral] [--timeout S]
 *                        [--no-growth | --growth-only] [--growth-source <corpus path>] [--growth-sizes 1,2,4,8]
 *                        [--no-parallel] [--parallel-max-mb X]
 *                        [--no-build] [--dist <dir>] [--corpus <dir>] [--out <dir>]
 *
 * For every document of the real-world corpus (../shared/corpus/real), smallest first, it runs in child processes
 * - the parse floor (bench/parse-floor.mjs: read + JSON.parse / `yaml` parse),
 * - the engine floor (bench/engine-floor.mjs: Spectral's parsers and `$ref` resolver with no rules, the least any
 *   Spectral-based linter pays),
 * - finlint with the `recommended` preset and with `all` (`node <dist>/cli.js lint <file> --format json`),
 * - `spectral lint` with bench/spectral-comparison.yaml (spectral:oas + the OWASP ruleset),
 * rotating the order of the tools run by run, each child under GNU time (`/usr/bin/time -f '%e %M'`) for its peak
 * RSS and under a timeout that kills its process group. Then the growth series: one corpus document replicated to
 * 1x, 2x, 4x, 8x its operations, linted with finlint `all`. Then the documents up to --parallel-max-mb (default 2.5)
 * together in one invocation, with --jobs 1 and --jobs <CPUs>, whose outputs must be byte-identical.
 * Writes bench/results/<timestamp>.md and .json.
 */
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { parse as parseYaml } from 'yaml';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SPECTRAL_CLI = path.join(REPO, 'node_modules/@stoplight/spectral-cli/dist/index.js');
const SPECTRAL_RULESET = path.join(REPO, 'bench/spectral-comparison.yaml');
const SPECTRAL_OAS_RULESET = path.join(REPO, 'bench/spectral-oas.yaml');
const PARSE_FLOOR = path.join(REPO, 'bench/parse-floor.mjs');
const ENGINE_FLOOR = path.join(REPO, 'bench/engine-floor.mjs');
const GNU_TIME = '/usr/bin/time';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// ---------------------------------------------------------------------------------------------------------------
// Options

interface Options {
  runs: number;
  only: string[];
  maxMb: number;
  spectral: boolean;
  timeoutS: number;
  growth: boolean;
  /** The multi-file run: every selected document up to parallelMaxMb in one invocation, --jobs 1 vs --jobs <CPUs>. */
  parallel: boolean;
  parallelMaxMb: number;
  corpusRuns: boolean;
  growthSource: string;
  growthSizes: number[];
  build: boolean;
  dist: string;
  corpus: string;
  out: string;
}

function usage(message?: string): never {
  if (message) process.stderr.write(`bench: ${message}\n`);
  process.stderr.write(
    'usage: npx tsx bench/run.ts [--runs N] [--only <substring>]... [--max-mb X] [--no-spectral] [--timeout S]\n' +
      '         [--no-growth | --growth-only] [--growth-source <corpus path>] [--growth-sizes 1,2,4,8] [--no-parallel] [--parallel-max-mb X]\n' +
      '         [--no-build] [--dist <dir>]\n' +
      '         [--corpus <dir>] [--out <dir>]\n',
  );
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    runs: 3,
    only: [],
    maxMb: Infinity,
    spectral: true,
    timeoutS: 600,
    growth: true,
    parallel: true,
    parallelMaxMb: 2.5,
    corpusRuns: true,
    growthSource: 'adyen/ManagementService-v3.json',
    growthSizes: [1, 2, 4, 8],
    build: true,
    dist: 'dist',
    corpus: path.resolve(REPO, '../shared/corpus/real'),
    out: path.join(REPO, 'bench/results'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    const number = (): number => {
      const n = Number(value());
      if (!Number.isFinite(n) || n <= 0) usage(`${a} needs a positive number`);
      return n;
    };
    switch (a) {
      case '--runs':
        o.runs = Math.round(number());
        break;
      case '--only':
        o.only.push(value());
        break;
      case '--max-mb':
        o.maxMb = number();
        break;
      case '--no-spectral':
        o.spectral = false;
        break;
      case '--timeout':
        o.timeoutS = number();
        break;
      case '--no-parallel':
        o.parallel = false;
        break;
      case '--parallel-max-mb':
        o.parallelMaxMb = Number(value());
        if (!(o.parallelMaxMb > 0)) usage('--parallel-max-mb takes a positive number');
        break;
      case '--no-growth':
        o.growth = false;
        break;
      case '--growth-only':
        o.corpusRuns = false;
        break;
      case '--growth-source':
        o.growthSource = value();
        break;
      case '--growth-sizes':
        o.growthSizes = value()
          .split(',')
          .map((s) => Number(s.trim()));
        if (o.growthSizes.some((k) => !Number.isInteger(k) || k < 1)) usage('--growth-sizes takes positive integers, e.g. 1,2,4,8');
        break;
      case '--no-build':
        o.build = false;
        break;
      case '--dist':
        o.dist = value();
        break;
      case '--corpus':
        o.corpus = path.resolve(value());
        break;
      case '--out':
        o.out = path.resolve(value());
        break;
      case '-h':
      case '--help':
        usage();
        break;
      default:
        usage(`unknown argument ${a}`);
    }
  }
  return o;
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring one child process

type Tool = 'floor' | 'engine' | 'finlint-recommended' | 'finlint-all' | 'spectral' | 'spectral-oas' | 'finlint-all-jobs1' | 'finlint-all-jobsN';
const CPUS = os.availableParallelism();
const TOOL_LABEL: Record<Tool, string> = {
  floor: 'parse floor',
  engine: 'engine floor (Spectral, no rules)',
  'finlint-recommended': 'finlint recommended',
  'finlint-all': 'finlint all',
  spectral: 'Spectral + OWASP',
  'spectral-oas': 'Spectral (spectral:oas only)',
  'finlint-all-jobs1': 'finlint all --jobs 1',
  'finlint-all-jobsN': `finlint all --jobs ${CPUS}`,
};

type Status = 'ok' | 'error' | 'crash' | 'timeout';

interface Run {
  status: Status;
  /** Wall time of the child, measured by this process (includes Node's start-up). */
  wallMs: number;
  /** Peak resident set size of the child in MB, from GNU time (%M). */
  rssMb?: number;
  exitCode?: number;
  signal?: string;
  findings?: number;
  /** Findings by severity: [error, warn, info, hint]. */
  bySeverity?: number[];
  /** Floor only: in-process read and parse times. */
  parseMs?: number;
  /** First line of the failure, for error/crash/timeout. */
  error?: string;
  /** sha256 of stdout, to compare outputs (multi-file run: --jobs 1 and --jobs N must print the same). */
  stdoutSha256?: string;
}

let tmpRoot = '';
const live = new Set<number>();

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    for (const pid of live) killGroup(pid);
    if (tmpRoot) rmSync(tmpRoot, { recursive: true, force: true });
    process.exit(130);
  });
}

function commandFor(tool: Tool, file: string | string[], distCli: string): string[] {
  const files = Array.isArray(file) ? file : [file];
  switch (tool) {
    case 'finlint-all-jobs1':
    case 'finlint-all-jobsN':
      return [distCli, 'lint', ...files, '--preset', 'all', '--format', 'json', '--fail-severity', 'none', '--jobs', tool === 'finlint-all-jobs1' ? '1' : String(CPUS)];
    case 'floor':
      return [PARSE_FLOOR, ...files];
    case 'engine':
      return [ENGINE_FLOOR, ...files];
    case 'finlint-recommended':
      return [distCli, 'lint', ...files, '--preset', 'recommended', '--format', 'json', '--fail-severity', 'none'];
    case 'finlint-all':
      return [distCli, 'lint', ...files, '--preset', 'all', '--format', 'json', '--fail-severity', 'none'];
    case 'spectral-oas':
      return [SPECTRAL_CLI, 'lint', ...files, '--ruleset', SPECTRAL_OAS_RULESET, '--format', 'json', '--quiet'];
    case 'spectral':
      return [SPECTRAL_CLI, 'lint', ...files, '--ruleset', SPECTRAL_RULESET, '--format', 'json', '--quiet'];
  }
}

/** The most telling line of a child's stderr: a fatal error if there is one, else the last non-empty line. */
function errorLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const fatal = lines.find((l) => /FATAL ERROR|heap out of memory|RangeError|Maximum call stack/i.test(l));
  const line = fatal ?? lines.filter((l) => !/^Command (exited|terminated)/.test(l)).pop() ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

function countFindings(stdout: string): { findings: number; bySeverity: number[] } | undefined {
  let data: unknown;
  try {
    data = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  // finlint's and Spectral's JSON formats are arrays of findings; accept a { findings: [...] } report as well.
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { findings?: unknown }).findings) ? (data as { findings: unknown[] }).findings : undefined;
  if (!list) return undefined;
  const bySeverity = [0, 0, 0, 0];
  for (const f of list) {
    const s = (f as { severity?: unknown }).severity;
    if (typeof s === 'number' && s >= 0 && s <= 3) bySeverity[s]++;
  }
  return { findings: list.length, bySeverity };
}

async function measure(tool: Tool, file: string | string[], distCli: string, timeoutS: number): Promise<Run> {
  const dir = mkdtempSync(path.join(tmpRoot, 'run-'));
  const outFile = path.join(dir, 'stdout');
  const errFile = path.join(dir, 'stderr');
  const timeFile = path.join(dir, 'time');
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  const args = ['-f', '%e %M', '-o', timeFile, process.execPath, ...commandFor(tool, file, distCli)];
  const start = process.hrtime.bigint();
  let timedOut = false;
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    // detached: the child leads its own process group, so a timeout kills GNU time and node together.
    const child = spawn(GNU_TIME, args, { cwd: REPO, detached: true, stdio: ['ignore', out, err] });
    const pid = child.pid;
    if (pid === undefined) {
      reject(new Error(`could not start ${GNU_TIME}`));
      return;
    }
    live.add(pid);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(pid);
    }, timeoutS * 1000);
    child.on('error', reject);
    child.on('exit', (c, s) => {
      clearTimeout(timer);
      live.delete(pid);
      resolve({ code: c, signal: s });
    });
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  closeSync(out);
  closeSync(err);
  const stdout = readFileSync(outFile, 'utf8');
  const stderr = readFileSync(errFile, 'utf8');
  const timeText = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
  rmSync(dir, { recursive: true, force: true });

  const timeLines = timeText.trim().split('\n');
  const m = /^([\d.]+) (\d+)$/.exec(timeLines[timeLines.length - 1] ?? '');
  const rssMb = m ? Number(m[2]) / 1024 : undefined;
  const termination = /terminated by signal (\d+)/.exec(timeText);
  const exitCode = code ?? undefined;
  const run: Run = { status: 'ok', wallMs, rssMb, exitCode, stdoutSha256: createHash('sha256').update(stdout).digest('hex') };
  if (termination) run.signal = Object.entries(os.constants.signals).find(([, n]) => n === Number(termination[1]))?.[0] ?? termination[1];
  else if (signal) run.signal = signal;

  if (timedOut) return { ...run, status: 'timeout', error: `killed after ${timeoutS} s` };
  if (tool === 'floor' || tool === 'engine') {
    try {
      const info = JSON.parse(stdout) as { readMs?: number; loadMs?: number; parseMs: number; resolveMs?: number };
      return { ...run, parseMs: (info.readMs ?? 0) + (info.loadMs ?? 0) + info.parseMs + (info.resolveMs ?? 0) };
    } catch {
      return { ...run, status: 'crash', error: errorLine(stderr) || `exit ${exitCode ?? run.signal}` };
    }
  }
  const counted = countFindings(stdout);
  // finlint: exit 0/1 = linted; exit 2 = an input error (the document could not be linted). Spectral: exit 0/1 =
  // linted (1 = error findings); anything else, or output that is not a JSON array, is a crash.
  if (!tool.startsWith('spectral') && exitCode === 2 && counted) return { ...run, status: 'error', error: errorLine(stderr) };
  if (!counted || run.signal !== undefined || (exitCode !== 0 && exitCode !== 1)) {
    return { ...run, status: 'crash', error: errorLine(stderr) || `exit ${exitCode ?? run.signal}` };
  }
  return { ...run, ...counted };
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics

function median(xs: number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

interface Summary {
  runs: Run[];
  /** Status of the tool on this document: ok when at least one run succeeded. */
  status: Status;
  medianMs?: number;
  minMs?: number;
  maxMs?: number;
  /** Largest peak RSS over the successful runs, MB. */
  peakRssMb?: number;
  findings?: number;
  bySeverity?: number[];
  /** True when successful runs reported different findings counts (should never happen). */
  unstable?: boolean;
  parseMs?: number;
  error?: string;
}

function summarise(runs: Run[]): Summary {
  const ok = runs.filter((r) => r.status === 'ok');
  if (ok.length === 0) {
    const last = runs[runs.length - 1];
    return { runs, status: last?.status ?? 'crash', error: last?.error, peakRssMb: last?.rssMb, medianMs: last?.wallMs };
  }
  const times = ok.map((r) => r.wallMs);
  const counts = new Set(ok.map((r) => r.findings));
  return {
    runs,
    status: 'ok',
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    peakRssMb: Math.max(...ok.map((r) => r.rssMb ?? 0)) || undefined,
    findings: ok[0].findings,
    bySeverity: ok[0].bySeverity,
    unstable: counts.size > 1 || undefined,
    parseMs: median(ok.map((r) => r.parseMs).filter((x): x is number => x !== undefined)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Documents

interface DocInfo {
  file: string;
  rel: string;
  bytes: number;
  oas: string;
  operations: number;
}

function loadData(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  const data: unknown = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text, { uniqueKeys: false, maxAliasCount: -1 });
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: not a mapping`);
  return data as Record<string, unknown>;
}

function countOperations(data: Record<string, unknown>): number {
  const paths = data.paths;
  if (!paths || typeof paths !== 'object') return 0;
  let n = 0;
  for (const item of Object.values(paths as Record<string, unknown>)) {
    if (item && typeof item === 'object') for (const m of METHODS) if (m in (item as object)) n++;
  }
  return n;
}

function describe(file: string, rel: string): DocInfo {
  const bytes = statSync(file).size;
  try {
    const data = loadData(file);
    const oas = String(data.openapi ?? (data.swagger !== undefined ? `2.0 (swagger ${String(data.swagger)})` : '?'));
    return { file, rel, bytes, oas: oas.startsWith('2.0') ? '2.0' : oas, operations: countOperations(data) };
  } catch {
    return { file, rel, bytes, oas: '?', operations: 0 };
  }
}

function corpusFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/i.test(e.name)) out.push(p);
    }
  };
  walk(root);
  return out;
}

/**
 * The growth series: `paths` copied k times, copy c under `/bench-copy-<c>` + the original key, its operationIds
 * suffixed so they stay unique. Components, tags and everything else are shared, as in a real API that grows.
 */
function replicate(data: Record<string, unknown>, k: number): Record<string, unknown> {
  const paths = (data.paths ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (let c = 0; c < k; c++) {
    for (const [key, item] of Object.entries(paths)) {
      if (c > 0 && !key.startsWith('/')) continue; // x- extensions of the Paths Object are copied once
      const copy = c === 0 ? item : structuredClone(item);
      if (c > 0 && copy && typeof copy === 'object') {
        for (const m of METHODS) {
          const op = (copy as Record<string, unknown>)[m] as Record<string, unknown> | undefined;
          if (op && typeof op === 'object' && typeof op.operationId === 'string') op.operationId = `${op.operationId}-copy${c}`;
        }
      }
      out[c === 0 ? key : `/bench-copy-${c}${key}`] = copy;
    }
  }
  return { ...data, paths: out };
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting

const fmtS = (ms: number | undefined): string => (ms === undefined ? '–' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const fmtMb = (mb: number | undefined): string => (mb === undefined ? '–' : mb >= 1024 ? `${(mb / 1024).toFixed(2)} GB` : `${Math.round(mb)} MB`);
const fmtBytes = (b: number): string => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(2)} MiB` : `${Math.round(b / 1024)} KiB`);
const fmtRatio = (r: number | undefined): string => (r === undefined ? '–' : r >= 10 ? `${r.toFixed(0)}` : r >= 1 ? `${r.toFixed(1)}` : `${r.toFixed(2)}`);

function cell(s: Summary | undefined, withFindings = true): string {
  if (!s) return 'not run';
  if (s.status !== 'ok') {
    const what = s.status === 'timeout' ? `**timeout** (${fmtS(s.medianMs)})` : s.status === 'error' ? '**error**' : `**crash** after ${fmtS(s.medianMs)}`;
    return `${what}${s.peakRssMb ? ` · ${fmtMb(s.peakRssMb)}` : ''}`;
  }
  const parts = [fmtS(s.medianMs), fmtMb(s.peakRssMb)];
  if (withFindings && s.findings !== undefined) parts.push(`${s.findings}${s.unstable ? ' (unstable!)' : ''}`);
  return parts.join(' · ');
}

/** finlint time / Spectral time; when Spectral failed, an upper bound ("<") against the time it ran for. */
function ratio(fin: Summary | undefined, spectral: Summary | undefined): { value?: number; text: string } {
  if (!fin || fin.status !== 'ok' || fin.medianMs === undefined || !spectral || spectral.medianMs === undefined) return { text: '–' };
  const value = fin.medianMs / spectral.medianMs;
  if (spectral.status === 'ok') return { value, text: fmtRatio(value) };
  return { value, text: `< ${fmtRatio(value)} (Spectral ${spectral.status})` };
}

// ---------------------------------------------------------------------------------------------------------------
// Main

function readVersion(pkgJson: string): string {
  try {
    return String((JSON.parse(readFileSync(pkgJson, 'utf8')) as { version?: string }).version ?? '?');
  } catch {
    return '?';
  }
}

/** The checked-out commit, read from .git without running git. */
function gitCommit(): string | undefined {
  try {
    const head = readFileSync(path.join(REPO, '.git/HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head;
    const ref = head.slice(5);
    const loose = path.join(REPO, '.git', ref);
    if (existsSync(loose)) return `${readFileSync(loose, 'utf8').trim()} (${ref.replace('refs/heads/', '')})`;
    const packed = readFileSync(path.join(REPO, '.git/packed-refs'), 'utf8');
    const line = packed.split('\n').find((l) => l.endsWith(` ${ref}`));
    return line ? `${line.split(' ')[0]} (${ref.replace('refs/heads/', '')})` : undefined;
  } catch {
    return undefined;
  }
}

function ruleCount(distCli: string, preset: string): number | undefined {
  const r = spawnSync(process.execPath, [distCli, 'rules', '--format', 'json', ...(preset === 'recommended' ? ['--preset', 'recommended'] : [])], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  try {
    return (JSON.parse(r.stdout) as unknown[]).length;
  } catch {
    return undefined;
  }
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(GNU_TIME)) usage(`${GNU_TIME} (GNU time) is required`);
  if (!existsSync(opts.corpus)) usage(`corpus directory ${opts.corpus} not found`);
  const distDir = path.resolve(REPO, opts.dist);
  const distCli = path.join(distDir, 'cli.js');
  if (opts.build) {
    log(`building finlint into ${path.relative(REPO, distDir) || '.'} ...`);
    const args = ['tsup', '--silent', ...(opts.dist === 'dist' ? [] : ['--out-dir', distDir])];
    const r = spawnSync('npx', args, { cwd: REPO, stdio: 'inherit' });
    if (r.status !== 0) usage('the build failed');
  }
  if (!existsSync(distCli)) usage(`${distCli} not found: build first or drop --no-build`);

  tmpRoot = mkdtempSync(path.join(os.tmpdir(), 'finlint-bench-'));
  const startedAt = new Date();
  const loadBefore = os.loadavg();

  const all = corpusFiles(opts.corpus)
    .map((f) => ({ file: f, rel: path.relative(opts.corpus, f).split(path.sep).join('/'), bytes: statSync(f).size }))
    .filter(() => opts.corpusRuns)
    .filter((d) => d.bytes <= opts.maxMb * 1024 * 1024)
    .filter((d) => opts.only.length === 0 || opts.only.some((s) => d.rel.includes(s)))
    .sort((a, b) => a.bytes - b.bytes || a.rel.localeCompare(b.rel));
  if (!opts.corpusRuns && !opts.growth) usage('--growth-only and --no-growth leave nothing to run');
  if (all.length === 0 && opts.corpusRuns && !opts.growth) usage('no corpus document matches the filters');

  const tools: Tool[] = ['floor', 'engine', 'finlint-recommended', 'finlint-all', ...(opts.spectral ? (['spectral'] as Tool[]) : [])];
  log(`${all.length} documents x ${opts.runs} runs x ${tools.length} measurements, timeout ${opts.timeoutS} s; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
  if (loadBefore[0] > 0.5) log('warning: the machine is not idle; the times will be noisy.');

  interface DocResult extends DocInfo {
    tools: Partial<Record<Tool, Summary>>;
  }
  const docs: DocResult[] = [];
  for (const [index, d] of all.entries()) {
    const info = describe(d.file, d.rel);
    const runs: Partial<Record<Tool, Run[]>> = {};
    for (let i = 0; i < opts.runs; i++) {
      // Rotate the order run by run, so that no tool always runs first (cold caches) or right after another.
      const order = tools.map((_, j) => tools[(i + j) % tools.length]);
      for (const tool of order) {
        const previous = runs[tool] ?? [];
        // A tool that failed on this document once (error, crash, timeout) is not run on it again: it would only fail again.
        if (previous.some((r) => r.status !== 'ok')) continue;
        const run = await measure(tool, d.file, distCli, opts.timeoutS);
        runs[tool] = [...previous, run];
        log(
          `[${index + 1}/${all.length}] ${d.rel} run ${i + 1} ${TOOL_LABEL[tool]}: ${run.status} ${fmtS(run.wallMs)} ${fmtMb(run.rssMb)}` +
            `${run.findings !== undefined ? ` ${run.findings} findings` : ''}${run.error ? ` (${run.error})` : ''}`,
        );
      }
    }
    // Where Spectral + OWASP failed, Spectral's own ruleset alone still gives a ratio (the OWASP ruleset crashes on
    // some documents: "jsonPath: func is not a function").
    if (runs.spectral?.some((r) => r.status !== 'ok')) {
      const fallback: Run[] = [];
      for (let i = 0; i < opts.runs && !fallback.some((r) => r.status !== 'ok'); i++) {
        const run = await measure('spectral-oas', d.file, distCli, opts.timeoutS);
        fallback.push(run);
        log(`[${index + 1}/${all.length}] ${d.rel} run ${i + 1} ${TOOL_LABEL['spectral-oas']}: ${run.status} ${fmtS(run.wallMs)} ${fmtMb(run.rssMb)}${run.findings !== undefined ? ` ${run.findings} findings` : ''}${run.error ? ` (${run.error})` : ''}`);
      }
      runs['spectral-oas'] = fallback;
    }
    const summaries: Partial<Record<Tool, Summary>> = {};
    for (const tool of [...tools, 'spectral-oas' as const]) if (runs[tool]) summaries[tool] = summarise(runs[tool] ?? []);
    docs.push({ ...info, tools: summaries });
  }

  // The growth series.
  interface GrowthRow {
    factor: number;
    operations: number;
    bytes: number;
    floor?: Summary;
    finlintAll?: Summary;
    msPerOperation?: number;
    marginalMsPerOperation?: number;
  }
  const growth: GrowthRow[] = [];
  let growthFit: { interceptMs: number; msPerOperation: number; r2: number } | undefined;
  const growthSourceFile = path.resolve(opts.corpus, opts.growthSource);
  if (opts.growth) {
    if (!existsSync(growthSourceFile)) usage(`growth source ${growthSourceFile} not found`);
    const source = loadData(growthSourceFile);
    for (const k of opts.growthSizes) {
      const data = replicate(source, k);
      const file = path.join(tmpRoot, `growth-${k}x.json`);
      writeFileSync(file, JSON.stringify(data, null, 2));
      const runs: Record<'floor' | 'finlint-all', Run[]> = { floor: [], 'finlint-all': [] };
      for (let i = 0; i < opts.runs; i++) {
        const order: ('floor' | 'finlint-all')[] = i % 2 === 0 ? ['floor', 'finlint-all'] : ['finlint-all', 'floor'];
        for (const tool of order) {
          if (runs[tool].some((r) => r.status !== 'ok')) continue;
          const run = await measure(tool, file, distCli, opts.timeoutS);
          runs[tool].push(run);
          log(`[growth ${k}x] run ${i + 1} ${TOOL_LABEL[tool]}: ${run.status} ${fmtS(run.wallMs)} ${fmtMb(run.rssMb)}${run.findings !== undefined ? ` ${run.findings} findings` : ''}${run.error ? ` (${run.error})` : ''}`);
        }
      }
      const operations = countOperations(data);
      const finlintAll = summarise(runs['finlint-all']);
      growth.push({
        factor: k,
        operations,
        bytes: statSync(file).size,
        floor: summarise(runs.floor),
        finlintAll,
        msPerOperation: finlintAll.status === 'ok' && finlintAll.medianMs !== undefined && operations > 0 ? finlintAll.medianMs / operations : undefined,
      });
      rmSync(file, { force: true });
    }
    for (let i = 1; i < growth.length; i++) {
      const a = growth[i - 1];
      const b = growth[i];
      const ta = a.finlintAll?.status === 'ok' ? a.finlintAll.medianMs : undefined;
      const tb = b.finlintAll?.status === 'ok' ? b.finlintAll.medianMs : undefined;
      if (ta !== undefined && tb !== undefined && b.operations > a.operations) b.marginalMsPerOperation = (tb - ta) / (b.operations - a.operations);
    }
    // Least-squares line time = intercept + slope * operations: the intercept is the fixed cost (start-up, ruleset),
    // the slope the cost of one more operation; r2 close to 1 means linear.
    const pts = growth.filter((g) => g.finlintAll?.status === 'ok' && g.finlintAll.medianMs !== undefined).map((g) => [g.operations, g.finlintAll?.medianMs ?? 0]);
    if (pts.length >= 2) {
      const n = pts.length;
      const mx = pts.reduce((s, p) => s + p[0], 0) / n;
      const my = pts.reduce((s, p) => s + p[1], 0) / n;
      const sxx = pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
      const sxy = pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0);
      const slope = sxx > 0 ? sxy / sxx : 0;
      const intercept = my - slope * mx;
      const ssTot = pts.reduce((s, p) => s + (p[1] - my) ** 2, 0);
      const ssRes = pts.reduce((s, p) => s + (p[1] - (intercept + slope * p[0])) ** 2, 0);
      growthFit = { interceptMs: intercept, msPerOperation: slope, r2: ssTot > 0 ? 1 - ssRes / ssTot : 1 };
    }
  }

  // Several files in one invocation: sequential (--jobs 1) against one worker per CPU, same output required.
  let parallel: { files: number; bytes: number; jobs1: Summary; jobsN: Summary; identical: boolean } | undefined;
  if (opts.parallel && opts.corpusRuns) {
    const batch = all.filter((d) => d.bytes <= opts.parallelMaxMb * 1024 * 1024);
    if (batch.length > 1) {
      const files = batch.map((d) => d.file);
      const runs: Record<'finlint-all-jobs1' | 'finlint-all-jobsN', Run[]> = { 'finlint-all-jobs1': [], 'finlint-all-jobsN': [] };
      for (let i = 0; i < opts.runs; i++) {
        const order: ('finlint-all-jobs1' | 'finlint-all-jobsN')[] = i % 2 === 0 ? ['finlint-all-jobs1', 'finlint-all-jobsN'] : ['finlint-all-jobsN', 'finlint-all-jobs1'];
        for (const tool of order) {
          const run = await measure(tool, files, distCli, opts.timeoutS);
          runs[tool].push(run);
          log(`[${batch.length} files] run ${i + 1} ${TOOL_LABEL[tool]}: ${run.status} ${fmtS(run.wallMs)} ${fmtMb(run.rssMb)}${run.findings !== undefined ? ` ${run.findings} findings` : ''}${run.error ? ` (${run.error})` : ''}`);
        }
      }
      const hashes = new Set([...runs['finlint-all-jobs1'], ...runs['finlint-all-jobsN']].map((r) => r.stdoutSha256));
      parallel = {
        files: batch.length,
        bytes: batch.reduce((n, d) => n + d.bytes, 0),
        jobs1: summarise(runs['finlint-all-jobs1']),
        jobsN: summarise(runs['finlint-all-jobsN']),
        identical: hashes.size === 1,
      };
    }
  }

  rmSync(tmpRoot, { recursive: true, force: true });
  const finishedAt = new Date();
  const loadAfter = os.loadavg();

  // -------------------------------------------------------------------------------------------------------------
  // Report
  const env = {
    startedAt: startedAt.toISOString(),
    durationS: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
    node: process.version,
    heapLimitMb: Math.round(getHeapStatistics().heap_size_limit / 1024 / 1024),
    cpu: `${os.cpus()[0]?.model ?? '?'} x ${os.cpus().length}`,
    memoryGb: +(os.totalmem() / 1024 ** 3).toFixed(1),
    platform: `${os.platform()} ${os.release()}`,
    loadAverageBefore: loadBefore.map((l) => +l.toFixed(2)),
    loadAverageAfter: loadAfter.map((l) => +l.toFixed(2)),
    commit: gitCommit(),
    finlint: readVersion(path.join(REPO, 'package.json')),
    finlintRules: { recommended: ruleCount(distCli, 'recommended'), all: ruleCount(distCli, 'all') },
    spectralCli: readVersion(path.join(REPO, 'node_modules/@stoplight/spectral-cli/package.json')),
    spectralRulesets: readVersion(path.join(REPO, 'node_modules/@stoplight/spectral-rulesets/package.json')),
    owaspRuleset: readVersion(path.join(REPO, 'node_modules/@stoplight/spectral-owasp-ruleset/package.json')),
    options: { ...opts, maxMb: Number.isFinite(opts.maxMb) ? opts.maxMb : null, corpus: path.relative(REPO, opts.corpus), out: path.relative(REPO, opts.out) },
  };

  const md: string[] = [];
  md.push(`# finlint benchmark, ${startedAt.toISOString()}`, '');
  md.push(
    `Node ${env.node} (heap limit ${env.heapLimitMb} MB), ${env.cpu}, ${env.memoryGb} GB RAM, ${env.platform}. ` +
      `finlint ${env.finlint}${env.commit ? ` at ${env.commit}` : ''} (${env.finlintRules.recommended ?? '?'} recommended / ${env.finlintRules.all ?? '?'} rules); ` +
      `Spectral CLI ${env.spectralCli} with spectral:oas (spectral-rulesets ${env.spectralRulesets}) + OWASP ruleset ${env.owaspRuleset}. ` +
      `${opts.runs} run(s) per tool and document, timeout ${opts.timeoutS} s, load average ${env.loadAverageBefore.join(' ')} before, ${env.loadAverageAfter.join(' ')} after; ${env.durationS} s in all.`,
    '',
  );
  md.push(
    'Each cell: median wall time · peak RSS · findings. Times are whole child processes (Node start-up included). ' +
      'Ratios: finlint `all` median time / the other median time (below 1 = finlint faster; `<` = an upper bound, Spectral did not finish).',
    '',
  );
  if (docs.length > 0) {
    md.push('## Corpus', '');
    md.push(
      `| document | size | OAS | ops | parse floor | engine floor | finlint recommended | finlint all |${opts.spectral ? ' Spectral + OWASP | all / Spectral |' : ''} all / floor | all / engine |`,
      `| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |${opts.spectral ? ' ---: | ---: |' : ''} ---: | ---: |`,
    );
    for (const d of docs) {
      const t = d.tools;
      const floorRatio = t['finlint-all']?.status === 'ok' && t.floor?.status === 'ok' ? fmtRatio((t['finlint-all'].medianMs ?? 0) / (t.floor.medianMs ?? 1)) : '–';
      const engineRatio = t['finlint-all']?.status === 'ok' && t.engine?.status === 'ok' ? fmtRatio((t['finlint-all'].medianMs ?? 0) / (t.engine.medianMs ?? 1)) : '–';
      md.push(
        `| ${d.rel} | ${fmtBytes(d.bytes)} | ${d.oas} | ${d.operations} | ${cell(t.floor, false)} | ${cell(t.engine, false)} | ${cell(t['finlint-recommended'])} | ${cell(t['finlint-all'])} |` +
          `${opts.spectral ? ` ${cell(t.spectral)} | ${ratio(t['finlint-all'], t.spectral).text} |` : ''} ${floorRatio} | ${engineRatio} |`,
      );
    }
    md.push('');
    const failures = docs.flatMap((d) =>
      Object.entries(d.tools)
        .filter(([, s]) => s && s.status !== 'ok')
        .map(([tool, s]) => `- ${d.rel}, ${TOOL_LABEL[tool as Tool]}: ${s?.status}${s?.error ? ` — ${s.error}` : ''}`),
    );
    if (failures.length) md.push('Failures:', '', ...failures, '');
    const fallbacks = docs.filter((d) => d.tools['spectral-oas']);
    if (fallbacks.length) {
      md.push('Where Spectral + OWASP failed, Spectral with `spectral:oas` alone (bench/spectral-oas.yaml):', '');
      md.push('| document | finlint all | Spectral (spectral:oas only) | all / Spectral oas |', '| --- | ---: | ---: | ---: |');
      for (const d of fallbacks) md.push(`| ${d.rel} | ${cell(d.tools['finlint-all'])} | ${cell(d.tools['spectral-oas'])} | ${ratio(d.tools['finlint-all'], d.tools['spectral-oas']).text} |`);
      md.push('');
    }
    const unstable = docs.flatMap((d) => Object.entries(d.tools).filter(([, s]) => s?.unstable).map(([tool]) => `- ${d.rel}, ${TOOL_LABEL[tool as Tool]}`));
    if (unstable.length) md.push('Findings counts that differed between runs (a determinism bug):', '', ...unstable, '');
  }
  if (growth.length > 0) {
    md.push('## Growth series', '');
    md.push(
      `\`${opts.growthSource}\` with its \`paths\` replicated k times (copies under \`/bench-copy-<c>/...\`, operationIds suffixed; components shared), finlint \`all\`.`,
      '',
      '| k | ops | size | parse floor | finlint all | ms / op | marginal ms / op |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const g of growth) {
      md.push(
        `| ${g.factor}x | ${g.operations} | ${fmtBytes(g.bytes)} | ${cell(g.floor, false)} | ${cell(g.finlintAll)} | ${g.msPerOperation?.toFixed(1) ?? '–'} | ${g.marginalMsPerOperation?.toFixed(1) ?? '–'} |`,
      );
    }
    md.push('');
    if (growthFit) {
      md.push(
        `Least-squares fit: time ≈ ${fmtS(growthFit.interceptMs)} + ${growthFit.msPerOperation.toFixed(1)} ms × operations (R² = ${growthFit.r2.toFixed(4)}). ` +
          'Linear growth shows as a steady marginal cost per operation and R² close to 1.',
        '',
      );
    }
  }

  if (parallel) {
    const speedup = parallel.jobs1.medianMs !== undefined && parallel.jobsN.medianMs !== undefined ? parallel.jobs1.medianMs / parallel.jobsN.medianMs : undefined;
    md.push('## Several files at once', '');
    md.push(
      `The ${parallel.files} corpus documents of at most ${opts.parallelMaxMb} MiB (${fmtBytes(parallel.bytes)}) in one \`finlint lint --preset all\` invocation.`,
      '',
      `| --jobs 1 | --jobs ${CPUS} | speed-up | output |`,
      '| ---: | ---: | ---: | --- |',
      `| ${cell(parallel.jobs1)} | ${cell(parallel.jobsN)} | ${speedup === undefined ? '–' : `${speedup.toFixed(2)}x`} | ${parallel.identical ? 'byte-identical in every run' : '**differs**'} |`,
      '',
    );
  }

  mkdirSync(opts.out, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:]/g, '-').replace(/\.\d+Z$/, 'Z');
  const base = path.join(opts.out, stamp);
  const json = {
    env,
    documents: docs.map(({ file: _file, ...d }) => ({
      ...d,
      ratios: {
        allOverSpectral: ratio(d.tools['finlint-all'], d.tools.spectral).value,
        recommendedOverSpectral: ratio(d.tools['finlint-recommended'], d.tools.spectral).value,
        allOverSpectralOas: d.tools['spectral-oas'] ? ratio(d.tools['finlint-all'], d.tools['spectral-oas']).value : undefined,
        allOverFloor:
          d.tools['finlint-all']?.status === 'ok' && d.tools.floor?.status === 'ok' ? (d.tools['finlint-all'].medianMs ?? 0) / (d.tools.floor.medianMs ?? 1) : undefined,
        allOverEngine:
          d.tools['finlint-all']?.status === 'ok' && d.tools.engine?.status === 'ok' ? (d.tools['finlint-all'].medianMs ?? 0) / (d.tools.engine.medianMs ?? 1) : undefined,
      },
    })),
    growth: { source: opts.growthSource, rows: growth, fit: growthFit },
    parallel,
  };
  writeFileSync(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(`${base}.md`, `${md.join('\n')}\n`);
  process.stdout.write(`${md.join('\n')}\n`);
  const shown = path.relative(REPO, base);
  log(`wrote ${shown.startsWith('..') ? base : shown}.md and .json`);
}

main().catch((e: unknown) => {
  for (const pid of live) killGroup(pid);
  if (tmpRoot) rmSync(tmpRoot, { recursive: true, force: true });
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
