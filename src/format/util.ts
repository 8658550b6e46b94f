import { SEVERITY_NAMES, type Finding, type Report, type RuleInfo } from '../engine/types.js';
import type { FormatContext } from './types.js';

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function severityName(severity: number): string {
  return SEVERITY_NAMES[severity] ?? 'hint';
}

/** Findings a human-facing format shows: within `maxSeverity`, and waived ones only when `showWaived`. */
export function visibleFindings(report: Report, ctx: FormatContext = {}): Finding[] {
  const max = ctx.maxSeverity ?? 3;
  const showWaived = ctx.showWaived ?? true;
  return report.findings.filter((f) => f.severity <= max && (showWaived || f.suppression === undefined));
}

/** Counts of active (not waived) findings by severity number. */
export function severityCounts(findings: readonly Finding[]): [number, number, number, number] {
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  for (const f of findings) if (f.suppression === undefined) counts[Math.min(3, Math.max(0, f.severity))]++;
  return counts;
}

/** One sentence per severity: "2 errors, 1 warning, 0 infos, 0 hints". */
export function countsText(counts: readonly number[]): string {
  return [plural(counts[0], 'error'), plural(counts[1], 'warning'), plural(counts[2], 'info', 'infos'), plural(counts[3], 'hint')].join(', ');
}

/** Rules to describe: every active rule of the run, then any other code that has a finding, in a stable order. */
export function describedRules(report: Report): RuleInfo[] {
  const info = { ...(report.ruleInfo ?? {}) };
  const extra = [...new Set(report.findings.map((f) => f.code))].filter((c) => !(c in info)).sort();
  for (const code of extra) {
    const f = report.findings.find((x) => x.code === code)!;
    info[code] = { id: code, description: '', severity: f.severity, documentationUrl: f.documentationUrl, controls: f.controls, howToFix: f.howToFix };
  }
  return Object.values(info);
}

/** What a waived finding's justification reads like in text formats. */
export function waiverText(f: Finding): string {
  const s = f.suppression;
  if (!s) return '';
  const meta = [s.owner && `owner ${s.owner}`, s.ticket && `ticket ${s.ticket}`, s.expires && `expires ${s.expires}`].filter(Boolean).join(', ');
  return `${s.kind === 'inline' ? 'ignored inline' : 'waived'}: ${s.justification}${meta ? ` (${meta})` : ''}`;
}

/** A line about findings left out by a baseline or --changed-since, or ''. */
export function filteredText(report: Report): string {
  const parts: string[] = [];
  if (report.filtered?.baseline) parts.push(`${plural(report.filtered.baseline, 'finding')} already in the baseline`);
  if (report.filtered?.changedSince) parts.push(`${plural(report.filtered.changedSince, 'finding')} not new since the git ref`);
  return parts.length ? `Not shown: ${parts.join('; ')}.` : '';
}
