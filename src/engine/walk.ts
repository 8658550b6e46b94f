import { walkPath, type WalkedPath } from './fingerprint.js';
import { collectIgnores, IGNORE_KEY, reasonOf, REASON_KEY, ruleList, type InlineIgnore } from './inlineIgnore.js';
import { parseRefTarget, parseRefText, type LoadedDocument } from './parse.js';
import type { SpectralOutcome } from './spectralRun.js';
import type { Position } from './types.js';

type IRange = { start: Position; end: Position };

/** An `x-finlint-ignore` in the linted document, with where it is written. */
export interface IgnoreSite extends InlineIgnore {
  range: IRange;
}

/** What mapping Spectral's results to findings needs from the parsed documents, as plain data. */
export interface DocumentFacts {
  /** Per result (same order): its path walked through the document it points into. */
  walks: WalkedPath[];
  /** The document's inline ignores (empty unless its text mentions x-finlint-ignore). */
  ignores: IgnoreSite[];
}

const ZERO: IRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * A node along a path reduced to what inline suppression reads from it (null: it carries no ignore): its rule list
 * and reason as plain strings. The raw values may be anything a document holds (mappings parsed into proxies that
 * cannot cross a thread boundary), so only their meaning is kept.
 */
function ignoreNode(node: unknown): Record<string, unknown> | null {
  if (typeof node !== 'object' || node === null || Array.isArray(node) || !(IGNORE_KEY in node)) return null;
  const n = node as Record<string, unknown>;
  return { [IGNORE_KEY]: ruleList(n[IGNORE_KEY]) ?? null, [REASON_KEY]: reasonOf(n) };
}

/**
 * Walks every result's path through the data it points into (the linted document, a `$ref`'d file or a fetched
 * remote document) and collects the inline ignores. Runs where the document was parsed — in the lint worker under
 * the time limit — so that the main thread never parses a document a second time; the walked nodes are reduced to
 * their ignores so that the facts stay small when they cross the thread boundary.
 */
export function documentFacts(loaded: LoadedDocument, outcome: SpectralOutcome): DocumentFacts {
  const parsed = new Map<string, unknown>([[loaded.absolutePath, loaded.document.data]]);
  const dataOf = (abs: string | undefined): unknown => {
    const key = abs ?? loaded.absolutePath;
    if (!parsed.has(key)) parsed.set(key, key in outcome.remote ? parseRefText(key, outcome.remote[key]) : parseRefTarget(key));
    return parsed.get(key);
  };
  const walks = outcome.results.map((r) => {
    const walked = walkPath(r.path, dataOf(r.source));
    return { path: walked.path, identity: walked.identity, nodes: walked.nodes.map(ignoreNode) };
  });
  const input = (loaded.document as unknown as { input?: unknown }).input;
  const ignores: IgnoreSite[] =
    typeof input === 'string' && input.includes(IGNORE_KEY)
      ? collectIgnores(loaded.document.data).map((ig) => ({ ...ig, range: loaded.document.getRangeForJsonPath([...ig.path, IGNORE_KEY], true) ?? ZERO }))
      : [];
  return { walks, ignores };
}
