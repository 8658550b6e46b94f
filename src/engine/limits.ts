import { parseDocument } from 'yaml';

/**
 * Resource limits for one input document (docs/limits.md). Each has a documented default and is overridable through
 * `LintOptions.limits` and a CLI flag. Breaking one makes that document an input error (exit code 2) or, for a
 * `$ref`'d file, an `invalid-ref` finding on the `$ref`; the other documents are still linted.
 */
export interface Limits {
  /** Largest input file, and largest `$ref`'d file or remote response, in bytes (`--max-file-size`). */
  maxFileBytes: number;
  /** Deepest nesting of mappings/sequences accepted, in the document and in `$ref`'d files (`--max-depth`). */
  maxDepth: number;
  /** Most YAML alias expansions accepted: the `yaml` package's alias-bomb guard (`--max-aliases`). */
  maxAliases: number;
  /** Most bytes of `$ref`'d files and remote responses read for one document, all together (`--max-resolved-size`). */
  maxResolvedBytes: number;
  /**
   * Longest time one document may take to lint, in milliseconds (`--timeout`); 0 switches the limit off. The lint
   * runs in a worker thread that is stopped when the time is up.
   */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxFileBytes: 50 * 1024 * 1024,
  maxDepth: 512,
  maxAliases: 1000,
  maxResolvedBytes: 100 * 1024 * 1024,
  timeoutMs: 300_000,
});

export const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];

/** The defaults with `overrides` applied. Throws a RangeError naming the limit when an override is not a whole number >= 0 (>= 1 except timeoutMs). */
export function resolveLimits(overrides: Partial<Limits> | undefined): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value === undefined) continue;
    if (!(LIMIT_NAMES as string[]).includes(key)) throw new RangeError(`unknown limit ${key} (known: ${LIMIT_NAMES.join(', ')})`);
    const min = key === 'timeoutMs' ? 0 : 1;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      throw new RangeError(`limit ${key} must be a whole number of at least ${min}, not ${String(value)}`);
    }
    limits[key as keyof Limits] = value;
  }
  return limits;
}

/**
 * Nesting depth of a YAML or JSON text, measured on the text before any parser recurses into it: flow brackets
 * outside quoted strings and comments, plus block indentation levels. One linear pass; approximate for exotic
 * YAML, exact enough to stop a 10 000-deep document before it overflows a parser's stack.
 */
export function textDepth(text: string, isJson: boolean): number {
  let max = 0;
  let flow = 0;
  const indents: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    // start of a line: block indentation (YAML only, outside flow collections)
    let indent = 0;
    while (i < n && text[i] === ' ') {
      indent++;
      i++;
    }
    if (!isJson && flow === 0 && i < n && text[i] !== '\n' && text[i] !== '#') {
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      if (text[i] === '-') indents.push(indent + 1); // a sequence entry opens one more level
    }
    // rest of the line
    const contentStart = i;
    let quote = '';
    for (; i < n && text[i] !== '\n'; i++) {
      const c = text[i];
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = '';
        continue;
      }
      if (c === '"' || (c === "'" && !isJson)) quote = c;
      else if (c === '#' && !isJson && (i === contentStart || text[i - 1] === ' ' || text[i - 1] === '\t')) break;
      else if (c === '[' || c === '{') {
        flow++;
        if (flow + indents.length > max) max = flow + indents.length;
      } else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
    }
    while (i < n && text[i] !== '\n') i++;
    if (indents.length + flow > max) max = indents.length + flow;
    i++;
  }
  return max;
}

const ALIAS = /(?:^|[\s[{,:-])\*[^\s,\]}]+/m;

/** Returns a message when the text breaks a limit, undefined when it is within all of them. */
export function checkLimits(text: string, isJson: boolean, limits: Pick<Limits, 'maxFileBytes' | 'maxDepth' | 'maxAliases'>): string | undefined {
  if (Buffer.byteLength(text) > limits.maxFileBytes) return `file is larger than the ${limits.maxFileBytes}-byte limit`;
  const depth = textDepth(text, isJson);
  if (depth > limits.maxDepth) return `nesting is deeper than the limit of ${limits.maxDepth} levels`;
  if (!isJson && ALIAS.test(text)) {
    try {
      parseDocument(text, { uniqueKeys: false }).toJS({ maxAliasCount: limits.maxAliases });
    } catch (e) {
      if (e instanceof Error && /alias/i.test(e.message)) {
        return `YAML aliases expand beyond the limit of ${limits.maxAliases} (a YAML "billion laughs" bomb?)`;
      }
    }
  }
  return undefined;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes the bytes of a YAML or JSON file: UTF-8, with a leading byte-order mark removed. Returns a reason instead
 * when the bytes are not text (a NUL byte), are UTF-16 or UTF-32 (YAML allows them, but finlint reads UTF-8 only),
 * or are not valid UTF-8.
 */
export function decodeText(buf: Uint8Array): { text: string } | { reason: string } {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    return { reason: 'file is UTF-16 or UTF-32 encoded; save it as UTF-8' };
  }
  if (buf.indexOf(0) !== -1) return { reason: 'file is binary, not YAML or JSON' };
  let text: string;
  try {
    text = UTF8.decode(buf);
  } catch {
    return { reason: `file is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(buf)}); save it as UTF-8` };
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > buf.length) return i;
    const view = buf.subarray(i, i + len);
    try {
      UTF8.decode(view);
    } catch {
      return i;
    }
    i += len;
  }
  return i;
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** Parses a size such as `52428800`, `500k`, `50MB` or `1GiB` (units are powers of 1024) into bytes; undefined if invalid. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]{0,3})\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = SIZE_UNITS[m[2].toLowerCase()];
  if (unit === undefined) return undefined;
  const bytes = Math.round(Number(m[1]) * unit);
  return Number.isSafeInteger(bytes) && bytes >= 1 ? bytes : undefined;
}

const TIME_UNITS: Record<string, number> = { '': 1000, ms: 1, s: 1000, m: 60_000, min: 60_000 };

/** Parses a duration such as `90` (seconds), `90s`, `500ms` or `2m` into milliseconds; `0` means no limit; undefined if invalid. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]{0,3})\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = TIME_UNITS[m[2].toLowerCase()];
  if (unit === undefined) return undefined;
  const ms = Math.round(Number(m[1]) * unit);
  return Number.isSafeInteger(ms) && ms >= 0 ? ms : undefined;
}
