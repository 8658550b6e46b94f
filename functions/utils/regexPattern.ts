/**
 * Static analysis of JSON Schema `pattern` strings (ECMA-262 regular expressions) by parsing their text.
 *
 * A pattern taken from an API description is never run against input here: a spec may contain a pattern with
 * catastrophic backtracking (`^(a+)+$`), and a linter must stay linear in the document size. Instead the pattern is
 * parsed once, in a single pass, into a small tree from which the rules read what they need: whether every match is
 * anchored at both ends, the longest string it can match, which characters it can match, and the literal text every
 * alternative starts with. Compiling the pattern with `new RegExp` (no matching) is used only to tell whether it is
 * valid ECMA-262 at all.
 */

/** What a single-character atom can match. */
export interface CharSet {
  upper: boolean;
  lower: boolean;
  digit: boolean;
  /** Anything else (punctuation, whitespace, non-ASCII). */
  other: boolean;
  /** The one character it matches, when it is a literal. */
  literal?: string;
}

export type Term =
  | { kind: 'start'; min: number; max: number }
  | { kind: 'end'; min: number; max: number }
  /** `\b`, `\B` and lookarounds: zero-width assertions that do not anchor. */
  | { kind: 'assertion'; min: number; max: number }
  | { kind: 'char'; set: CharSet; min: number; max: number }
  | { kind: 'group'; alternatives: Term[][]; min: number; max: number }
  | { kind: 'backref'; min: number; max: number };

export interface ParsedPattern {
  /** Top-level alternatives. */
  alternatives: Term[][];
  /** Whether the text compiles as an ECMA-262 regular expression (with or without the `u` flag). */
  valid: boolean;
  /** PCRE/Python-only escapes found (`\A`, `\Z`, `\z`), which ECMA-262 reads as the letters A, Z, z. */
  foreignAnchors: string[];
}

const ANY: CharSet = { upper: true, lower: true, digit: true, other: true };
const NONE: CharSet = { upper: false, lower: false, digit: false, other: false };

function literalSet(ch: string): CharSet {
  if (ch >= 'A' && ch <= 'Z') return { ...NONE, upper: true, literal: ch };
  if (ch >= 'a' && ch <= 'z') return { ...NONE, lower: true, literal: ch };
  if (ch >= '0' && ch <= '9') return { ...NONE, digit: true, literal: ch };
  return { ...NONE, other: true, literal: ch };
}

function union(a: CharSet, b: CharSet): CharSet {
  return { upper: a.upper || b.upper, lower: a.lower || b.lower, digit: a.digit || b.digit, other: a.other || b.other };
}

/** The character classes a range `from-to` touches (ASCII view; anything else is `other`). */
function rangeSet(from: string, to: string): CharSet {
  const lo = from.charCodeAt(0);
  const hi = to.charCodeAt(0);
  const overlaps = (a: number, b: number) => lo <= b && hi >= a;
  return {
    upper: overlaps(65, 90),
    lower: overlaps(97, 122),
    digit: overlaps(48, 57),
    other: lo < 48 || hi > 122 || overlaps(58, 64) || overlaps(91, 96),
  };
}

const CLASS_ESCAPES: Record<string, CharSet> = {
  d: { ...NONE, digit: true },
  D: { ...ANY, digit: false },
  w: { upper: true, lower: true, digit: true, other: true },
  W: ANY,
  s: { ...NONE, other: true },
  S: ANY,
};

const CONTROL_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v', '0': '\0' };

/** Parses a pattern's text. Linear in its length; never throws. */
export function parsePattern(text: string): ParsedPattern {
  const foreignAnchors: string[] = [];
  let i = 0;

  /** Reads one escape after a backslash (i points after the backslash); returns a char set, or a term kind. */
  const readEscape = (inClass: boolean): CharSet | 'boundary' | 'backref' => {
    const c = text[i++];
    if (c === undefined) return literalSet('\\');
    if (c in CLASS_ESCAPES) return CLASS_ESCAPES[c];
    if (c in CONTROL_ESCAPES && !(c === '0' && /[0-9]/.test(text[i] ?? ''))) return literalSet(CONTROL_ESCAPES[c]);
    if (!inClass && (c === 'b' || c === 'B')) return 'boundary';
    if (inClass && c === 'b') return literalSet('\b');
    if (!inClass && /[1-9]/.test(c)) {
      while (/[0-9]/.test(text[i] ?? '')) i++;
      return 'backref';
    }
    if (!inClass && c === 'k' && text[i] === '<') {
      const close = text.indexOf('>', i);
      if (close !== -1) {
        i = close + 1;
        return 'backref';
      }
    }
    if (c === 'x' && /^[0-9A-Fa-f]{2}/.test(text.slice(i, i + 2))) {
      const ch = String.fromCharCode(parseInt(text.slice(i, i + 2), 16));
      i += 2;
      return literalSet(ch);
    }
    if (c === 'u') {
      if (text[i] === '{') {
        const close = text.indexOf('}', i);
        if (close !== -1) {
          const cp = parseInt(text.slice(i + 1, close), 16);
          i = close + 1;
          return Number.isFinite(cp) && cp <= 0x10ffff ? literalSet(String.fromCodePoint(cp)) : { ...NONE, other: true };
        }
      }
      if (/^[0-9A-Fa-f]{4}/.test(text.slice(i, i + 4))) {
        const ch = String.fromCharCode(parseInt(text.slice(i, i + 4), 16));
        i += 4;
        return literalSet(ch);
      }
    }
    if ((c === 'p' || c === 'P') && text[i] === '{') {
      const close = text.indexOf('}', i);
      if (close !== -1) i = close + 1;
      return ANY;
    }
    if (c === 'c' && /[A-Za-z]/.test(text[i] ?? '')) {
      i++;
      return { ...NONE, other: true };
    }
    if (!inClass && (c === 'A' || c === 'Z' || c === 'z')) foreignAnchors.push(`\\${c}`);
    return literalSet(c);
  };

  const readClass = (): CharSet => {
    // i points after '['
    let negated = false;
    if (text[i] === '^') {
      negated = true;
      i++;
    }
    let set: CharSet = { ...NONE };
    let single: string | undefined;
    let count = 0;
    while (i < text.length && text[i] !== ']') {
      let from: CharSet | string;
      if (text[i] === '\\') {
        i++;
        const e = readEscape(true);
        from = typeof e === 'string' ? ANY : e.literal !== undefined ? e.literal : e;
      } else {
        from = text[i++];
      }
      if (typeof from === 'string' && text[i] === '-' && i + 1 < text.length && text[i + 1] !== ']') {
        i++;
        let to: string | CharSet;
        if (text[i] === '\\') {
          i++;
          const e = readEscape(true);
          to = typeof e === 'string' ? ANY : e.literal !== undefined ? e.literal : e;
        } else {
          to = text[i++];
        }
        set = union(set, typeof to === 'string' ? rangeSet(from, to) : union(literalSet(from), to));
        count += 2;
      } else {
        const s = typeof from === 'string' ? literalSet(from) : from;
        set = union(set, s);
        single = s.literal;
        count++;
      }
    }
    if (text[i] === ']') i++;
    if (negated) return ANY;
    if (count === 1 && single !== undefined) return { ...set, literal: single };
    return { upper: set.upper, lower: set.lower, digit: set.digit, other: set.other };
  };

  /** Reads a quantifier at i, if any. */
  const readQuantifier = (): [number, number] | undefined => {
    const c = text[i];
    let q: [number, number] | undefined;
    if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '?') q = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(text.slice(i, i + 40));
      if (!m) return undefined;
      const lo = Number(m[1]);
      const hi = m[2] === undefined ? lo : m[3] === '' ? Infinity : Number(m[3]);
      i += m[0].length - 1;
      q = [lo, hi];
    }
    if (!q) return undefined;
    i++;
    if (text[i] === '?') i++;
    return q;
  };

  const parseAlternatives = (): Term[][] => {
    const alternatives: Term[][] = [[]];
    while (i < text.length) {
      const c = text[i];
      if (c === ')') return alternatives;
      if (c === '|') {
        i++;
        alternatives.push([]);
        continue;
      }
      const seq = alternatives[alternatives.length - 1];
      let term: Term | undefined;
      i++;
      if (c === '^') term = { kind: 'start', min: 1, max: 1 };
      else if (c === '$') term = { kind: 'end', min: 1, max: 1 };
      else if (c === '.') term = { kind: 'char', set: ANY, min: 1, max: 1 };
      else if (c === '[') term = { kind: 'char', set: readClass(), min: 1, max: 1 };
      else if (c === '\\') {
        const e = readEscape(false);
        term = e === 'boundary' ? { kind: 'assertion', min: 1, max: 1 } : e === 'backref' ? { kind: 'backref', min: 1, max: 1 } : { kind: 'char', set: e, min: 1, max: 1 };
      } else if (c === '(') {
        let lookaround = false;
        if (text[i] === '?') {
          const rest = text.slice(i, i + 3);
          if (rest.startsWith('?:')) i += 2;
          else if (rest.startsWith('?=') || rest.startsWith('?!')) {
            i += 2;
            lookaround = true;
          } else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
            i += 3;
            lookaround = true;
          } else if (rest.startsWith('?<')) {
            const close = text.indexOf('>', i);
            i = close === -1 ? i + 2 : close + 1;
          } else {
            // PCRE inline flags such as (?i): not ECMA-262; skip to the closing parenthesis of the flag group.
            const close = text.indexOf(')', i);
            const colon = text.indexOf(':', i);
            i = colon !== -1 && (close === -1 || colon < close) ? colon + 1 : close === -1 ? text.length : close;
          }
        }
        const inner = parseAlternatives();
        if (text[i] === ')') i++;
        term = lookaround ? { kind: 'assertion', min: 1, max: 1 } : { kind: 'group', alternatives: inner, min: 1, max: 1 };
      } else {
        term = { kind: 'char', set: literalSet(c), min: 1, max: 1 };
      }
      const q = readQuantifier();
      if (q) {
        term.min = q[0];
        term.max = q[1];
      }
      seq.push(term);
    }
    return alternatives;
  };

  const alternatives: Term[][] = [];
  // A stray ')' at top level ends a parse early: keep parsing so the whole text is read once.
  for (;;) {
    const part = parseAlternatives();
    if (alternatives.length === 0) alternatives.push(...part);
    else {
      alternatives[alternatives.length - 1].push(...part[0]);
      alternatives.push(...part.slice(1));
    }
    if (i >= text.length) break;
    i++;
  }
  return { alternatives, valid: compiles(text), foreignAnchors };
}

/** Whether the text compiles as a regular expression. Compiling does not match anything, so it cannot backtrack. */
function compiles(text: string): boolean {
  for (const flags of ['u', '']) {
    try {
      new RegExp(text, flags);
      return true;
    } catch {
      // try the next flag set
    }
  }
  return false;
}

/** Zero-width terms that may precede `^` or follow `$` without changing where a match may start or end. */
const isLookaround = (t: Term) => t.kind === 'assertion';

function anchoredAt(alternatives: Term[][], side: 'start' | 'end'): boolean {
  return alternatives.every((seq) => {
    const ordered = side === 'start' ? seq : [...seq].reverse();
    const first = ordered.find((t) => !isLookaround(t));
    if (first === undefined || first.min < 1) return false;
    if (first.kind === side) return true;
    return first.kind === 'group' && anchoredAt(first.alternatives, side);
  });
}

export interface AnchorReport {
  start: boolean;
  end: boolean;
  /** `^a|b$`: the first alternative starts with ^ and the last ends with $, but `|` binds looser than the anchors. */
  alternationPitfall: boolean;
}

export function anchoring(parsed: ParsedPattern): AnchorReport {
  const start = anchoredAt(parsed.alternatives, 'start');
  const end = anchoredAt(parsed.alternatives, 'end');
  const alts = parsed.alternatives;
  const alternationPitfall =
    (!start || !end) &&
    alts.length > 1 &&
    anchoredAt([alts[0]], 'start') &&
    anchoredAt([alts[alts.length - 1]], 'end');
  return { start, end, alternationPitfall };
}

function seqLength(seq: Term[], pick: 'min' | 'max'): number {
  let total = 0;
  for (const t of seq) {
    const count = pick === 'min' ? t.min : t.max;
    if (count === 0) continue;
    let one: number;
    if (t.kind === 'char') one = 1;
    else if (t.kind === 'group') one = altsLength(t.alternatives, pick);
    else if (t.kind === 'backref') one = pick === 'min' ? 0 : Infinity;
    else one = 0;
    if (one === 0) continue;
    total += one * count;
  }
  return total;
}

function altsLength(alternatives: Term[][], pick: 'min' | 'max'): number {
  const lengths = alternatives.map((seq) => seqLength(seq, pick));
  return pick === 'min' ? Math.min(...lengths) : Math.max(...lengths);
}

/**
 * The longest string the pattern accepts, when every match must span the whole string (anchored at both ends);
 * `Infinity` when a quantifier is unbounded or the pattern is not fully anchored (an unanchored pattern matches
 * inside strings of any length).
 */
export function maxMatchLength(parsed: ParsedPattern): number {
  const a = anchoring(parsed);
  if (!a.start || !a.end || !parsed.valid) return Infinity;
  return altsLength(parsed.alternatives, 'max');
}

/** Shortest string the pattern's alternatives can match (anchors ignored). */
export function minMatchLength(parsed: ParsedPattern): number {
  return altsLength(parsed.alternatives, 'min');
}

/** Union of the characters every atom of the pattern may consume. */
export function matchedChars(parsed: ParsedPattern): CharSet {
  let set: CharSet = { ...NONE };
  const visit = (alts: Term[][]) => {
    for (const seq of alts) {
      for (const t of seq) {
        if (t.max === 0) continue;
        if (t.kind === 'char') set = union(set, t.set);
        else if (t.kind === 'group') visit(t.alternatives);
        else if (t.kind === 'backref') set = union(set, ANY);
      }
    }
  };
  visit(parsed.alternatives);
  return set;
}

/**
 * The literal text each top-level alternative must start with after `^` (e.g. `https://` for `^https:\/\/.+$`),
 * read through single-alternative groups; undefined for an alternative that is not start-anchored.
 */
export function anchoredPrefixes(parsed: ParsedPattern): (string | undefined)[] {
  const prefixOf = (seq: Term[], out: { text: string; done: boolean }) => {
    for (const t of seq) {
      if (out.done) return;
      if (t.kind === 'assertion' || t.kind === 'start') continue;
      if (t.kind === 'char' && t.min === 1 && t.max === 1 && t.set.literal !== undefined) out.text += t.set.literal;
      else if (t.kind === 'group' && t.min === 1 && t.max === 1 && t.alternatives.length === 1) prefixOf(t.alternatives[0], out);
      else out.done = true;
    }
  };
  return parsed.alternatives.map((seq) => {
    if (!anchoredAt([seq], 'start')) return undefined;
    const out = { text: '', done: false };
    prefixOf(seq, out);
    return out.text;
  });
}

const parsedCache = new Map<string, ParsedPattern>();

/** `parsePattern` with a bounded cache: specs repeat the same patterns many times. */
export function parsePatternCached(text: string): ParsedPattern {
  let parsed = parsedCache.get(text);
  if (parsed === undefined) {
    parsed = parsePattern(text);
    if (parsedCache.size > 5000) parsedCache.clear();
    parsedCache.set(text, parsed);
  }
  return parsed;
}

/** Longest value a `pattern` keyword admits (Infinity when it does not bound the length, or is not a string). */
export function patternMaxLength(pattern: unknown): number {
  return typeof pattern === 'string' ? maxMatchLength(parsePatternCached(pattern)) : Infinity;
}

/**
 * A deliberate starts-with or ends-with check: anchored at one end only, with nothing but literal characters next to
 * that anchor (optionally followed by a catch-all such as `.*`): `^https://`, `^/v1/transfers`, `\.pdf$`. Such
 * patterns say what the value begins or ends with, and an end anchor would change nothing they mean.
 */
export function isLiteralAffix(parsed: ParsedPattern): boolean {
  const a = anchoring(parsed);
  if (a.start === a.end) return false;
  const side = a.start ? 'start' : 'end';
  return parsed.alternatives.every((seq) => {
    const ordered = side === 'start' ? seq : [...seq].reverse();
    const rest = ordered.filter((t) => t.kind !== 'assertion');
    if (rest.length < 2 || rest[0].kind !== side) return false;
    let literals = 0;
    for (let i = 1; i < rest.length; i++) {
      const t = rest[i];
      if (isLiteralTerm(t)) {
        literals++;
        continue;
      }
      const catchAll = t.kind === 'char' && t.max === Infinity && t.set.upper && t.set.lower && t.set.digit && t.set.other;
      return catchAll && i === rest.length - 1 && literals > 0;
    }
    return literals > 0;
  });
}

/** A literal character, or a group of literal alternatives (`(rsa|dss)`), that occurs exactly once. */
function isLiteralTerm(t: Term): boolean {
  if (t.min !== 1 || t.max !== 1) return false;
  if (t.kind === 'char') return t.set.literal !== undefined;
  return t.kind === 'group' && t.alternatives.every((alt) => alt.length > 0 && alt.every(isLiteralTerm));
}
