import * as path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { toPointer } from '../engine/fingerprint.js';

/** What a new waiver says until its author fills it in (the waivers schema accepts them, reviewers should not). */
export const WAIVER_REASON_PLACEHOLDER = 'TODO: why this exception is acceptable, and what mitigates the risk';
export const WAIVER_OWNER_PLACEHOLDER = 'TODO: accountable team or person';
/** A new waiver expires after this many days unless its author changes the date. */
export const WAIVER_DAYS = 90;

export interface WaiverEntry {
  rule: string;
  /** The finding's file, relative to the waivers file, with `/` separators. */
  file: string;
  pointer: string;
  reason: string;
  owner: string;
  expires: string;
}

export function newWaiver(rule: string, findingFile: string, findingPath: readonly (string | number)[], waiversFile: string, today: Date): WaiverEntry {
  const expires = new Date(today.getTime() + WAIVER_DAYS * 86_400_000).toISOString().slice(0, 10);
  return {
    rule,
    file: path.relative(path.dirname(waiversFile), findingFile).split(path.sep).join('/'),
    pointer: toPointer(findingPath) || '/',
    reason: WAIVER_REASON_PLACEHOLDER,
    owner: WAIVER_OWNER_PLACEHOLDER,
    expires,
  };
}

function scalar(value: string): string {
  return /^[A-Za-z0-9_./~-]+$/.test(value) && !/^[-.~]/.test(value) ? value : JSON.stringify(value);
}

function blockEntry(w: WaiverEntry, indent: string): string {
  const pad = `${indent}  `;
  return [
    `${indent}- rule: ${scalar(w.rule)}`,
    `${pad}file: ${scalar(w.file)}`,
    `${pad}pointer: ${scalar(w.pointer)}`,
    `${pad}reason: ${JSON.stringify(w.reason)}`,
    `${pad}owner: ${JSON.stringify(w.owner)}`,
    `${pad}expires: ${w.expires}`,
  ].join('\n');
}

function flowEntry(w: WaiverEntry): string {
  return `{ rule: ${scalar(w.rule)}, file: ${scalar(w.file)}, pointer: ${scalar(w.pointer)}, reason: ${JSON.stringify(w.reason)}, owner: ${JSON.stringify(w.owner)}, expires: ${w.expires} }`;
}

export interface WaiverFileEdit {
  /** True when the waivers file does not exist yet and `newText` is its whole content. */
  create: boolean;
  /** 0-based offsets into the current text (both 0 when creating). */
  start: number;
  end: number;
  newText: string;
  /** 0-based line of the new waiver's `reason` in the file after the edit, to put the cursor on. */
  reasonLine: number;
}

const HEADER = `# Accepted exceptions to finlint findings. Review changes to this file like code.
# Each waiver names the rule, the file (a glob relative to this file), a JSON pointer (or a glob over pointers),
# why, who owns it, an optional ticket and the last day it applies.
`;

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function finish(text: string, start: number, end: number, newText: string, create = false): WaiverFileEdit {
  const after = text.slice(0, start) + newText + text.slice(end);
  const reasonAt = after.indexOf('reason: ', start);
  return { create, start, end, newText, reasonLine: lineOf(after, reasonAt === -1 ? start : reasonAt) };
}

/**
 * The edit that appends a waiver to a waivers file, keeping its comments and layout: `text` is the file's current
 * content, or undefined when it does not exist. Undefined when the file is not a mapping (it is then broken, and
 * the lint already reports it).
 */
export function waiverEdit(text: string | undefined, waiver: WaiverEntry): WaiverFileEdit | undefined {
  if (text === undefined) {
    const content = `${HEADER}waivers:\n${blockEntry(waiver, '  ')}\n`;
    return finish('', 0, 0, content, true);
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  const root = doc.contents;
  const appendAtEnd = () => {
    const sep = text.length === 0 || text.endsWith('\n') ? '' : '\n';
    return finish(text, text.length, text.length, `${sep}waivers:\n${blockEntry(waiver, '  ')}\n`);
  };
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return appendAtEnd();
  if (!isMap(root)) return undefined;
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'waivers');
  if (!pair) return appendAtEnd();
  const value = pair.value;
  const keyEnd = (pair.key as { range?: [number, number, number] }).range?.[1] ?? 0;
  if (value === null || (isScalar(value) && (value.value === null || value.value === ''))) {
    // `waivers:` or `waivers: ~` or `waivers: null`: the new list replaces the empty value
    const start = value && isScalar(value) && value.range && value.range[1] > value.range[0] ? value.range[0] : text.indexOf(':', keyEnd) + 1;
    const end = value && isScalar(value) && value.range ? Math.max(start, value.range[1]) : start;
    return finish(text, start, end, `\n${blockEntry(waiver, '  ')}`);
  }
  if (!isSeq(value) || !value.range) return undefined;
  if (value.flow) {
    if (value.items.length === 0) {
      let start = value.range[0];
      while (start > 0 && text[start - 1] === ' ') start--;
      return finish(text, start, value.range[1], `\n${blockEntry(waiver, '  ')}`);
    }
    const close = text.lastIndexOf(']', value.range[1]);
    return close === -1 ? undefined : finish(text, close, close, `, ${flowEntry(waiver)}`);
  }
  const dash = value.range[0];
  const indent = ' '.repeat(dash - (text.lastIndexOf('\n', dash - 1) + 1));
  const last = value.items.at(-1) as { range?: [number, number, number] } | undefined;
  const end = last?.range?.[1] ?? value.range[1];
  return text[end - 1] === '\n' ? finish(text, end, end, `${blockEntry(waiver, indent)}\n`) : finish(text, end, end, `\n${blockEntry(waiver, indent)}`);
}
