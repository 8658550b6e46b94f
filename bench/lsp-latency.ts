/**
 * Language-server latency (issue 9): the time from a `textDocument/didChange` to the `publishDiagnostics` for that
 * version, on real documents of about 1 MB and on the 13 MB GitHub description.
 *
 *   npx tsx bench/lsp-latency.ts [--runs N] [--file <corpus path>]... [--src | --dist <dir> | --no-build]
 *                                [--corpus <dir>] [--out <dir>]
 *
 * It starts `finlint lsp --stdio` as an editor does (a real LSP client over stdio, test/lsp/client.ts), opens each
 * document in a workspace of its own (no configuration: the recommended preset), waits for the first diagnostics
 * (the open), then makes N edits one after the other (incremental changes, as editors send them: a space typed at
 * the end, then deleted), each waiting for its diagnostics. The pause after typing
 * (`finlint.debounceMs`, 300 ms by default) is set to 0 here so that the numbers are the lint itself; add it for
 * what a user sees after the last keystroke. With every edit it also sends a hover request and times the answer:
 * the server's main loop stays free while the lint runs in a worker, so that answer is immediate.
 *
 * By default it builds finlint into node_modules/.cache/finlint-lsp-bench/dist first (not dist/, which tests may
 * be using) and runs that build. Results: a table on stdout, and bench/results/lsp-latency-<timestamp>.md/.json.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestClient } from '../test/lsp/client.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_FILES = ['increase/increase.com.json', 'coinbase/openapi.yaml', 'github/api.github.com.json'];

interface Options {
  runs: number;
  files: string[];
  from: 'src' | 'dist';
  dist: string;
  build: boolean;
  corpus: string;
  out: string;
}

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\nusage: npx tsx bench/lsp-latency.ts [--runs N] [--file <corpus path>]... [--src | --dist <dir> | --no-build] [--corpus <dir>] [--out <dir>]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    runs: 3,
    files: [],
    from: 'dist',
    dist: path.join(REPO, 'node_modules/.cache/finlint-lsp-bench/dist'),
    build: true,
    corpus: path.resolve(REPO, '../shared/corpus/real'),
    out: path.join(REPO, 'bench/results'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--runs') o.runs = Number(value());
    else if (a === '--file') o.files.push(value());
    else if (a === '--src') o.from = 'src';
    else if (a === '--dist') o.dist = path.resolve(value());
    else if (a === '--no-build') o.build = false;
    else if (a === '--corpus') o.corpus = path.resolve(value());
    else if (a === '--out') o.out = path.resolve(value());
    else usage(`unknown option ${a}`);
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) usage('--runs must be a whole number >= 1');
  if (o.files.length === 0) o.files = DEFAULT_FILES;
  return o;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

interface Row {
  file: string;
  mb: number;
  findings: number;
  openMs: number;
  changeMs: number[];
  hoverMs: number[];
  workerMs: number[];
}

async function measure(file: string, o: Options): Promise<Row> {
  const ws = mkdtempSync(path.join(tmpdir(), 'finlint-lsp-bench-'));
  mkdirSync(path.join(ws, '.git'));
  const target = path.join(ws, path.basename(file));
  copyFileSync(file, target);
  const { client } = await TestClient.start({ folder: ws, settings: { debounceMs: 0 }, from: o.from, dist: o.dist });
  try {
    // Let the server start its first worker before the clock starts, as it has in an editor by the time a file is opened.
    await new Promise((r) => setTimeout(r, 3000));
    const opened = Date.now();
    const uri = await client.open(target);
    const first = await client.diagnostics(uri, () => true, 0, 600_000);
    const openMs = Date.now() - opened;
    const lines = client.text(uri).split('\n');
    const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
    const changeMs: number[] = [];
    const hoverMs: number[] = [];
    for (let run = 0; run < o.runs; run++) {
      const before = client.published.length;
      const sent = Date.now();
      // An incremental change, as editors send them: a space typed at the end of the document, then deleted.
      const version =
        run % 2 === 0
          ? await client.edit(uri, { start: end, end }, ' ')
          : await client.edit(uri, { start: end, end: { line: end.line, character: end.character + 1 } }, '');
      const hovered = client.hover(uri, 0, 0).then(() => hoverMs.push(Date.now() - sent));
      await client.diagnostics(uri, (p) => p.version === version, before, 600_000);
      changeMs.push(Date.now() - sent);
      await hovered;
    }
    const workerMs = client.logs.flatMap((l) => {
      const m = / v(\d+) in \d+ ms \(\d+ findings, (\d+) ms in the worker\)/.exec(l);
      return m && Number(m[1]) > 1 ? [Number(m[2])] : [];
    });
    await client.stop();
    return { file, mb: statSync(file).size / 1024 / 1024, findings: first.diagnostics.length, openMs, changeMs, hoverMs, workerMs };
  } finally {
    client.kill();
  }
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (o.from === 'dist' && o.build) {
    process.stderr.write(`building finlint into ${path.relative(REPO, o.dist)} ...\n`);
    execFileSync('npx', ['tsup', '--silent', '-d', o.dist], { cwd: REPO, stdio: 'inherit' });
  }
  if (o.from === 'dist' && !existsSync(path.join(o.dist, 'cli.js'))) usage(`no build in ${o.dist} (drop --no-build)`);
  const load = loadavg()[0];
  if (load > 0.5) process.stderr.write(`warning: load average ${load.toFixed(2)}: other work on this machine shows up in the times\n`);
  const rows: Row[] = [];
  for (const f of o.files) {
    const file = path.resolve(o.corpus, f);
    if (!existsSync(file)) usage(`${file} does not exist`);
    process.stderr.write(`${f} ...\n`);
    rows.push(await measure(file, o));
  }
  const env = { node: process.version, cpus: `${availableParallelism()} x ${cpus()[0]?.model ?? '?'}`, loadAverage: load, server: o.from === 'dist' ? path.relative(REPO, o.dist) : 'src (tsx)' };
  const lines = [
    `# finlint language server: didChange -> publishDiagnostics`,
    '',
    `Node ${env.node}, ${env.cpus}, load average ${load.toFixed(2)} at the start; server from ${env.server}; ${o.runs} edits per document; debounce 0 ms.`,
    '',
    '| Document | Size | Diagnostics | Open (first diagnostics) | Edit -> diagnostics, median (min-max) | Lint in the worker, median | Hover answered during the lint, median |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.file} | ${r.mb.toFixed(1)} MB | ${r.findings} | ${r.openMs} ms | ${median(r.changeMs)} ms (${Math.min(...r.changeMs)}-${Math.max(...r.changeMs)}) | ${r.workerMs.length ? `${median(r.workerMs)} ms` : '?'} | ${median(r.hoverMs)} ms |`,
    ),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  mkdirSync(o.out, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  writeFileSync(path.join(o.out, `lsp-latency-${stamp}.md`), `${lines.join('\n')}\n`);
  writeFileSync(path.join(o.out, `lsp-latency-${stamp}.json`), `${JSON.stringify({ env, runs: o.runs, rows }, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
