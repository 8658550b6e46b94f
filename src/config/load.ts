import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { configSchema, keysAt, type FAIL_SEVERITIES, type OUTPUT_FORMATS } from './schema.js';
import { compileSchema, configIssue, ConfigError, validateYaml, YamlSource } from './validate.js';

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export type FailSeverity = (typeof FAIL_SEVERITIES)[number];
export type RuleSeverityName = 'error' | 'warn' | 'info' | 'hint' | 'off';

export interface RuleConfigObject {
  severity?: RuleSeverityName;
  /** Options for the rule's function (merged into `then.functionOptions` of an existing rule). */
  options?: Record<string, unknown>;
  description?: string;
  message?: string;
  given?: string | string[];
  then?: Record<string, unknown> | Record<string, unknown>[];
  formats?: ('oas2' | 'oas3' | 'oas3_0' | 'oas3_1')[];
  recommended?: boolean;
  resolved?: boolean;
  documentationUrl?: string;
  controls?: string[];
  howToFix?: string;
  category?: string;
}

export type RuleConfig = RuleSeverityName | boolean | RuleConfigObject;
export type ExtendsEntry = string | [string, 'recommended' | 'all' | 'off'];

/** The shape of finlint.config.yaml (see src/config/schema.ts and the README). */
export interface FinlintConfig {
  extends?: ExtendsEntry | ExtendsEntry[];
  rules?: Record<string, RuleConfig>;
  overrides?: { files: string[]; rules: Record<string, RuleConfig> }[];
  functionsDir?: string;
  failSeverity?: FailSeverity;
  formats?: (OutputFormat | { format: OutputFormat; output?: string })[];
  waivers?: string;
}

export interface LoadedConfig {
  /** Absolute path of the configuration file. */
  file: string;
  /** The file as it should be named in messages (relative to the working directory when inside it). */
  displayName: string;
  dir: string;
  config: FinlintConfig;
  /** Positions of keys, for errors found after schema validation. */
  source: YamlSource;
}

/** Configuration file names, in the order they are looked for in each directory. */
export const CONFIG_FILE_NAMES = ['finlint.config.yaml', 'finlint.config.yml', '.finlintrc.yaml', '.finlintrc.yml'] as const;

const validateConfig = compileSchema(configSchema);

export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

/**
 * The nearest configuration file for a directory: looks in `startDir` and each parent, and stops after the
 * directory that holds `.git` (the repository root) or at the file-system root.
 */
export function findConfig(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir || existsSync(path.join(dir, '.git'))) return undefined;
    dir = parent;
  }
}

/** Reads and validates a configuration file. Throws ConfigError naming the file, line, column and key. */
export async function loadConfig(file: string, cwd = process.cwd()): Promise<LoadedConfig> {
  const absolute = path.resolve(cwd, file);
  const displayName = displayPath(absolute, cwd);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw configIssue(displayName, '', code === 'ENOENT' ? 'configuration file not found' : `cannot read configuration file (${code ?? String(e)})`);
  }
  const source = new YamlSource(displayName, text);
  const data = source.data ?? {};
  if (source.data === null || source.data === undefined) return { file: absolute, displayName, dir: path.dirname(absolute), config: {}, source };
  if (typeof data !== 'object' || Array.isArray(data)) throw configIssue(displayName, '', 'the configuration must be a mapping of keys (extends, rules, overrides...)');
  const issues = validateYaml(source, validateConfig, (segments) => keysAt(configSchema, segments, source.data));
  if (issues.length > 0) throw new ConfigError(issues);
  return { file: absolute, displayName, dir: path.dirname(absolute), config: data as FinlintConfig, source };
}
