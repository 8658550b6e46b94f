import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { findConfig, loadConfig, type FailSeverity, type LoadedConfig } from '../config/load.js';
import { WAIVERS_FILE_NAME } from '../config/waivers.js';
import { failsAt, lint, compareFindings, type LintOptions } from './lint.js';
import { expandInputs, type LintInput } from './loader.js';
import type { Finding, Report } from './types.js';

export interface ProjectOptions extends Omit<LintOptions, 'config'> {
  /**
   * A configuration file used for every input, or false for none. By default each input uses the nearest
   * finlint.config.yaml (or .finlintrc.yaml) found by walking up from its directory to the repository root.
   */
  config?: string | false;
  /** Overrides every configuration's `failSeverity`. */
  failSeverity?: FailSeverity;
}

export interface ProjectGroup {
  config?: LoadedConfig;
  report: Report;
  failSeverity: FailSeverity;
}

export interface ProjectResult {
  /** All groups merged into one report, sorted. */
  report: Report;
  /** One group per configuration in use (inputs without a configuration form one group too). */
  groups: ProjectGroup[];
  /** Whether any group has a finding at or above its fail severity. */
  fails: boolean;
}

function mergeReports(reports: Report[], cwd: string, globErrors: Report['inputErrors']): Report {
  if (reports.length === 1 && globErrors.length === 0) return reports[0];
  const used = new Set(reports.flatMap((r) => r.waiversUsed ?? []));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const r of reports) {
    for (const f of r.findings) {
      if (f.code.startsWith('waiver-')) {
        const key = `${f.code}\u0000${f.source}\u0000${f.path.join('/')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (f.code === 'waiver-stale' && f.path[0] === 'waivers' && used.has(`${path.resolve(cwd, f.source)}#${String(f.path[1])}`)) continue;
      }
      findings.push(f);
    }
  }
  findings.sort(compareFindings);
  const ruleInfo = Object.assign({}, ...reports.map((r) => r.ruleInfo ?? {})) as NonNullable<Report['ruleInfo']>;
  const filtered: NonNullable<Report['filtered']> = {};
  for (const r of reports) {
    if (r.filtered?.baseline !== undefined) filtered.baseline = (filtered.baseline ?? 0) + r.filtered.baseline;
    if (r.filtered?.changedSince !== undefined) filtered.changedSince = (filtered.changedSince ?? 0) + r.filtered.changedSince;
  }
  const merged: Report = {
    findings,
    inputErrors: [...globErrors, ...reports.flatMap((r) => r.inputErrors)],
    files: reports.flatMap((r) => r.files),
    preset: [...new Set(reports.map((r) => r.preset))].join(', ') || 'none',
    rules: reports.length === 0 ? 0 : Math.max(...reports.map((r) => r.rules)),
    ruleInfo,
  };
  if (Object.keys(filtered).length > 0) merged.filtered = filtered;
  const configs = [...new Set(reports.flatMap((r) => r.configs ?? []))];
  if (configs.length > 0) merged.configs = configs;
  if (used.size > 0) merged.waiversUsed = [...used];
  return merged;
}

/**
 * Lints inputs the way the CLI does: finds each input's configuration, lints the inputs of each configuration
 * together (its ruleset, overrides, waivers and fail severity), and merges the reports. Never prints or exits.
 */
export async function lintProject(inputs: readonly LintInput[], options: ProjectOptions = {}): Promise<ProjectResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const { config: configOption, failSeverity, ...lintOptions } = options;
  const cwdWaivers = path.join(cwd, WAIVERS_FILE_NAME);
  const withoutConfig: LintOptions = {
    ...lintOptions,
    cwd,
    waivers: lintOptions.waivers ?? (existsSync(cwdWaivers) ? cwdWaivers : undefined),
  };

  const planned: { config?: LoadedConfig; inputs: LintInput[] }[] = [];
  let globErrors: Report['inputErrors'] = [];
  if (typeof configOption === 'string') {
    planned.push({ config: await loadConfig(configOption, cwd), inputs: [...inputs] });
  } else if (configOption === false) {
    planned.push({ inputs: [...inputs] });
  } else {
    const { items, errors } = await expandInputs(inputs, cwd);
    globErrors = errors;
    const byFile = new Map<string, { config?: LoadedConfig; inputs: LintInput[] }>();
    for (const item of items) {
      const dir = typeof item === 'string' ? path.dirname(path.resolve(cwd, item)) : cwd;
      const file = findConfig(dir) ?? '';
      let group = byFile.get(file);
      if (!group) {
        group = { config: file ? await loadConfig(file, cwd) : undefined, inputs: [] };
        byFile.set(file, group);
        planned.push(group);
      }
      group.inputs.push(item);
    }
  }

  const groups: ProjectGroup[] = [];
  for (const g of planned) {
    const report = await lint(g.inputs, g.config ? { ...lintOptions, cwd, config: g.config } : withoutConfig);
    groups.push({ config: g.config, report, failSeverity: failSeverity ?? g.config?.config.failSeverity ?? 'error' });
  }
  const report = mergeReports(
    groups.map((g) => g.report),
    cwd,
    globErrors,
  );
  return { report, groups, fails: groups.some((g) => failsAt(g.report, g.failSeverity)) };
}
