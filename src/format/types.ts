import type { Report } from '../engine/types.js';

export interface FormatContext {
  /** Emit ANSI colours (the CLI turns this on only for a TTY). */
  color?: boolean;
  /** Only show findings at or below this severity number (0 = errors only). */
  maxSeverity?: number;
}

/** A formatter is pure: report in, text out. */
export type Formatter = (report: Report, ctx?: FormatContext) => string;
