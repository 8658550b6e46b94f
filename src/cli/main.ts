import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import yargs from 'yargs';
import { failsAt, lint } from '../engine/lint.js';
import type { LintInput } from '../engine/loader.js';
import { RulesetLoadError } from '../engine/rulesetFile.js';
import { SEVERITY_NAMES, severityNumber, type InputError, type SeverityName } from '../engine/types.js';
import { FORMAT_NAMES, formatters, type FormatName } from '../format/index.js';
import { PRESET_NAMES, type PresetName } from '../../rulesets/presets.js';
import { allRules, rulesById } from '../../rulesets/registry.js';
import { docsDir } from './docs.js';
import type { CliIO } from './io.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const FAIL_SEVERITIES = [...SEVERITY_NAMES, 'none'] as const;

class UsageError extends Error {}

/** yargs drops a bare `-` from positionals, so stdin is passed through it under this name. */
const STDIN_TOKEN = '\u0000stdin';

function buildParser() {
  return yargs()
    .scriptName('finlint')
    .usage('$0 <command> [options]')
    .command('lint <inputs..>', 'Lint OpenAPI 2.0/3.0/3.1 documents (files, globs, or - for stdin)', (y) =>
      y
        .positional('inputs', { type: 'string', array: true, describe: 'Files or globs; - reads stdin' })
        .option('format', { alias: 'f', choices: FORMAT_NAMES, default: 'stylish' as FormatName, describe: 'Output format' })
        .option('output', { alias: 'o', type: 'string', describe: 'Write the report to this file instead of stdout' })
        .option('fail-severity', {
          alias: 'F',
          choices: FAIL_SEVERITIES,
          default: 'error' as SeverityName | 'none',
          describe: 'Exit 1 when a finding at or above this severity is found',
        })
        .option('preset', { alias: 'p', choices: PRESET_NAMES, default: 'recommended' as PresetName, describe: 'Built-in rule preset' })
        .option('ruleset', { alias: 'r', type: 'string', describe: 'A Spectral ruleset file (may extend finlint); replaces --preset' })
        .option('stdin-filepath', { type: 'string', describe: 'Name to report for a document read from stdin' })
        .option('root', { type: 'string', describe: 'Directory file $refs may not leave (default: each document\'s directory)' })
        .option('allow-remote-refs', {
          type: 'string',
          describe: 'Fetch http(s) $refs; optionally a comma-separated list of allowed hosts',
        })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Show only findings at or above the fail severity, no summary' }),
    )
    .command('rules', 'List every rule with severity, formats and controls', (y) =>
      y
        .option('format', { alias: 'f', choices: ['text', 'json'] as const, default: 'text' as const })
        .option('preset', { alias: 'p', choices: PRESET_NAMES, describe: 'Only the rules this preset turns on' }),
    )
    .command('explain <rule>', 'Print the documentation page of a rule', (y) => y.positional('rule', { type: 'string', demandOption: true }))
    .demandCommand(1, 'Give a command: lint, rules or explain.')
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

async function runLint(argv: Record<string, unknown>, io: CliIO): Promise<number> {
  const rawInputs = (argv.inputs as string[]) ?? [];
  const format = argv.format as FormatName;
  const failSeverity = argv['fail-severity'] as SeverityName | 'none';
  const stdinCount = rawInputs.filter((i) => i === STDIN_TOKEN).length;
  if (stdinCount > 1) throw new UsageError('stdin (-) can be given only once');
  if (argv['stdin-filepath'] !== undefined && stdinCount === 0) throw new UsageError('--stdin-filepath needs - among the inputs');
  const inputs: LintInput[] = [];
  for (const input of rawInputs) {
    if (input === STDIN_TOKEN) inputs.push({ source: (argv['stdin-filepath'] as string | undefined) ?? '<stdin>', content: await io.readStdin() });
    else inputs.push(input);
  }
  const remote = argv['allow-remote-refs'] as string | undefined;
  const allowRemoteRefs =
    remote === undefined ? false : remote === '' ? true : remote.split(',').map((h) => h.trim()).filter(Boolean);

  const report = await lint(inputs, {
    cwd: io.cwd,
    preset: argv.preset as PresetName,
    ruleset: argv.ruleset as string | undefined,
    root: argv.root as string | undefined,
    allowRemoteRefs,
  });

  for (const e of report.inputErrors) io.stderr(inputErrorLine(e));
  const quiet = argv.quiet === true;
  const maxSeverity = quiet && failSeverity !== 'none' ? severityNumber(failSeverity) : 3;
  const output = argv.output as string | undefined;
  const text =
    quiet && format === 'stylish' && !report.findings.some((f) => f.severity <= maxSeverity)
      ? ''
      : formatters[format](report, { color: io.isTTY && output === undefined, maxSeverity });
  if (output !== undefined) await io.writeFile(path.resolve(io.cwd, output), text);
  else io.stdout(text);

  if (report.inputErrors.length > 0) return EXIT_USAGE;
  return failsAt(report, failSeverity) ? EXIT_FINDINGS : EXIT_OK;
}

function runRules(argv: Record<string, unknown>, io: CliIO): number {
  const preset = argv.preset as PresetName | undefined;
  const rules = allRules.filter((r) => preset !== 'recommended' || r.definition.recommended);
  if (argv.format === 'json') {
    const rows = rules.map((r) => ({
      id: r.id,
      severity: r.definition.severity,
      recommended: r.definition.recommended,
      oasVersions: r.definition.extensions.oasVersions,
      controls: r.definition.extensions.controls,
      category: r.definition.extensions.category,
      description: r.definition.description,
      documentationUrl: r.definition.documentationUrl,
    }));
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT_OK;
  }
  const idWidth = Math.max(...rules.map((r) => r.id.length), 4);
  const lines = [`${'rule'.padEnd(idWidth)}  severity  rec  oas          controls`];
  for (const r of rules) {
    const d = r.definition;
    lines.push(
      `${r.id.padEnd(idWidth)}  ${d.severity.padEnd(8)}  ${(d.recommended ? 'yes' : 'no').padEnd(3)}  ${d.extensions.oasVersions.join(',').padEnd(11)}  ${d.extensions.controls.join(' ')}`,
    );
  }
  lines.push('', `${rules.length} rules. finlint explain <rule> prints a rule's documentation.`);
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

async function runExplain(argv: Record<string, unknown>, io: CliIO): Promise<number> {
  const id = String(argv.rule);
  if (!rulesById.has(id)) {
    const near = allRules.filter((r) => r.id.includes(id) || id.includes(r.id.replace(/^fin-/, ''))).map((r) => r.id);
    throw new UsageError(`unknown rule ${id}${near.length ? ` (did you mean ${near.slice(0, 3).join(', ')}?)` : ''}; finlint rules lists them`);
  }
  const dir = docsDir();
  if (!dir) throw new UsageError('the docs/ directory is missing from this installation');
  io.stdout(await readFile(path.join(dir, 'rules', `${id}.md`), 'utf8'));
  return EXIT_OK;
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
  const command = String((argv._ as unknown[])[0]);
  try {
    if (command === 'lint') return await runLint(argv, io);
    if (command === 'rules') return runRules(argv, io);
    if (command === 'explain') return await runExplain(argv, io);
    throw new UsageError(`unknown command ${command}`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof RulesetLoadError) {
      io.stderr(`finlint: ${e.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`finlint: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
}
