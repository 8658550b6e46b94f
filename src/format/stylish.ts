import { styleText } from 'node:util';
import type { Finding } from '../engine/types.js';
import type { Formatter } from './types.js';
import { countsText, filteredText, plural, severityCounts, severityName, visibleFindings, waiverText } from './util.js';

type Style = Parameters<typeof styleText>[0];
const SEVERITY_STYLE: Style[] = ['red', 'yellow', 'blue', 'gray'];

/**
 * Human output grouped by file: `line:col  severity  code  message`, then the waived findings with their
 * justification, then a summary line.
 */
export const stylish: Formatter = (report, ctx = {}) => {
  const paint = (style: Style, text: string) => (ctx.color ? styleText(style, text, { validateStream: false }) : text);
  const visible = visibleFindings(report, ctx);
  const shown = visible.filter((f) => f.suppression === undefined);
  const waived = visible.filter((f) => f.suppression !== undefined);
  const bySource = new Map<string, Finding[]>();
  for (const f of shown) {
    const list = bySource.get(f.source) ?? [];
    list.push(f);
    bySource.set(f.source, list);
  }
  const lines: string[] = [];
  for (const [source, findings] of bySource) {
    lines.push(paint('underline', source));
    const positions = findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}`);
    const width = Math.max(...positions.map((p) => p.length));
    const codeWidth = Math.max(...findings.map((f) => f.code.length));
    findings.forEach((f, i) => {
      const sev = severityName(f.severity);
      lines.push(
        `  ${positions[i].padEnd(width)}  ${paint(SEVERITY_STYLE[f.severity] ?? 'gray', sev.padEnd(5))}  ${paint('dim', f.code.padEnd(codeWidth))}  ${f.message}`,
      );
    });
    lines.push('');
  }
  if (waived.length > 0) {
    lines.push(paint('underline', `Waived (${waived.length})`));
    for (const f of waived) {
      lines.push(`  ${f.source}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${paint('dim', f.code)}  ${f.message}`);
      lines.push(`    ${paint('dim', waiverText(f))}`);
    }
    lines.push('');
  }
  const counts = severityCounts(shown);
  const total = shown.length;
  const ruleText = `${report.rules} rules, ${report.preset.includes('/') || report.preset.includes('.') ? report.preset : `preset ${report.preset}`}`;
  const waivedText = waived.length > 0 ? `, ${waived.length} waived` : '';
  if (total === 0) {
    lines.push(`No findings in ${plural(report.files.length, 'file')} (${ruleText}${waivedText}).`);
  } else {
    const mark = counts[0] > 0 ? paint('red', '✖') : paint('yellow', '⚠');
    lines.push(`${mark} ${plural(total, 'finding')} (${countsText(counts)}) in ${plural(report.files.length, 'file')} (${ruleText}${waivedText}).`);
  }
  const hidden = filteredText(report);
  if (hidden) lines.push(hidden);
  return `${lines.join('\n')}\n`;
};
