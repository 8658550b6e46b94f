import type { Position } from '../engine/types.js';

export interface ExcerptLine {
  /** 1-based line number. */
  number: number;
  text: string;
  /** Part of the finding's range. */
  hit: boolean;
  /** The line was longer than the excerpt width and shows only a window of it. */
  cutStart: boolean;
  cutEnd: boolean;
}

/** Splits a file into lines the way positions count them (LF, CRLF or CR). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

const MAX_HIT_LINES = 6;
const CONTEXT = 2;
const WIDTH = 160;

function window(text: string, from: number): { text: string; cutStart: boolean; cutEnd: boolean } {
  if (text.length <= WIDTH) return { text, cutStart: false, cutEnd: false };
  const start = Math.max(0, Math.min(from - 20, text.length - WIDTH));
  return { text: text.slice(start, start + WIDTH), cutStart: start > 0, cutEnd: start + WIDTH < text.length };
}

/**
 * The lines of a finding's range with two lines of context on either side, at most six lines of the range, and
 * long lines (minified JSON) cut to a window around the finding. Undefined when the range is outside the file.
 */
export function excerpt(lines: readonly string[], range: { start: Position; end: Position }): ExcerptLine[] | undefined {
  const first = range.start.line;
  if (first < 0 || first >= lines.length) return undefined;
  const lastHit = Math.min(Math.max(first, range.end.line), first + MAX_HIT_LINES - 1, lines.length - 1);
  const from = Math.max(0, first - CONTEXT);
  const to = Math.min(lines.length - 1, lastHit + CONTEXT);
  const out: ExcerptLine[] = [];
  for (let i = from; i <= to; i++) {
    const hit = i >= first && i <= lastHit;
    const w = window(lines[i], i === first ? range.start.character : 0);
    out.push({ number: i + 1, text: w.text, hit, cutStart: w.cutStart, cutEnd: w.cutEnd });
  }
  return out;
}
