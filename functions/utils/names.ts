/**
 * Name tokeniser and token-sequence matcher (catalogue §4.2). Names are split on separators, camelCase and
 * letter/digit boundaries and lower-cased; dictionaries match whole token sequences, never substrings, so
 * `shippingAddress` never contains `pin` and `cardNumberLast4` carries the veto token `last`.
 */
export function tokenize(name: string): readonly string[] {
  let tokens = tokenCache.get(name);
  if (tokens === undefined) {
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
    tokens = Object.freeze(split(name));
    tokenCache.set(name, tokens);
  }
  return tokens;
}

// Names repeat across a document (and rules tokenise the same names): a bounded cache of frozen results.
const TOKEN_CACHE_LIMIT = 100_000;
const tokenCache = new Map<string, readonly string[]>();

function split(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/(?<![A-Z])([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])([0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((t) => t.length > 0)
    .map((t) => t.toLowerCase());
}

/** A phrase is a space-separated token sequence, e.g. `client secret`. */
export interface NameEntry {
  phrase: string;
  /** The phrase must be the whole name (e.g. a bare `token`), not part of a longer one. */
  exact?: boolean;
  /** Token sequences that veto this entry only. */
  vetoes?: readonly string[];
}

export interface NameClass {
  id: string;
  entries: readonly NameEntry[];
  /** Token sequences that veto every entry of the class. */
  vetoes: readonly string[];
}

const phraseCache = new Map<string, readonly string[]>();

/** A phrase's token sequence (`client secret` -> [client, secret]), split once. */
export function phraseTokens(phrase: string): readonly string[] {
  let seq = phraseCache.get(phrase);
  if (seq === undefined) {
    if (phraseCache.size >= TOKEN_CACHE_LIMIT) phraseCache.clear();
    seq = Object.freeze(phrase.split(' '));
    phraseCache.set(phrase, seq);
  }
  return seq;
}

/** Where a token sequence starts in a token list, or -1. */
export function indexOfSequence(tokens: readonly string[], sequence: readonly string[]): number {
  outer: for (let i = 0; i + sequence.length <= tokens.length; i++) {
    for (let j = 0; j < sequence.length; j++) if (tokens[i + j] !== sequence[j]) continue outer;
    return i;
  }
  return -1;
}

export function containsPhrase(tokens: readonly string[], phrase: string): boolean {
  return indexOfSequence(tokens, phraseTokens(phrase)) !== -1;
}

/**
 * Returns the matching entry's phrase, or undefined when the name is not of this class. Vetoes are looked for
 * in the tokens outside the matched phrase, so the class veto `id` rejects `accessTokenId` but not `sessionId`.
 */
export function matchName(name: string | readonly string[], nameClass: NameClass): string | undefined {
  const tokens = typeof name === 'string' ? tokenize(name) : name;
  if (tokens.length === 0) return undefined;
  for (const entry of nameClass.entries) {
    const seq = phraseTokens(entry.phrase);
    let rest: readonly string[];
    if (entry.exact) {
      if (tokens.join(' ') !== entry.phrase) continue;
      rest = [];
    } else {
      const at = indexOfSequence(tokens, seq);
      if (at === -1) continue;
      rest = [...tokens.slice(0, at), ...tokens.slice(at + seq.length)];
    }
    if (nameClass.vetoes.some((v) => containsPhrase(rest, v))) continue;
    if (entry.vetoes?.some((v) => containsPhrase(rest, v))) continue;
    return entry.phrase;
  }
  return undefined;
}

/** Extends a class with user-configured phrases and vetoes (rule options). */
export function extendClass(
  base: NameClass,
  extra: { names?: readonly string[]; vetoes?: readonly string[] } | undefined,
): NameClass {
  if (!extra || (!extra.names?.length && !extra.vetoes?.length)) return base;
  const normalise = (p: string) => tokenize(p).join(' ');
  return {
    id: base.id,
    entries: [...base.entries, ...(extra.names ?? []).map((p) => ({ phrase: normalise(p) }))],
    vetoes: [...base.vetoes, ...(extra.vetoes ?? []).map(normalise)],
  };
}
