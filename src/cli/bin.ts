import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { startIdleLintWorker } from '../engine/isolate.js';
import { tuneDependenciesForSpeed } from '../engine/tuning.js';

// Commands that lint start their first worker thread now, so that it loads Spectral and the rules while this thread
// loads the CLI (main.js, below): on a small document start-up is most of the time. Only the worker loads Spectral
// (src/engine/lint.ts). `--timeout 0` lints in-process and needs no worker.
const LINTING_COMMANDS = new Set(['lint', 'report', 'baseline']);
const cliArgs = process.argv.slice(2);
const inProcess = cliArgs.some((a, i) => a === '--timeout=0' || (a === '--timeout' && cliArgs[i + 1] === '0'));
// `--preset <name>` without `--ruleset` decides the ruleset whatever the configuration says (src/engine/lint.ts), so the
// worker can build it while this thread is still loading. An unknown name only fails there, after yargs said so.
const presetAt = cliArgs.findIndex((a) => a === '--preset' || a === '-p');
const preset = presetAt > 0 ? cliArgs[presetAt + 1] : cliArgs.find((a) => a.startsWith('--preset='))?.slice('--preset='.length);
const hasRuleset = cliArgs.some((a) => a === '--ruleset' || a === '-r' || a.startsWith('--ruleset='));
if (LINTING_COMMANDS.has(cliArgs[0] ?? '') && !inProcess) startIdleLintWorker(hasRuleset ? undefined : preset);
tuneDependenciesForSpeed();

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function writeFileAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

async function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

// A reader that goes away early (`finlint lint ... | head`) closes stdout: the rest of the output is dropped quietly,
// as other command-line tools do, and the run still finishes (files given with --output are still written, the exit
// code still says whether it failed). Any other error on stdout is one line and exit code 2, never a stack trace.
let stdoutClosed = false;
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') {
    stdoutClosed = true;
    return;
  }
  if (!stdoutClosed) process.stderr.write(`finlint: cannot write the output: ${e.message}\n`);
  stdoutClosed = true;
  process.exitCode = 2;
});

const { main } = await import('./main.js');
main(process.argv.slice(2), {
  stdout: (t) => {
    if (!stdoutClosed) process.stdout.write(t);
  },
  stderr: (t) => process.stderr.write(t),
  readStdin,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
  writeFile: writeFileAtomic,
  ...(process.stdin.isTTY && process.stdout.isTTY ? { prompt } : {}),
}).then(
  (code) => {
    if (process.exitCode !== 2) process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`finlint: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
