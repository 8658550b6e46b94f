import * as path from 'node:path';
import { Ruleset, Spectral, type ISpectralDiagnostic, type RulesetDefinition } from '@stoplight/spectral-core';
import { isPresetName, presetRuleset, type PresetName } from '../../rulesets/presets.js';
import { documentationUrlFor } from '../../rulesets/define.js';
import type { FinRuleExtensions } from '../../rulesets/types.js';
import { expandInputs, loadInput, parseRefTarget, type LintInput, type LoadedDocument } from './loader.js';
import { createSafeResolver } from './resolver.js';
import { loadRulesetFile } from './rulesetFile.js';
import { SEVERITY_NAMES, severityNumber, type Finding, type InputError, type Report, type SeverityName, type SeverityNumber } from './types.js';

export interface LintOptions {
  /** Working directory for relative inputs and globs. Defaults to the process's. */
  cwd?: string;
  /** `recommended` (default) or `all`. Ignored when `ruleset` is given. */
  preset?: PresetName;
  /** A Spectral ruleset: a file path (YAML/JSON/JS, may `extends: finlint`), a definition object or a Ruleset. */
  ruleset?: string | RulesetDefinition | Ruleset;
  /** Directory file `$ref`s may not leave. Defaults to the directory of each linted document. */
  root?: string;
  /** Fetch remote `$ref`s: `true`, or a list of allowed hosts. Off by default. */
  allowRemoteRefs?: boolean | readonly string[];
}

/** Engine diagnostics that are not finlint rules; documented in docs/engine.md. */
const ENGINE_DOCS = 'https://github.com/finlint/finlint/blob/main/docs/engine.md';
const ENGINE_FIX: Record<string, string> = {
  'invalid-ref': 'Point the $ref at an existing target inside the lint root, or pass --root / --allow-remote-refs if it is intended.',
  parser: 'Fix the document so that it parses cleanly (for example remove the duplicated key).',
  'unrecognized-format': 'Declare "openapi: 3.0.x", "openapi: 3.1.x" or "swagger: \'2.0\'" at the top of the document.',
};

async function resolveRuleset(options: LintOptions, cwd: string): Promise<{ ruleset: Ruleset; label: string }> {
  const given = options.ruleset;
  if (typeof given === 'string') {
    return { ruleset: await loadRulesetFile(given, cwd), label: given };
  }
  if (given instanceof Ruleset) return { ruleset: given, label: 'custom' };
  if (given !== undefined) return { ruleset: new Ruleset(given, { severity: 'recommended' }), label: 'custom' };
  const preset = options.preset ?? 'recommended';
  if (!isPresetName(preset)) throw new Error(`unknown preset ${String(preset)}`);
  return { ruleset: new Ruleset(presetRuleset(preset), { severity: 'recommended' }), label: preset };
}

function displaySource(absolute: string | undefined, doc: LoadedDocument, cwd: string): string {
  if (absolute === undefined || absolute === doc.absolutePath) return doc.source;
  const rel = path.relative(cwd, absolute);
  return rel.startsWith('..') || path.isAbsolute(rel) ? absolute : rel;
}

/** Spectral gives array indices as strings; the JSON contract uses numbers, decided by walking the actual data. */
function typedPath(segments: readonly (string | number)[], data: unknown): (string | number)[] {
  const out: (string | number)[] = [];
  let cur: unknown = data;
  for (const seg of segments) {
    if (Array.isArray(cur)) {
      const index = Number(seg);
      out.push(Number.isInteger(index) ? index : seg);
      cur = cur[index];
    } else {
      out.push(String(seg));
      cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[String(seg)] : undefined;
    }
  }
  return out;
}

function toFinding(result: ISpectralDiagnostic, ruleset: Ruleset, doc: LoadedDocument, cwd: string, dataOf: (abs: string | undefined) => unknown): Finding {
  const code = String(result.code);
  const rule = ruleset.rules[code];
  const ext = (rule?.extensions ?? null) as Partial<FinRuleExtensions> | null;
  return {
    code,
    message: result.message,
    severity: result.severity as SeverityNumber,
    path: typedPath(result.path, dataOf(result.source)),
    range: {
      start: { line: result.range.start.line, character: result.range.start.character },
      end: { line: result.range.end.line, character: result.range.end.character },
    },
    source: displaySource(result.source, doc, cwd),
    controls: [...(ext?.controls ?? [])],
    documentationUrl:
      rule?.documentationUrl ?? (code.startsWith('fin-') ? documentationUrlFor(code) : ENGINE_FIX[code] ? `${ENGINE_DOCS}#${code}` : ''),
    howToFix: ext?.howToFix ?? ENGINE_FIX[code] ?? '',
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/**
 * Lints OpenAPI documents. Never prints and never exits: inputs that cannot be linted are returned as
 * `inputErrors`, every other input is still linted.
 */
export async function lint(inputs: readonly LintInput[], options: LintOptions = {}): Promise<Report> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const { ruleset, label } = await resolveRuleset(options, cwd);
  const { items, errors: inputErrors } = await expandInputs(inputs, cwd);
  const findings: Finding[] = [];
  const files: string[] = [];

  for (const item of items) {
    const loaded = await loadInput(item, cwd);
    if (!('document' in loaded)) {
      inputErrors.push(loaded);
      continue;
    }
    const resolver = createSafeResolver({
      root: options.root ? path.resolve(cwd, options.root) : path.dirname(loaded.absolutePath),
      allowRemoteRefs: options.allowRemoteRefs,
    });
    const spectral = new Spectral({ resolver });
    spectral.setRuleset(ruleset);
    let results: ISpectralDiagnostic[];
    try {
      results = await spectral.run(loaded.document, { ignoreUnknownFormat: false });
    } catch (e) {
      inputErrors.push({ source: loaded.source, message: `lint failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` });
      continue;
    }
    files.push(loaded.source);
    const parsed = new Map<string, unknown>([[loaded.absolutePath, loaded.document.data]]);
    const dataOf = (abs: string | undefined): unknown => {
      const key = abs ?? loaded.absolutePath;
      if (!parsed.has(key)) parsed.set(key, parseRefTarget(key));
      return parsed.get(key);
    };
    for (const r of results) findings.push(toFinding(r, ruleset, loaded, cwd, dataOf));
  }
  findings.sort(compareFindings);
  return { findings, inputErrors, files, preset: label, rules: Object.values(ruleset.rules).filter((r) => r.enabled).length };
}

/** Whether a report fails at the given severity: any finding at or above it (`none` never fails). */
export function failsAt(report: Report, failSeverity: SeverityName | 'none'): boolean {
  if (failSeverity === 'none') return false;
  const threshold = severityNumber(failSeverity);
  return report.findings.some((f) => f.severity <= threshold);
}

export { SEVERITY_NAMES };
