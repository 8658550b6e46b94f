import type { Report, SeverityName } from '../engine/types.js';
import type { AuditInputs } from '../report/model.js';

export interface FormatContext {
  /** Emit ANSI colours (the CLI turns this on only for a TTY). */
  color?: boolean;
  /** Only show findings at or below this severity number (0 = errors only). */
  maxSeverity?: number;
  /** Show waived findings (default true; `--quiet` turns it off). Formats for machines (SARIF, JUnit) always do. */
  showWaived?: boolean;
  /** The severity the run fails at, for formats that say whether it passed (markdown). */
  failSeverity?: SeverityName | 'none';
  /** Tool version written into SARIF and JUnit (default: this finlint's). */
  toolVersion?: string;
  /** How many findings the markdown summary lists (default 20). */
  top?: number;
  /** The report date (html; default now). Waiver expiry in the html report is counted from it. */
  now?: Date;
  /**
   * What the compliance report (html, and markdown's control coverage) shows beyond the lint report: source texts
   * for excerpts and OAS versions, rule rationale, waivers-file entries, the rules each document ran. Built by
   * `loadAuditInputs` (src/report/inputs.ts); without it the report has no excerpts and assumes every rule ran on
   * every document.
   */
  audit?: AuditInputs;
  /**
   * The most findings the html report lists in full (with excerpts) and by location only, default 1500 and 4000;
   * the others are counted in every total but not listed. `false` lists every finding in full.
   */
  listLimits?: { full?: number; compact?: number } | false;
}

/** A formatter is pure: report in, text out. */
export type Formatter = (report: Report, ctx?: FormatContext) => string;
