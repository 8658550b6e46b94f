import { parseDocument } from 'yaml';

/** Resource limits for one input document. Each is overridable through LintOptions.limits. */
export interface Limits {
  /** Largest input file, in bytes. */
  maxFileBytes: number;
  /** Deepest nesting of mappings/sequences accepted. Real API documents stay below 100. */
  maxDepth: number;
  /** Most YAML alias expansions accepted (the `yaml` package's alias-bomb guard). */
  maxAliases: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxDepth: 512,
  maxAliases: 1000,
};

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
export function checkLimits(text: string, isJson: boolean, limits: Limits): string | undefined {
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
