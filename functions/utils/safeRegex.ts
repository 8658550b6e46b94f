/**
 * Regular expressions from documents (a schema's `pattern`) and from configuration (rule options) are never run
 * with JavaScript's backtracking engine on document text: a pattern such as `^(\d+)+$` or `(\d?){60}\d{60}` can
 * take longer than the age of the universe on a 30-character string. compileSafePattern turns such a pattern into
 * a Thompson NFA and simulates it (Pike-style, without captures), which takes time proportional to
 * input length × pattern size whatever the pattern. Only single-character atoms (a literal, a class, `.`, `\d`...)
 * are evaluated by the native engine, one character at a time, so their semantics (case folding, Unicode classes)
 * are exactly JavaScript's.
 *
 * Supported: literals and escapes, classes, `.`, `\d \w \s` and their negations, `\p{...}` (with `u`), `^ $ \b \B`,
 * groups (capturing, non-capturing, named), alternation, and the quantifiers `* + ? {n} {n,} {n,m}` (greedy or
 * lazy: for a yes/no test they are the same). Not supported (compileSafePattern returns undefined, and callers
 * treat the pattern as absent): look-ahead and look-behind, back-references, and patterns whose expansion would
 * exceed MAX_STATES (e.g. `.{1,100000}`). Flags: `i`, `m`, `s`, `u`.
 */

export interface SafePattern {
  /** The pattern as given. */
  readonly source: string;
  readonly flags: string;
  /** Whether the pattern matches anywhere in `input` (like RegExp.prototype.test without `g`). */
  test(input: string): boolean;
}

/** Largest NFA accepted; a pattern that expands beyond it is not run. */
export const MAX_STATES = 20_000;

type Assertion = '^' | '$' | 'b' | 'B';

type Node =
  | { t: 'atom'; src: string }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'assert'; kind: Assertion };

class Unsupported extends Error {}

const HEX = /^[0-9A-Fa-f]$/;

/** Parses the (already validated) pattern into a tree; throws Unsupported for what the NFA cannot do. */
function parse(src: string, unicode: boolean): Node {
  let i = 0;

  const atomEnd = (start: number): number => {
    // returns the index after a single-character atom starting at `start` (src[start] is not a metacharacter)
    const c = src[start];
    if (c === '[') {
      let j = start + 1;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new Unsupported('unterminated class');
      return j + 1;
    }
    if (c === '\\') {
      const e = src[start + 1];
      if (e === undefined) throw new Unsupported('trailing backslash');
      if (/[1-9]/.test(e)) throw new Unsupported('back-reference');
      if (e === 'k' && (unicode || src.includes('(?<'))) throw new Unsupported('named back-reference');
      if (e === 'c' && /[A-Za-z]/.test(src[start + 2] ?? '')) return start + 3;
      if (e === 'x' && HEX.test(src[start + 2] ?? '') && HEX.test(src[start + 3] ?? '')) return start + 4;
      if (e === 'u') {
        if (unicode && src[start + 2] === '{') {
          const close = src.indexOf('}', start + 3);
          if (close === -1) throw new Unsupported('bad \\u{}');
          return close + 1;
        }
        if ([2, 3, 4, 5].every((k) => HEX.test(src[start + k] ?? ''))) {
          // a surrogate pair written as two \u escapes is one character in u mode
          const hi = parseInt(src.slice(start + 2, start + 6), 16);
          if (unicode && hi >= 0xd800 && hi <= 0xdbff && src.startsWith('\\u', start + 6)) {
            const lo = src.slice(start + 8, start + 12);
            if (/^[0-9A-Fa-f]{4}$/.test(lo) && parseInt(lo, 16) >= 0xdc00 && parseInt(lo, 16) <= 0xdfff) return start + 12;
          }
          return start + 6;
        }
        return start + 2;
      }
      if ((e === 'p' || e === 'P') && unicode) {
        const close = src.indexOf('}', start + 3);
        if (src[start + 2] !== '{' || close === -1) throw new Unsupported('bad property escape');
        return close + 1;
      }
      if (unicode) {
        const cp = src.codePointAt(start + 1)!;
        return start + 1 + (cp > 0xffff ? 2 : 1);
      }
      return start + 2;
    }
    if (unicode) {
      const cp = src.codePointAt(start)!;
      return start + (cp > 0xffff ? 2 : 1);
    }
    return start + 1;
  };

  const quantifier = (): { min: number; max: number } | undefined => {
    const c = src[i];
    let q: { min: number; max: number } | undefined;
    if (c === '*') {
      q = { min: 0, max: Infinity };
      i++;
    } else if (c === '+') {
      q = { min: 1, max: Infinity };
      i++;
    } else if (c === '?') {
      q = { min: 0, max: 1 };
      i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(src.slice(i, i + 64));
      if (!m) return undefined; // a literal `{` (non-u mode)
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      q = { min, max };
      i += m[0].length;
    }
    if (q && src[i] === '?') i++; // lazy: the same for a yes/no test
    return q;
  };

  const alternation = (): Node => {
    const alts: Node[] = [sequence()];
    while (src[i] === '|') {
      i++;
      alts.push(sequence());
    }
    return alts.length === 1 ? alts[0] : { t: 'alt', alts };
  };

  const sequence = (): Node => {
    const items: Node[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      let node: Node;
      const c = src[i];
      if (c === '(') {
        if (src.startsWith('(?=', i) || src.startsWith('(?!', i) || src.startsWith('(?<=', i) || src.startsWith('(?<!', i)) {
          throw new Unsupported('look-around');
        }
        if (src.startsWith('(?:', i)) i += 3;
        else if (src.startsWith('(?<', i)) {
          const close = src.indexOf('>', i);
          if (close === -1) throw new Unsupported('bad group name');
          i = close + 1;
        } else if (src.startsWith('(?', i)) throw new Unsupported('group modifier');
        else i += 1;
        node = alternation();
        if (src[i] !== ')') throw new Unsupported('unbalanced group');
        i++;
      } else if (c === '^' || c === '$') {
        node = { t: 'assert', kind: c };
        i++;
      } else if (c === '\\' && (src[i + 1] === 'b' || src[i + 1] === 'B')) {
        node = { t: 'assert', kind: src[i + 1] as 'b' | 'B' };
        i += 2;
      } else if (c === '*' || c === '+' || c === '?') {
        throw new Unsupported('nothing to repeat');
      } else if (c === '{' && /^\{\d+(?:,\d*)?\}/.test(src.slice(i, i + 64))) {
        throw new Unsupported('nothing to repeat');
      } else {
        const end = atomEnd(i);
        node = { t: 'atom', src: src.slice(i, end) };
        i = end;
      }
      const q = quantifier();
      if (q) {
        if (q.min > MAX_STATES || (q.max !== Infinity && q.max > MAX_STATES) || q.min > q.max) throw new Unsupported('repetition too large');
        node = { t: 'rep', node, min: q.min, max: q.max };
      }
      items.push(node);
    }
    return items.length === 1 ? items[0] : { t: 'seq', items };
  };

  const tree = alternation();
  if (i !== src.length) throw new Unsupported('unbalanced )');
  return tree;
}

// NFA: states are numbered; each is a character test, an assertion, a split (epsilon to two states) or the match.
const enum K {
  Char,
  Assert,
  Split,
  Jump,
  Match,
}

interface NfaBuilder {
  kind: K[];
  /** For Char: index into atoms; for Assert: the assertion. */
  arg: (number | Assertion)[];
  out1: number[];
  out2: number[];
}

/** A fragment: its start state and the dangling exits (state index, which out) to patch. */
interface Frag {
  start: number;
  exits: [number, 1 | 2][];
}

function compile(tree: Node, atomIndex: (src: string) => number): NfaBuilder {
  const b: NfaBuilder = { kind: [], arg: [], out1: [], out2: [] };
  const add = (kind: K, arg: number | Assertion = -1): number => {
    if (b.kind.length >= MAX_STATES) throw new Unsupported('too many states');
    b.kind.push(kind);
    b.arg.push(arg);
    b.out1.push(-1);
    b.out2.push(-1);
    return b.kind.length - 1;
  };
  const patch = (exits: [number, 1 | 2][], to: number) => {
    for (const [s, which] of exits) (which === 1 ? b.out1 : b.out2)[s] = to;
  };
  const empty = (): Frag => {
    const s = add(K.Jump);
    return { start: s, exits: [[s, 1]] };
  };

  const build = (n: Node): Frag => {
    switch (n.t) {
      case 'atom': {
        const s = add(K.Char, atomIndex(n.src));
        return { start: s, exits: [[s, 1]] };
      }
      case 'assert': {
        const s = add(K.Assert, n.kind);
        return { start: s, exits: [[s, 1]] };
      }
      case 'seq': {
        if (n.items.length === 0) return empty();
        const frags = n.items.map(build);
        for (let k = 0; k + 1 < frags.length; k++) patch(frags[k].exits, frags[k + 1].start);
        return { start: frags[0].start, exits: frags[frags.length - 1].exits };
      }
      case 'alt': {
        const frags = n.alts.map(build);
        // chain of splits: s1 -> (a1 | s2 -> (a2 | ...))
        let start = frags[frags.length - 1].start;
        for (let k = frags.length - 2; k >= 0; k--) {
          const s = add(K.Split);
          b.out1[s] = frags[k].start;
          b.out2[s] = start;
          start = s;
        }
        return { start, exits: frags.flatMap((f) => f.exits) };
      }
      case 'rep': {
        const parts: Frag[] = [];
        for (let k = 0; k < n.min; k++) parts.push(build(n.node));
        if (n.max === Infinity) {
          const body = build(n.node);
          const s = add(K.Split);
          b.out1[s] = body.start;
          patch(body.exits, s);
          parts.push({ start: s, exits: [[s, 2]] });
        } else {
          // (x(x(x)?)?)? for the optional copies, so the NFA stays linear in max - min
          const optional: Frag[] = [];
          for (let k = n.min; k < n.max; k++) {
            const body = build(n.node);
            const s = add(K.Split);
            b.out1[s] = body.start;
            optional.push({ start: s, exits: [...body.exits, [s, 2]] });
          }
          for (let k = optional.length - 1; k > 0; k--) {
            const inner = optional[k];
            const outer = optional[k - 1];
            const bodyExits = outer.exits.filter(([s, w]) => !(s === outer.start && w === 2));
            patch(bodyExits, inner.start);
            outer.exits = [[outer.start, 2], ...inner.exits];
          }
          if (optional.length > 0) parts.push(optional[0]);
        }
        if (parts.length === 0) return empty();
        for (let k = 0; k + 1 < parts.length; k++) patch(parts[k].exits, parts[k + 1].start);
        return { start: parts[0].start, exits: parts[parts.length - 1].exits };
      }
    }
  };

  const frag = build(tree);
  const match = add(K.Match);
  patch(frag.exits, match);
  // the start state is the fragment's start; keep it at a known index
  b.arg.push(frag.start);
  return b;
}

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * Compiles `pattern` for linear-time matching. Returns undefined when the pattern is not a valid JavaScript
 * regular expression for these flags, or uses a construct listed above as unsupported.
 */
export function compileSafePattern(pattern: string, flags = ''): SafePattern | undefined {
  if (typeof pattern !== 'string' || /[^imsu]/.test(flags)) return undefined;
  try {
    new RegExp(pattern, flags); // syntax check only: compiling runs nothing
  } catch {
    return undefined;
  }
  const unicode = flags.includes('u');
  const multiline = flags.includes('m');
  const atomFlags = flags.replace('m', '');
  const atoms: string[] = [];
  const atomIds = new Map<string, number>();
  let nfa: NfaBuilder;
  try {
    nfa = compile(parse(pattern, unicode), (src) => {
      let id = atomIds.get(src);
      if (id === undefined) {
        id = atoms.length;
        atoms.push(src);
        atomIds.set(src, id);
      }
      return id;
    });
  } catch (e) {
    if (e instanceof Unsupported || e instanceof RangeError) return undefined;
    throw e;
  }
  let atomRes: RegExp[];
  try {
    atomRes = atoms.map((a) => new RegExp(`^(?:${a})$`, atomFlags));
  } catch {
    return undefined;
  }
  const wordRe = new RegExp('^\\w$', atomFlags);
  const start = nfa.arg.pop() as number;
  const { kind, arg, out1, out2 } = nfa;
  const size = kind.length;
  /** Per atom, a cache of characters already tested. */
  const cache = atoms.map(() => new Map<string, boolean>());
  const charMatches = (atom: number, ch: string): boolean => {
    const c = cache[atom];
    let r = c.get(ch);
    if (r === undefined) {
      r = atomRes[atom].test(ch);
      if (c.size < 4096) c.set(ch, r);
    }
    return r;
  };

  const test = (input: string): boolean => {
    const chars = unicode ? Array.from(input) : input.split('');
    const n = chars.length;
    const isWord = (k: number) => k >= 0 && k < n && wordRe.test(chars[k]);
    const holds = (a: Assertion, pos: number): boolean => {
      if (a === '^') return pos === 0 || (multiline && LINE_TERMINATOR.test(chars[pos - 1]));
      if (a === '$') return pos === n || (multiline && LINE_TERMINATOR.test(chars[pos]));
      const boundary = isWord(pos - 1) !== isWord(pos);
      return a === 'b' ? boundary : !boundary;
    };
    let current: number[] = [];
    let next: number[] = [];
    const mark = new Int32Array(size).fill(-1);
    const stack: number[] = [];
    let matched = false;
    /** Adds a state and its epsilon closure (at position pos) to `list`. */
    const addState = (list: number[], s0: number, pos: number) => {
      stack.push(s0);
      while (stack.length > 0) {
        const s = stack.pop()!;
        if (s < 0 || mark[s] === pos) continue;
        mark[s] = pos;
        switch (kind[s]) {
          case K.Char:
            list.push(s);
            break;
          case K.Match:
            matched = true;
            break;
          case K.Jump:
            stack.push(out1[s]);
            break;
          case K.Split:
            stack.push(out2[s], out1[s]);
            break;
          case K.Assert:
            if (holds(arg[s] as Assertion, pos)) stack.push(out1[s]);
            break;
        }
      }
    };
    for (let pos = 0; pos <= n; pos++) {
      addState(current, start, pos); // unanchored search: a new attempt may start at every position
      if (matched) return true;
      if (pos === n) break;
      const ch = chars[pos];
      for (const s of current) if (charMatches(arg[s] as number, ch)) addState(next, out1[s], pos + 1);
      if (matched) return true;
      [current, next] = [next, current];
      next.length = 0;
    }
    return false;
  };

  return { source: pattern, flags, test };
}
