import type { Formatter } from './types.js';
import { visibleFindings } from './util.js';

/**
 * The JSON contract: an array of findings, sorted by source, line, column, code. Waived findings are included
 * and carry a `suppression` object; they never count against the fail severity.
 */
export const json: Formatter = (report, ctx = {}) => `${JSON.stringify(visibleFindings(report, ctx), null, 2)}\n`;
