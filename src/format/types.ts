import type { Report, SeverityName } from '../engine/types.js';

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
}

/** A formatter is pure: report in, text out. */
export type Formatter = (report: Report, ctx?: FormatContext) => string;
