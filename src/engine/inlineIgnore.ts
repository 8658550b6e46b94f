import { toPointer, type WalkedPath } from './fingerprint.js';
import type { Suppression } from './types.js';

/** `x-finlint-ignore: [rule-id, ...]` on any object suppresses those rules at that object and below. */
export const IGNORE_KEY = 'x-finlint-ignore';
/** Why: written next to the ignore, shown as the suppression's justification. */
export const REASON_KEY = 'x-finlint-ignore-reason';

export interface InlineIgnore {
  /** Key path of the object that carries the ignore. */
  path: (string | number)[];
  /** Rule ids, or undefined when the value is not a rule id or a list of them. */
  rules: string[] | undefined;
  reason: string | undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The rule ids of an `x-finlint-ignore` value, or undefined when it is not a rule id or a list of them. */
export function ruleList(value: unknown): string[] | undefined {
  if (typeof value === 'string' && value.trim() !== '') return [value.trim()];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.trim() !== '')) return value.map((v: string) => v.trim());
  return undefined;
}

/** The trimmed `x-finlint-ignore-reason` of a node, if it has a non-empty one. */
export function reasonOf(node: Record<string, unknown>): string | undefined {
  const r = node[REASON_KEY];
  return typeof r === 'string' && r.trim() !== '' ? r.trim() : undefined;
}

/** Key that identifies one (ignore node, rule) pair, to tell used ignores from stale ones. */
export function ignoreKey(path: readonly (string | number)[], rule: string): string {
  return `${toPointer(path)}\u0000${rule}`;
}

/**
 * The innermost object along a finding's path whose `x-finlint-ignore` names the finding's rule, as a
 * suppression; undefined if none does. Costs one look per path segment.
 */
export function inlineSuppression(code: string, walked: WalkedPath, source: string): { suppression: Suppression; key: string } | undefined {
  for (let i = walked.nodes.length - 1; i >= 0; i--) {
    const node = walked.nodes[i];
    if (!isObject(node) || !(IGNORE_KEY in node)) continue;
    if (!ruleList(node[IGNORE_KEY])?.includes(code)) continue;
    const at = walked.path.slice(0, i);
    return {
      suppression: {
        kind: 'inline',
        justification: reasonOf(node) ?? `no ${REASON_KEY} given`,
        location: `${source}#${toPointer(at)}`,
      },
      key: ignoreKey(at, code),
    };
  }
  return undefined;
}

/** Every object in a document that carries `x-finlint-ignore` (one pass over the document). */
export function collectIgnores(data: unknown): InlineIgnore[] {
  const found: InlineIgnore[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) if (typeof value[i] === 'object' && value[i] !== null) stack.push({ value: value[i], path: [...path, i] });
    } else if (isObject(value)) {
      if (IGNORE_KEY in value) found.push({ path, rules: ruleList(value[IGNORE_KEY]), reason: reasonOf(value) });
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const child = value[keys[i]];
        if (typeof child === 'object' && child !== null) stack.push({ value: child, path: [...path, keys[i]] });
      }
    }
  }
  return found.sort((a, b) => (toPointer(a.path) < toPointer(b.path) ? -1 : 1));
}
