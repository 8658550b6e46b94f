import { frameworks } from '../../rulesets/controls.js';
import type { Finding } from '../engine/types.js';
import { buildComplianceModel } from '../report/model.js';
import { FINLINT_URL, FINLINT_VERSION } from '../version.js';
import type { Formatter } from './types.js';
import { countsText, filteredText, plural, severityCounts, severityName } from './util.js';

/** Escapes text for a Markdown table cell (GitHub-flavoured). */
function cell(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]|<>]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`))
    .trim();
}

function ruleLink(f: Finding): string {
  return f.documentationUrl ? `[\`${f.code}\`](${f.documentationUrl})` : `\`${f.code}\``;
}

function location(f: Finding): string {
  return `\`${f.source.replace(/`/g, "'")}:${f.range.start.line + 1}\``;
}

/**
 * A summary for a pull-request comment or a GitHub job summary: totals by severity and by framework, the top
 * findings with links to the rule docs, and the waived findings with their justification.
 */
export const markdown: Formatter = (report, ctx = {}) => {
  const active = report.findings.filter((f) => f.suppression === undefined);
  const waived = report.findings.filter((f) => f.suppression !== undefined);
  const counts = severityCounts(active);
  const fail = ctx.failSeverity;
  const failing = fail !== undefined && fail !== 'none' && active.some((f) => f.severity <= ['error', 'warn', 'info', 'hint'].indexOf(fail));
  const status = report.inputErrors.length > 0 ? 'could not read every file' : fail === undefined ? '' : failing ? `fails at ${fail}` : `passes at ${fail}`;
  const out: string[] = [];
  out.push(`## finlint: ${plural(active.length, 'finding')} in ${plural(report.files.length, 'file')}${status ? ` (${status})` : ''}`, '');
  out.push(countsText(counts) + (waived.length ? `; ${waived.length} waived` : '') + '.', '');

  out.push('| Severity | Findings |', '| --- | ---: |');
  ['error', 'warn', 'info', 'hint'].forEach((name, i) => out.push(`| ${name} | ${counts[i]} |`));
  if (waived.length) out.push(`| waived | ${waived.length} |`);
  out.push('');

  // The same numbers as the HTML report's coverage charts (src/report/model.ts).
  const model = buildComplianceModel(report, ctx.audit, { now: ctx.now });
  if (model.coverageDocuments.length > 0) {
    out.push('### Control coverage', '');
    out.push(
      `Controls that rules of this run checked, across ${plural(model.coverageDocuments.length, 'document')}: failed (an open finding in a document), waived (only waived findings), passed (a rule providing evidence ran and found nothing). \`finlint report\` writes the details as HTML, with the controls no rule of this run checks.`,
      '',
    );
    out.push('| Framework | Controls checked | Failed | Waived | Passed |', '| --- | ---: | ---: | ---: | ---: |');
    for (const fw of model.frameworks) {
      const { failed, waived, passed } = fw.counts;
      out.push(`| ${cell(fw.title)} | ${failed + waived + passed} | ${failed} | ${waived} | ${passed} |`);
    }
    out.push('');
  }

  const byFramework = new Map<string, { findings: number; controls: Map<string, number> }>();
  for (const f of active) {
    const seen = new Set<string>();
    for (const c of f.controls) {
      const fw = c.split(':')[0];
      const entry = byFramework.get(fw) ?? { findings: 0, controls: new Map<string, number>() };
      if (!seen.has(fw)) entry.findings++;
      seen.add(fw);
      entry.controls.set(c, (entry.controls.get(c) ?? 0) + 1);
      byFramework.set(fw, entry);
    }
  }
  if (byFramework.size > 0) {
    out.push('### By framework', '', '| Framework | Findings | Controls cited |', '| --- | ---: | --- |');
    const order = [...frameworks.map((f) => f.id), ...[...byFramework.keys()].sort()];
    for (const id of [...new Set(order)]) {
      const entry = byFramework.get(id);
      if (!entry) continue;
      const title = frameworks.find((f) => f.id === id)?.title ?? id;
      const controls = [...entry.controls.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([c, n]) => `\`${c}\` (${n})`)
        .join(', ');
      out.push(`| ${cell(title)} | ${entry.findings} | ${controls} |`);
    }
    out.push('');
  }

  if (active.length > 0) {
    const top = ctx.top ?? 20;
    const sorted = [...active].sort((a, b) => a.severity - b.severity);
    out.push(`### Top findings`, '', '| Severity | Rule | Location | Message |', '| --- | --- | --- | --- |');
    for (const f of sorted.slice(0, top)) out.push(`| ${severityName(f.severity)} | ${ruleLink(f)} | ${location(f)} | ${cell(f.message)} |`);
    if (sorted.length > top) out.push('', `…and ${sorted.length - top} more; the full report is in the job's other outputs.`);
    out.push('');
  }

  if (waived.length > 0) {
    out.push(`<details><summary>Waived findings (${waived.length})</summary>`, '');
    out.push('| Rule | Location | Justification | Owner | Ticket | Expires |', '| --- | --- | --- | --- | --- | --- |');
    for (const f of waived) {
      const s = f.suppression!;
      const just = s.kind === 'inline' ? `(inline) ${s.justification}` : s.justification;
      out.push(`| ${ruleLink(f)} | ${location(f)} | ${cell(just)} | ${cell(s.owner ?? '')} | ${cell(s.ticket ?? '')} | ${s.expires ?? ''} |`);
    }
    out.push('', '</details>', '');
  }

  if (report.inputErrors.length > 0) {
    out.push('### Files that could not be read', '');
    for (const e of report.inputErrors) out.push(`- \`${e.source}${e.line !== undefined ? `:${e.line}` : ''}\`: ${cell(e.message)}`);
    out.push('');
  }
  const hidden = filteredText(report);
  const footer = [`[finlint](${FINLINT_URL}) ${ctx.toolVersion ?? FINLINT_VERSION}`, `${report.rules} rules (${cell(report.preset)})`];
  if (hidden) footer.push(hidden);
  out.push(`<sub>${footer.join(' · ')}</sub>`, '');
  return out.join('\n');
};
