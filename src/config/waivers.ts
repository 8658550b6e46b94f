import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { displayPath } from './load.js';
import { keysAt, waiversSchema } from './schema.js';
import { compileSchema, configIssue, ConfigError, validateYaml, YamlSource } from './validate.js';

/** Default name of the waivers file, looked for next to the configuration file (or in the working directory). */
export const WAIVERS_FILE_NAME = 'finlint.waivers.yaml';

export interface Waiver {
  rule: string;
  /** Glob over file paths, relative to the waivers file. */
  file: string;
  /** JSON pointer, or a glob over pointers (`*` one segment or part of one, `**` any number of segments). */
  pointer: string;
  reason: string;
  owner: string;
  ticket?: string;
  /** Last day the waiver applies, YYYY-MM-DD. */
  expires: string;
}

export interface WaiverSet {
  /** Absolute path of the waivers file. */
  file: string;
  displayName: string;
  dir: string;
  waivers: Waiver[];
  /** 0-based position of each waiver entry and its `expires` value, for findings about the waiver. */
  positions: { entry: { start: Pos; end: Pos }; expires: { start: Pos; end: Pos } }[];
}

interface Pos {
  line: number;
  character: number;
}

const validateWaivers = compileSchema(waiversSchema);

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Reads and validates a waivers file. Throws ConfigError naming the entry and key. */
export async function loadWaivers(file: string, cwd = process.cwd()): Promise<WaiverSet> {
  const absolute = path.resolve(cwd, file);
  const displayName = displayPath(absolute, cwd);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw configIssue(displayName, '', code === 'ENOENT' ? 'waivers file not found' : `cannot read waivers file (${code ?? String(e)})`);
  }
  const source = new YamlSource(displayName, text);
  if (source.data === null || source.data === undefined) {
    return { file: absolute, displayName, dir: path.dirname(absolute), waivers: [], positions: [] };
  }
  const issues = validateYaml(source, validateWaivers, (segments) => keysAt(waiversSchema, segments, source.data));
  if (issues.length === 0) {
    (source.data as { waivers: Waiver[] }).waivers.forEach((w, i) => {
      if (!isRealDate(w.expires)) {
        issues.push({ file: displayName, key: `waivers[${i}].expires`, message: `${w.expires} is not a calendar date`, ...(source.position(['waivers', i, 'expires']) ?? {}) });
      }
    });
  }
  if (issues.length > 0) throw new ConfigError(issues);
  const waivers = (source.data as { waivers: Waiver[] }).waivers;
  return {
    file: absolute,
    displayName,
    dir: path.dirname(absolute),
    waivers,
    positions: waivers.map((_, i) => ({ entry: source.range(['waivers', i]), expires: source.range(['waivers', i, 'expires']) })),
  };
}
