import parsers from '@stoplight/spectral-parsers';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver';
import { toPointer } from '../engine/fingerprint.js';
import { IGNORE_KEY, REASON_KEY } from '../engine/inlineIgnore.js';

// spectral-parsers is CommonJS with re-exports Node cannot see as named ESM exports. These are the parsers the lint
// itself uses, so a key path means the same node here as in the findings.
const { Json, Yaml } = parsers;

/** What an inserted `x-finlint-ignore-reason` says until someone writes the real reason. */
export const IGNORE_REASON_PLACEHOLDER = 'TODO: why this exception is acceptable';

/**
 * Where an `x-finlint-ignore` may go. It suppresses the rule at the object that carries it and below, so it goes on
 * the innermost object along the finding's path, but only on an object whose keys are fields (which the OpenAPI
 * Specification lets carry `x-` extensions): not in a map whose keys are names (`properties`, `schemas`,
 * `securitySchemes`, `headers`, `content`, `scopes`, a security requirement...), where it would declare a property,
 * a schema or a scope called `x-finlint-ignore`, and not inside example or default values, which are data.
 */
type Kind = 'object' | 'example' | 'map' | 'examples' | 'array' | 'data';

/** Keys whose value is a map from names to objects, wherever they appear. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependentSchemas',
  'schemas',
  'securitySchemes',
  'securityDefinitions',
  'headers',
  'links',
  'callbacks',
  'content',
  'encoding',
  'variables',
  'scopes',
  'mapping',
  'requestBodies',
  'pathItems',
  'webhooks',
]);
/** Keys that hold a name map only at the root (OAS 2.0) or under `components` (elsewhere they are arrays or objects). */
const TOP_NAME_MAPS = new Set(['parameters', 'responses']);
/** Keys whose value is data, not OpenAPI structure. */
const DATA_KEYS = new Set(['example', 'default', 'enum', 'const']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function childKind(parent: Kind, parentPath: readonly (string | number)[], key: string | number, value: unknown, oas2: boolean): Kind {
  if (parent === 'data') return 'data';
  if (parent === 'array') return parentPath.at(-1) === 'security' ? 'map' : 'object';
  if (parent === 'map') return 'object';
  if (parent === 'examples') return oas2 ? 'data' : 'example';
  const k = String(key);
  if (k.startsWith('x-') || DATA_KEYS.has(k)) return 'data';
  if (parent === 'example' && (k === 'value' || k === 'externalValue')) return 'data';
  if (Array.isArray(value)) return k === 'examples' || k === 'required' || k === 'type' ? 'data' : 'array';
  if (k === 'examples') return 'examples';
  if (NAME_MAPS.has(k)) return 'map';
  if (TOP_NAME_MAPS.has(k) && (parentPath.length === 0 || (parentPath.length === 1 && parentPath[0] === 'components'))) return 'map';
  return 'object';
}

/**
 * The key path of the object an `x-finlint-ignore` for a finding at `findingPath` should go on: the innermost
 * object along the path that may carry extensions (the document root at worst).
 */
export function ignoreTarget(data: unknown, findingPath: readonly (string | number)[]): (string | number)[] {
  const oas2 = isPlainObject(data) && data.swagger !== undefined;
  let best: (string | number)[] = [];
  let kind: Kind = 'object';
  let node: unknown = data;
  const walked: (string | number)[] = [];
  for (const seg of findingPath) {
    let value: unknown;
    if (Array.isArray(node)) value = node[Number(seg)];
    else if (isPlainObject(node)) value = node[String(seg)];
    else break;
    kind = childKind(kind, walked, seg, value, oas2);
    walked.push(seg);
    node = value;
    if ((kind === 'object' || kind === 'example') && isPlainObject(value)) best = [...walked];
  }
  return best;
}

function ruleToken(rule: string, json: boolean): string {
  return json || !/^[A-Za-z0-9_.-]+$/.test(rule) ? JSON.stringify(rule) : rule;
}

interface Insert {
  start: number;
  end: number;
  newText: string;
}

// ---------------------------------------------------------------------------------------------------------------
// YAML (the @stoplight/yaml AST that Spectral's YAML parser returns)

const Y_SCALAR = 0;
const Y_MAP = 2;
const Y_SEQ = 3;
const Y_ALIAS = 4;

interface YNode {
  kind: number;
  startPosition: number;
  endPosition: number;
  value?: YNode | string | null;
  mappings?: { key: YNode; value: YNode | null; startPosition: number; endPosition: number }[];
  items?: (YNode | null)[];
}

function yamlNodeAt(root: YNode | undefined, path: readonly (string | number)[]): YNode | undefined {
  let node = root;
  for (const seg of path) {
    if (!node || node.kind === Y_ALIAS) return undefined; // an anchor used elsewhere too: editing it would change them all
    if (node.kind === Y_MAP) node = node.mappings?.find((m) => m.key && String(m.key.value) === String(seg))?.value ?? undefined;
    else if (node.kind === Y_SEQ) node = node.items?.[Number(seg)] ?? undefined;
    else return undefined;
  }
  return node && node.kind !== Y_ALIAS ? node : undefined;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function yamlEdits(text: string, target: YNode, rule: string): Insert[] | undefined {
  if (target.kind !== Y_MAP) return undefined;
  const mappings = target.mappings ?? [];
  const flow = text[target.startPosition] === '{';
  const reason = `${REASON_KEY}: ${JSON.stringify(IGNORE_REASON_PLACEHOLDER)}`;
  const existing = mappings.find((m) => m.key && m.key.value === IGNORE_KEY);
  const hasReason = mappings.some((m) => m.key && m.key.value === REASON_KEY);
  const token = ruleToken(rule, false);
  if (existing) {
    const edits: Insert[] = [];
    const v = existing.value;
    if (v && v.kind === Y_SEQ) {
      const items = (v.items ?? []).filter((i): i is YNode => i !== null);
      if (items.some((i) => i.kind === Y_SCALAR && i.value === rule)) return undefined;
      if (text[v.startPosition] === '[') {
        const close = text.lastIndexOf(']', v.endPosition);
        if (close < v.startPosition) return undefined;
        edits.push({ start: close, end: close, newText: items.length > 0 ? `, ${token}` : token });
      } else {
        if (items.length === 0) return undefined;
        const first = items[0].startPosition;
        const dash = text.lastIndexOf('-', first);
        const indent = ' '.repeat(dash - lineStart(text, dash));
        const end = items[items.length - 1].endPosition;
        edits.push({ start: end, end, newText: `\n${indent}- ${token}` });
      }
    } else if (v && v.kind === Y_SCALAR && typeof v.value === 'string') {
      if (v.value === rule) return undefined;
      edits.push({ start: v.startPosition, end: v.endPosition, newText: `[${ruleToken(v.value, false)}, ${token}]` });
    } else {
      return undefined;
    }
    if (!hasReason) {
      const at = existing.key.startPosition;
      edits.push({ start: at, end: at, newText: flow ? `${reason}, ` : `${reason}\n${' '.repeat(at - lineStart(text, at))}` });
    }
    return edits;
  }
  const ignore = `${IGNORE_KEY}: [${token}]`;
  if (flow) {
    const at = target.startPosition + 1;
    return [{ start: at, end: at, newText: mappings.length > 0 ? ` ${ignore}, ${reason},` : ` ${ignore}, ${reason} ` }];
  }
  if (mappings.length === 0) return undefined;
  const at = mappings[0].key.startPosition;
  const indent = ' '.repeat(at - lineStart(text, at));
  return [{ start: at, end: at, newText: `${ignore}\n${indent}${reason}\n${indent}` }];
}

// ---------------------------------------------------------------------------------------------------------------
// JSON (the jsonc-parser AST that Spectral's JSON parser returns)

interface JNode {
  type: 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null';
  offset: number;
  length: number;
  value?: unknown;
  children?: JNode[];
}

function jsonNodeAt(root: JNode | undefined, path: readonly (string | number)[]): JNode | undefined {
  let node = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (node.type === 'object') node = node.children?.find((p) => p.children?.[0]?.value === String(seg))?.children?.[1];
    else if (node.type === 'array') node = node.children?.[Number(seg)];
    else return undefined;
  }
  return node;
}

function jsonEdits(text: string, target: JNode, rule: string): Insert[] | undefined {
  if (target.type !== 'object') return undefined;
  const props = target.children ?? [];
  const keyOf = (p: JNode) => p.children?.[0]?.value;
  const existing = props.find((p) => keyOf(p) === IGNORE_KEY);
  const hasReason = props.some((p) => keyOf(p) === REASON_KEY);
  const reason = `${JSON.stringify(REASON_KEY)}: ${JSON.stringify(IGNORE_REASON_PLACEHOLDER)}`;
  const token = JSON.stringify(rule);
  const layout = (at: number) => {
    const start = lineStart(text, at);
    const multiLine = text.lastIndexOf('\n', at - 1) > target.offset;
    return multiLine ? `,\n${text.slice(start, at)}` : ', ';
  };
  if (existing) {
    const v = existing.children?.[1];
    const edits: Insert[] = [];
    if (v?.type === 'array') {
      const items = v.children ?? [];
      if (items.some((i) => i.value === rule)) return undefined;
      const close = v.offset + v.length - 1;
      edits.push({ start: close, end: close, newText: items.length > 0 ? `, ${token}` : token });
    } else if (v?.type === 'string') {
      if (v.value === rule) return undefined;
      edits.push({ start: v.offset, end: v.offset + v.length, newText: `[${JSON.stringify(v.value)}, ${token}]` });
    } else {
      return undefined;
    }
    if (!hasReason) edits.push({ start: existing.offset, end: existing.offset, newText: `${reason}${layout(existing.offset)}` });
    return edits;
  }
  const ignore = `${JSON.stringify(IGNORE_KEY)}: [${token}]`;
  if (props.length === 0) return [{ start: target.offset + 1, end: target.offset + 1, newText: `${ignore}, ${reason}` }];
  const at = props[0].offset;
  const sep = layout(at);
  return [{ start: at, end: at, newText: `${ignore}${sep}${reason}${sep}` }];
}

// ---------------------------------------------------------------------------------------------------------------

export interface IgnoreEdit {
  edits: TextEdit[];
  /** JSON pointer of the object that gets the ignore ('' for the root). */
  pointer: string;
}

/**
 * The edits that add `rule` to an `x-finlint-ignore` (and an `x-finlint-ignore-reason` to fill in) on the object
 * that best scopes a finding at `findingPath`, keeping the file's own layout. Undefined when there is no safe place
 * (the object is reached through a YAML alias, or the text no longer has the path).
 */
export function ignoreEdit(text: string, file: string, findingPath: readonly (string | number)[], rule: string): IgnoreEdit | undefined {
  const json = /\.json$/i.test(file) || (!/\.ya?ml$/i.test(file) && text.trimStart().startsWith('{'));
  const parsed = json ? Json.parse(text) : Yaml.parse(text);
  const target = ignoreTarget(parsed.data, findingPath);
  const inserts = json
    ? (() => {
        const node = jsonNodeAt(parsed.ast as unknown as JNode, target);
        return node ? jsonEdits(text, node, rule) : undefined;
      })()
    : (() => {
        const node = yamlNodeAt(parsed.ast as unknown as YNode, target);
        return node ? yamlEdits(text, node, rule) : undefined;
      })();
  if (!inserts) return undefined;
  const doc = TextDocument.create('file:///x', json ? 'json' : 'yaml', 0, text);
  return {
    edits: inserts.map((i) => ({ range: { start: doc.positionAt(i.start), end: doc.positionAt(i.end) }, newText: i.newText })),
    pointer: toPointer(target),
  };
}
