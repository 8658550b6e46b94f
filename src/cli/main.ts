import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import yargs from 'yargs';
import { ConfigError } from '../config/validate.js';
import type { FailSeverity, LoadedConfig, OutputFormat } from '../config/load.js';
import { BASELINE_FILE_NAME, createBaseline } from '../engine/baseline.js';
import { GitError } from '../engine/git.js';
import type { LintInput } from '../engine/loader.js';
import { lintProject, type ProjectOptions } from '../engine/project.js';
import { parseDuration, parseSize, type Limits } from '../engine/limits.js';
import { RulesetLoadError } from '../engine/errors.js';
import { SEVERITY_NAMES, severityNumber, type InputError } from '../engine/types.js';
import { FORMAT_NAMES, loadFormatter, type FormatName } from '../format/names.js';
import { loadAuditInputs } from '../report/inputs.js';
import { PRESET_NAMES, type PresetName } from '../../rulesets/presetNames.js';
import { docsDir } from './docs.js';
import { CI_SYSTEMS, defaultCi, detectSpecs, plannedFiles, type CiSystem } from './init.js';
import type { CliIO } from './io.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const FAIL_SEVERITIES = [...SEVERITY_NAMES, 'none'] as const;

class UsageError extends Error {}

/** yargs drops a bare `-` from positionals, so stdin is passed through it under this name. */
const STDIN_TOKEN = '\u0000stdin';

type Yargs = ReturnType<typeof yargs>;

/** Options shared by `lint` and `baseline create`: what to lint and with which rules. */
function lintOptions(y: Yargs) {
  return y
    .positional('inputs', { type: 'string', array: true, describe: 'Files or globs; - reads stdin' })
    .option('preset', { alias: 'p', choices: PRESET_NAMES, describe: 'Built-in rule preset (default recommended); replaces the configuration\'s rules' })
    .option('ruleset', { alias: 'r', type: 'string', describe: 'A Spectral ruleset file (may extend finlint); replaces --preset and the configuration\'s rules' })
    .option('config', { alias: 'c', type: 'string', describe: 'finlint.config.yaml to use (default: found by walking up from each file); --no-config for none' })
    .option('waivers', { type: 'string', describe: 'Waivers file (default: the configuration\'s, or finlint.waivers.yaml next to it); --no-waivers for none' })
    .option('inline-ignores', { type: 'boolean', default: true, describe: 'Honour x-finlint-ignore in documents (--no-inline-ignores to report everything)' })
    .option('stdin-filepath', { type: 'string', describe: 'Name to report for a document read from stdin' })
    .option('root', { type: 'string', describe: 'Directory file $refs may not leave (default: each document\'s directory)' })
    .option('allow-remote-refs', { type: 'string', describe: 'Fetch http(s) $refs; optionally a comma-separated list of allowed hosts' })
    .option('max-file-size', { type: 'string', describe: 'Largest document or $ref\'d file, e.g. 50MB (default 50MB; units are powers of 1024)' })
    .option('max-depth', { type: 'string', describe: 'Deepest nesting of mappings and sequences (default 512)' })
    .option('max-aliases', { type: 'string', describe: 'Most YAML alias expansions per file (default 1000)' })
    .option('max-resolved-size', { type: 'string', describe: 'Most bytes of $ref\'d files read for one document (default 100MB)' })
    .option('timeout', { type: 'string', describe: 'Longest time one document may take to lint, e.g. 300s, 500ms, 5m; 0 for none (default 300s)' })
    .option('jobs', { alias: 'j', type: 'string', describe: 'Documents linted at the same time, each in a worker thread (default: CPUs - 1, at least 1)' });
}

function buildParser() {
  return yargs()
    .scriptName('finlint')
    .usage('$0 <command> [options]')
    .command('lint <inputs..>', 'Lint OpenAPI 2.0/3.0/3.1 documents (files, globs, or - for stdin)', (y) =>
      lintOptions(y)
        .option('format', {
          alias: 'f',
          type: 'string',
          describe: `Output format, repeatable: ${FORMAT_NAMES.join(', ')} (default stylish, or the configuration's formats)`,
        })
        .option('output', { alias: 'o', type: 'string', describe: 'Write the preceding --format to this file instead of stdout (repeatable)' })
        .option('fail-severity', {
          alias: 'F',
          choices: FAIL_SEVERITIES,
          describe: 'Exit 1 when a finding at or above this severity is found (default error, or the configuration\'s failSeverity)',
        })
        .option('baseline', { alias: 'b', type: 'string', describe: 'Report only findings that are not in this baseline file' })
        .option('changed-since', { type: 'string', describe: 'Report only findings that are new relative to the same file at this git ref' })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Show only findings at or above the fail severity, no summary' }),
    )
    .command('baseline', 'Record today\'s findings so that later runs report only new ones', (y) =>
      y
        .command('create <inputs..>', 'Write a baseline of the current findings', (c) =>
          lintOptions(c).option('output', { alias: 'o', type: 'string', default: BASELINE_FILE_NAME, describe: 'Baseline file to write' }),
        )
        .demandCommand(1, 'Give a baseline command: create.'),
    )
    .command('init', 'Write a starter finlint.config.yaml, finlint.waivers.yaml and a CI workflow', (y) =>
      y
        .option('ci', { choices: CI_SYSTEMS, describe: 'CI workflow to write (default: gitlab when .gitlab-ci.yml exists, else github)' })
        .option('spec', { type: 'string', array: true, describe: 'API documents the workflow lints (default: OpenAPI files found here)' })
        .option('force', { type: 'boolean', default: false, describe: 'Overwrite existing files' })
        .option('yes', { alias: 'y', type: 'boolean', default: false, describe: 'Ask nothing, take the defaults' }),
    )
    .command('rules', 'List every rule with severity, formats and controls', (y) =>
      y
        .option('format', { alias: 'f', choices: ['text', 'json'] as const, default: 'text' as const })
        .option('preset', { alias: 'p', choices: PRESET_NAMES, describe: 'Only the rules this preset turns on' }),
    )
    .command('explain <rule>', 'Print the documentation page of a rule', (y) => y.positional('rule', { type: 'string', demandOption: true }))
    .command('report <inputs..>', 'Write the HTML compliance report for auditors: per-control coverage, findings, waivers', (y) =>
      lintOptions(y)
        .option('output', { alias: 'o', type: 'string', default: 'finlint-report.html', describe: 'HTML file to write (- for stdout)' })
        .option('all-findings', { type: 'boolean', default: false, describe: 'List every finding in full (default: up to 1500 in full and 4000 by location; totals always count all)' }),
    )
    .command('lsp', 'Start the language server (Language Server Protocol over stdio) for editors', (y) =>
      y
        .option('stdio', { type: 'boolean', default: true, describe: 'Speak LSP over stdin/stdout (the only transport)' })
        .option('clientProcessId', { type: 'number', hidden: true, describe: 'Exit when this process ends (passed by editor clients)' }),
    )
    .demandCommand(1, 'Give a command: lint, report, baseline, init, rules or explain.')
    .strictCommands()
    .strictOptions()
    .help()
    .version()
    .wrap(100);
}

function inputErrorLine(e: InputError): string {
  const where = e.line !== undefined ? `${e.source}:${e.line}:${e.column ?? 1}` : e.source;
  return `finlint: ${where}: ${e.message}\n`;
}

interface OutputSpec {
  format: FormatName;
  output?: string;
}

/**
 * Pairs `--format` and `--output` in the order given: each output belongs to the nearest format before it that
 * has none; with as many outputs as formats they pair up in order. Formats without an output go to stdout.
 */
export function pairFormats(args: readonly string[]): { formats: string[]; outputs: string[]; pairs: { format: string; output?: string }[] } {
  const events: { kind: 'format' | 'output'; value: string }[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    const m = /^(--format|--output|-f|-o)(?:=(.*))?$/.exec(a);
    if (!m) continue;
    const kind = m[1] === '--format' || m[1] === '-f' ? 'format' : 'output';
    const value = m[2] ?? args[++i];
    if (value !== undefined) events.push({ kind, value });
  }
  const formats = events.filter((e) => e.kind === 'format').map((e) => e.value);
  const outputs = events.filter((e) => e.kind === 'output').map((e) => e.value);
  if (outputs.length > Math.max(formats.length, 1)) throw new UsageError('more --output than --format options: give one --format before each --output');
  if (formats.length === outputs.length) return { formats, outputs, pairs: formats.map((format, i) => ({ format, output: outputs[i] })) };
  const pairs: { format: string; output?: string }[] = [];
  for (const e of events) {
    if (e.kind === 'format') pairs.push({ format: e.value });
    else {
      const open = [...pairs].reverse().find((p) => p.output === undefined);
      if (!open) {
        if (formats.length === 0) pairs.push({ format: '', output: e.value });
        else throw new UsageError(`--output ${e.value} has no --format before it`);
      } else open.output = e.value;
    }
  }
  return { formats, outputs, pairs };
}

function outputSpecs(args: readonly string[], config: LoadedConfig | undefined): OutputSpec[] {
  const { pairs } = pairFormats(args);
  for (const p of pairs) {
    if (p.format !== '' && !(FORMAT_NAMES as readonly string[]).includes(p.format)) {
      throw new UsageError(`unknown format ${p.format} (choose from ${FORMAT_NAMES.join(', ')})`);
    }
  }
  let specs: OutputSpec[];
  if (pairs.some((p) => p.format !== '')) specs = pairs as OutputSpec[];
  else {
    const configured = (config?.config.formats ?? []).map((f) => (typeof f === 'string' ? { format: f } : { format: f.format, output: f.output })) as {
      format: OutputFormat;
      output?: string;
    }[];
    specs = configured.length > 0 ? configured : [{ format: 'stylish' }];
    const cliOutput = pairs.find((p) => p.output !== undefined)?.output;
    if (cliOutput !== undefined) {
      const target = specs.find((s) => s.output === undefined);
      if (!target) throw new UsageError('--output needs a --format (every configured format already has an output)');
      target.output = cliOutput;
    }
  }
  const seen = new Set<string>();
  for (const s of specs) {
    if (s.output === undefined) continue;
    if (seen.has(s.output)) throw new UsageError(`two formats write to ${s.output}`);
    seen.add(s.output);
  }
  return specs;
}

async function collectInputs(argv: Record<string, unknown>, io: CliIO): Promise<LintInput[]> {
  const rawInputs = (argv.inputs as string[]) ?? [];
  const stdinCount = rawInputs.filter((i) => i === STDIN_TOKEN).length;
  if (stdinCount > 1) throw new UsageError('stdin (-) can be given only once');
  if (argv['stdin-filepath'] !== undefined && stdinCount === 0) throw new UsageError('--stdin-filepath needs - among the inputs');
  const inputs: LintInput[] = [];
  for (const input of rawInputs) {
    if (input === STDIN_TOKEN) inputs.push({ source: (argv['stdin-filepath'] as string | undefined) ?? '<stdin>', content: await io.readStdin() });
    else inputs.push(input);
  }
  return inputs;
}

/** The limit flags given on the command line (docs/limits.md). */
function limitOptions(argv: Record<string, unknown>): Partial<Limits> {
  const limits: Partial<Limits> = {};
  const flag = (name: string): string | undefined => {
    const v = argv[name];
    if (v === undefined) return undefined;
    if (Array.isArray(v) || typeof v !== 'string' || v === '') throw new UsageError(`--${name} needs one value`);
    return v;
  };
  const size = (name: string, key: 'maxFileBytes' | 'maxResolvedBytes') => {
    const v = flag(name);
    if (v === undefined) return;
    const bytes = parseSize(v);
    if (bytes === undefined) throw new UsageError(`--${name} ${v} is not a size (give bytes, or a number with k, MB or GB)`);
    limits[key] = bytes;
  };
  const count = (name: string, key: 'maxDepth' | 'maxAliases') => {
    const v = flag(name);
    if (v === undefined) return;
    if (!/^\d{1,9}$/.test(v.trim()) || Number(v) < 1) throw new UsageError(`--${name} ${v} is not a whole number of at least 1`);
    limits[key] = Number(v);
  };
  size('max-file-size', 'maxFileBytes');
  size('max-resolved-size', 'maxResolvedBytes');
  count('max-depth', 'maxDepth');
  count('max-aliases', 'maxAliases');
  const timeout = flag('timeout');
  if (timeout !== undefined) {
    const ms = parseDuration(timeout);
    if (ms === undefined) throw new UsageError(`--timeout ${timeout} is not a duration (e.g. 120s, 500ms, 2m, or 0 for none)`);
    limits.timeoutMs = ms;
  }
  return limits;
}

function projectOptions(argv: Record<string, unknown>, io: CliIO): ProjectOptions {
  const remote = argv['allow-remote-refs'] as string | undefined;
  const allowRemoteRefs = remote === undefined ? false : remote === '' ? true : remote.split(',').map((h) => h.trim()).filter(Boolean);
  const config = argv.config as string | false | undefined;
  const waivers = argv.waivers as string | false | undefined;
  if (config === '') throw new UsageError('--config needs a file');
  if (waivers === '') throw new UsageError('--waivers needs a file');
  return {
    cwd: io.cwd,
    preset: argv.preset as PresetName | undefined,
    ruleset: argv.ruleset as string | undefined,
    config: config === undefined ? undefined : config === false ? false : String(config),
    waivers: waivers === undefined ? undefined : waivers === false ? false : String(waivers),
    inlineIgnores: argv['inline-ignores'] !== false,
    root: argv.root as string | undefined,
    allowRemoteRefs,
    limits: limitOptions(argv),
    jobs: jobsOption(argv),
    now: io.now?.(),
  };
}

function jobsOption(argv: Record<string, unknown>): number | undefined {
  const v = argv.jobs as string | undefined;
  if (v === undefined) return undefined;
  if (!/^\d{1,4}$/.test(v.trim()) || Number(v) < 1) throw new UsageError(`--jobs ${v} is not a whole number of at least 1`);
  return Number(v);
}

async function runLint(argv: Record<string, unknown>, args: readonly string[], io: CliIO): Promise<number> {
  const inputs = await collectInputs(argv, io);
  const cliFail = argv['fail-severity'] as FailSeverity | undefined;
  const result = await lintProject(inputs, {
    ...projectOptions(argv, io),
    failSeverity: cliFail,
    baseline: argv.baseline as string | undefined,
    changedSince: argv['changed-since'] as string | undefined,
  });
  const { report } = result;
  const firstConfig = result.groups.find((g) => g.config)?.config;
  const failSeverity: FailSeverity = cliFail ?? firstConfig?.config.failSeverity ?? 'error';
  const specs = outputSpecs(args, firstConfig);

  for (const e of report.inputErrors) io.stderr(inputErrorLine(e));
  const quiet = argv.quiet === true;
  const maxSeverity = quiet && failSeverity !== 'none' ? severityNumber(failSeverity) : 3;
  const failing = report.findings.some((f) => f.severity <= maxSeverity && f.suppression === undefined);
  const wantsAudit = specs.some((s) => s.format === 'html' || s.format === 'markdown');
  const audit = wantsAudit
    ? await loadAuditInputs(report, { cwd: io.cwd, groups: result.groups, inputs, docs: specs.some((s) => s.format === 'html') })
    : undefined;
  for (const spec of specs) {
    const toStdout = spec.output === undefined;
    const text =
      quiet && toStdout && spec.format === 'stylish' && !failing
        ? ''
        : (await loadFormatter(spec.format))(report, {
            color: io.isTTY && toStdout && spec.format === 'stylish',
            maxSeverity,
            showWaived: !quiet,
            failSeverity,
            now: io.now?.(),
            audit,
          });
    if (toStdout) io.stdout(text);
    else await io.writeFile(path.resolve(io.cwd, spec.output!), text);
  }

  if (report.inputErrors.length > 0) return EXIT_USAGE;
  return result.fails ? EXIT_FINDINGS : EXIT_OK;
}

async function runReport(argv: Record<string, unknown>, io: CliIO): Promise<number> {
  const inputs = await collectInputs(argv, io);
  const output = String(argv.output);
  const result = await lintProject(inputs, projectOptions(argv, io));
  const { report } = result;
  for (const e of report.inputErrors) io.stderr(inputErrorLine(e));
  const audit = await loadAuditInputs(report, { cwd: io.cwd, groups: result.groups, inputs });
  const text = (await loadFormatter('html'))(report, { audit, now: io.now?.(), ...(argv['all-findings'] === true ? { listLimits: false as const } : {}) });
  if (output === STDIN_TOKEN) io.stdout(text);
  else {
    await io.writeFile(path.resolve(io.cwd, output), text);
    const open = report.findings.filter((f) => f.suppression === undefined).length;
    const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
    io.stdout(`Compliance report of ${n(report.files.length, 'document')} (${n(open, 'open finding')}, ${report.findings.length - open} waived) written to ${output}.\n`);
  }
  return report.inputErrors.length > 0 ? EXIT_USAGE : EXIT_OK;
}

async function runBaselineCreate(argv: Record<string, unknown>, io: CliIO): Promise<number> {
  const inputs = await collectInputs(argv, io);
  const output = String(argv.output);
  const result = await lintProject(inputs, projectOptions(argv, io));
  for (const e of result.report.inputErrors) io.stderr(inputErrorLine(e));
  if (result.report.inputErrors.length > 0) {
    io.stderr(`finlint: baseline not written: every input must be readable\n`);
    return EXIT_USAGE;
  }
  const target = path.resolve(io.cwd, output);
  const baseline = createBaseline(result.report.findings, { cwd: io.cwd, file: target });
  await io.writeFile(target, `${JSON.stringify(baseline, null, 2)}\n`);
  io.stdout(`Baseline of ${baseline.findings.length} finding${baseline.findings.length === 1 ? '' : 's'} in ${result.report.files.length} file${result.report.files.length === 1 ? '' : 's'} written to ${output}.\n`);
  return EXIT_OK;
}

async function runInit(argv: Record<string, unknown>, io: CliIO): Promise<number> {
  const ask = argv.yes === true ? undefined : io.prompt;
  let ci = (argv.ci as CiSystem | undefined) ?? defaultCi(io.cwd);
  let specs = (argv.spec as string[] | undefined) ?? (await detectSpecs(io.cwd));
  if (ask) {
    if (argv.ci === undefined) {
      for (;;) {
        const answer = (await ask(`CI system (${CI_SYSTEMS.join('/')}) [${ci}]: `)).trim().toLowerCase();
        if (answer === '') break;
        if ((CI_SYSTEMS as readonly string[]).includes(answer)) {
          ci = answer as CiSystem;
          break;
        }
        io.stdout(`Please answer ${CI_SYSTEMS.join(', ')}.\n`);
      }
    }
    if (argv.spec === undefined) {
      const answer = (await ask(`API documents to lint (files or globs, space-separated) [${specs.join(' ')}]: `)).trim();
      if (answer !== '') specs = answer.split(/\s+/);
    }
  }
  const files = plannedFiles({ ci, specs }, io.cwd);
  let skipped = 0;
  for (const f of files) {
    const target = path.resolve(io.cwd, f.path);
    if (existsSync(target) && argv.force !== true) {
      io.stdout(`skipped ${f.path} (exists; --force overwrites)\n`);
      skipped++;
      continue;
    }
    await io.writeFile(target, f.content);
    io.stdout(`wrote ${f.path}${f.note ? `: ${f.note}` : ''}\n`);
  }
  io.stdout(`${skipped ? `${skipped} file${skipped === 1 ? '' : 's'} left as they were. ` : ''}Next: finlint lint ${specs.join(' ')}\n`);
  return EXIT_OK;
}

async function runRules(argv: Record<string, unknown>, io: CliIO): Promise<number> {
  const preset = argv.preset as PresetName | undefined;
  // The rules (and their functions) load only for the commands that list them.
  const { profileRules } = await import('../../rulesets/profiles.js');
  // Without --preset: every rule at its default severity; with one: the rules it turns on, at its severities.
  const rules = profileRules(preset ?? 'all');
  if (argv.format === 'json') {
    const rows = rules.map(({ rule: r, severity, options }) => ({
      id: r.id,
      severity,
      recommended: r.definition.recommended,
      oasVersions: r.definition.extensions.oasVersions,
      controls: r.definition.extensions.controls,
      category: r.definition.extensions.category,
      description: r.definition.description,
      documentationUrl: r.definition.documentationUrl,
      ...(options ? { options } : {}),
    }));
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT_OK;
  }
  const idWidth = Math.max(...rules.map((e) => e.rule.id.length), 4);
  const lines = [`${'rule'.padEnd(idWidth)}  severity  rec  oas          controls`];
  for (const { rule: r, severity, options } of rules) {
    const d = r.definition;
    lines.push(
      `${r.id.padEnd(idWidth)}  ${severity.padEnd(8)}  ${(d.recommended ? 'yes' : 'no').padEnd(3)}  ${d.extensions.oasVersions.join(',').padEnd(11)}  ${d.extensions.controls.join(' ')}${options ? `  options ${JSON.stringify(options)}` : ''}`,
    );
  }
  lines.push('', `${rules.length} rules${preset ? ` in preset ${preset}` : ''}. finlint explain <rule> prints a rule's documentation.`);
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

async function runExplain(argv: Record<string, unknown>, io: CliIO): Promise<number> {
  const id = String(argv.rule);
  const { allRules, rulesById } = await import('../../rulesets/registry.js');
  if (!rulesById.has(id)) {
    const near = allRules.filter((r) => r.id.includes(id) || id.includes(r.id.replace(/^fin-/, ''))).map((r) => r.id);
    throw new UsageError(`unknown rule ${id}${near.length ? ` (did you mean ${near.slice(0, 3).join(', ')}?)` : ''}; finlint rules lists them`);
  }
  const dir = docsDir();
  if (!dir) throw new UsageError('the docs/ directory is missing from this installation');
  io.stdout(await readFile(path.join(dir, 'rules', `${id}.md`), 'utf8'));
  return EXIT_OK;
}

/** `finlint lsp --stdio`: never returns; the language server ends the process (src/lsp/stdio.ts). */
async function runLsp(argv: Record<string, unknown>): Promise<number> {
  if (argv.stdio === false) throw new UsageError('finlint lsp speaks LSP over stdio only: run finlint lsp --stdio');
  const { startStdioServer } = await import('../lsp/stdio.js');
  return startStdioServer();
}

/** The CLI: parses argv, runs the command, writes through `io`, returns the exit code. Never calls process.exit. */
export async function main(args: readonly string[], io: CliIO): Promise<number> {
  let parseError: Error | undefined;
  let helpText = '';
  let argv: Record<string, unknown>;
  try {
    argv = await new Promise<Record<string, unknown>>((resolve, reject) => {
      buildParser()
        .exitProcess(false)
        .fail((msg, err) => reject(err ?? new UsageError(msg)))
        .parse(args.map((a) => (a === '-' ? STDIN_TOKEN : a)), {}, (err, parsed, output) => {
          helpText = output;
          if (err) parseError = err;
          resolve(parsed as Record<string, unknown>);
        });
    });
  } catch (e) {
    parseError = e as Error;
    argv = {};
  }
  if (parseError) {
    io.stderr(`finlint: ${parseError.message}\n${helpText ? '' : "Run 'finlint --help' for usage.\n"}`);
    return EXIT_USAGE;
  }
  if (helpText) {
    io.stdout(`${helpText}\n`);
    return EXIT_OK;
  }
  const [command, sub] = (argv._ as unknown[]).map(String);
  try {
    if (command === 'lint') return await runLint(argv, args, io);
    if (command === 'baseline' && sub === 'create') return await runBaselineCreate(argv, io);
    if (command === 'init') return await runInit(argv, io);
    if (command === 'rules') return await runRules(argv, io);
    if (command === 'explain') return await runExplain(argv, io);
    if (command === 'report') return await runReport(argv, io);
    if (command === 'lsp') return await runLsp(argv);
    throw new UsageError(`unknown command ${[command, sub].filter(Boolean).join(' ')}`);
  } catch (e) {
    if (e instanceof ConfigError) {
      for (const line of e.message.split('\n')) io.stderr(`finlint: ${line}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof UsageError || e instanceof RulesetLoadError || e instanceof GitError) {
      io.stderr(`finlint: ${e.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`finlint: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
}
