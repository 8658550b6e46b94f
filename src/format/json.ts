import type { Formatter } from './types.js';

/** The JSON contract: an array of findings, sorted by source, line, column, code. */
export const json: Formatter = (report, ctx = {}) => {
  const max = ctx.maxSeverity ?? 3;
  return `${JSON.stringify(
    report.findings.filter((f) => f.severity <= max),
    null,
    2,
  )}\n`;
};
