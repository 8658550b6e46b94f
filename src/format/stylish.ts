import { styleText } from 'node:util';
import { SEVERITY_NAMES, type Finding } from '../engine/types.js';
import type { Formatter } from './types.js';

type Style = Parameters<typeof styleText>[0];
const SEVERITY_STYLE: Style[] = ['red', 'yellow', 'blue', 'gray'];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Human output grouped by file: `line:col  severity  code  message`, then a summary line. */
export const stylish: Formatter = (report, ctx = {}) => {
  const paint = (style: Style, text: string) => (ctx.color ? styleText(style, text, { validateStream: false }) : text);
  const max = ctx.maxSeverity ?? 3;
  const shown = report.findings.filter((f) => f.severity <= max);
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
      const sev = SEVERITY_NAMES[f.severity] ?? 'hint';
      lines.push(
        `  ${positions[i].padEnd(width)}  ${paint(SEVERITY_STYLE[f.severity] ?? 'gray', sev.padEnd(5))}  ${paint('dim', f.code.padEnd(codeWidth))}  ${f.message}`,
      );
    });
    lines.push('');
  }
  const counts = [0, 0, 0, 0];
  for (const f of shown) counts[f.severity]++;
  const total = shown.length;
  if (total === 0) {
    lines.push(`No findings in ${plural(report.files.length, 'file')} (${report.rules} rules, preset ${report.preset}).`);
  } else {
    const parts = [plural(counts[0], 'error'), plural(counts[1], 'warning'), plural(counts[2], 'info'), plural(counts[3], 'hint')];
    const mark = counts[0] > 0 ? paint('red', '✖') : paint('yellow', '⚠');
    lines.push(`${mark} ${plural(total, 'finding')} (${parts.join(', ')}) in ${plural(report.files.length, 'file')}.`);
  }
  return `${lines.join('\n')}\n`;
};
