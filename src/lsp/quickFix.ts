import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/types.js';

/**
 * Rules whose finding is a URL string with a cleartext scheme, where the fix is unambiguous: the same URL with
 * https:// (or wss://). Fixes that need a decision (a maxLength, a scope, a security scheme) are never offered.
 */
export const SCHEME_FIX_RULES: ReadonlySet<string> = new Set([
  'fin-transport-https-only',
  'fin-transport-callback-urls-https',
  'fin-transport-oauth-urls-https',
  'fin-transport-doc-links-https',
]);

const CLEARTEXT = /^(["']?)(http|ws):\/\//i;

/** The quick fix for a finding, if it has an unambiguous one: its title and edit in `doc`. */
export function quickFix(f: Finding, doc: TextDocument): { title: string; edit: TextEdit } | undefined {
  if (!SCHEME_FIX_RULES.has(f.code)) return undefined;
  if (f.range.start.line !== f.range.end.line) return undefined;
  const text = doc.getText(f.range);
  const m = CLEARTEXT.exec(text);
  if (!m) return undefined;
  const scheme = m[2];
  const secure = scheme.toLowerCase() === 'http' ? 'https' : 'wss';
  const start = doc.offsetAt(f.range.start) + m[1].length;
  return {
    title: `Use ${secure}:// instead of ${scheme.toLowerCase()}://`,
    edit: { range: { start: doc.positionAt(start), end: doc.positionAt(start + scheme.length) }, newText: secure },
  };
}
