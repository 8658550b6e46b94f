import type { Finding } from '../engine/types.js';
import type { Formatter } from './types.js';
import { countsText, filteredText, plural, severityCounts, visibleFindings, waiverText } from './util.js';

const COMMAND = ['error', 'warning', 'notice', 'notice'] as const;

/** Escaping of GitHub workflow command data (the message). */
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of workflow command property values (file, title). */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(f: Finding): string {
  const line = f.range.start.line + 1;
  const endLine = Math.max(line, f.range.end.line + 1);
  const props = [`file=${property(f.source.split('\\').join('/'))}`, `line=${line}`, `endLine=${endLine}`, `col=${f.range.start.character + 1}`];
  // GitHub takes an end column only for annotations on one line.
  if (endLine === line && f.range.end.character > f.range.start.character) props.push(`endColumn=${f.range.end.character + 1}`);
  const waived = f.suppression !== undefined;
  props.push(`title=${property(waived ? `${f.code} (waived)` : f.code)}`);
  const body = [f.message];
  if (waived) body.push('', waiverText(f));
  else if (f.howToFix) body.push('', `How to fix: ${f.howToFix}`);
  if (f.controls.length > 0) body.push(`Controls: ${f.controls.join(' ')}`);
  if (f.documentationUrl) body.push(`Docs: ${f.documentationUrl}`);
  return `::${waived ? 'notice' : COMMAND[f.severity] ?? 'notice'} ${props.join(',')}::${data(body.join('\n'))}`;
}

/**
 * GitHub Actions workflow commands: one annotation per finding (errors, warnings, notices; waived findings as
 * notices saying so), one error per unreadable input, then a plain summary line.
 */
export const github: Formatter = (report, ctx = {}) => {
  const shown = visibleFindings(report, ctx);
  const lines = shown.map(annotation);
  for (const e of report.inputErrors) {
    const pos = e.line !== undefined ? `,line=${e.line},col=${e.column ?? 1}` : '';
    lines.push(`::error file=${property(e.source)}${pos},title=finlint::${data(e.message)}`);
  }
  const active = shown.filter((f) => f.suppression === undefined);
  const waived = shown.length - active.length;
  lines.push(
    `finlint: ${plural(active.length, 'finding')} (${countsText(severityCounts(active))})${waived ? `, ${waived} waived` : ''} in ${plural(report.files.length, 'file')}.`,
  );
  const hidden = filteredText(report);
  if (hidden) lines.push(hidden);
  return `${lines.join('\n')}\n`;
};
