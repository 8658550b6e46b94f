import type { FailSeverity } from '../config/load.js';
import type { Finding, InputError, RuleInfo } from '../engine/types.js';
import type { IgnoreEdit } from './ignoreEdit.js';

/** Messages between the language server (main thread) and its lint workers. Everything here is structured-clonable. */

export interface LintRequest {
  kind: 'lint';
  /** Absolute path of the document (it need not be saved: `text` is linted). */
  file: string;
  text: string;
  /** Working directory of the equivalent CLI run: the workspace folder. */
  cwd: string;
  /** Absolute path of a configuration used for every document, or undefined to find the nearest one. */
  configFile?: string;
  /** Absolute path of a baseline file (used only when it exists). */
  baselineFile?: string;
  /** Absolute `--root`. */
  root?: string;
  failSeverity?: FailSeverity;
}

export interface ConfigProblem {
  /** Absolute path of the file at fault. */
  file: string;
  message: string;
  /** 0-based. */
  line: number;
  character: number;
}

export type LintResponse =
  | {
      kind: 'report';
      findings: Finding[];
      inputErrors: InputError[];
      ruleInfo: Record<string, RuleInfo>;
      /** The fail severity the CLI would apply to this document. */
      failSeverity: FailSeverity;
      configFile?: string;
      /** Where a new waiver for a finding of this document goes (it may not exist yet). */
      waiversFile: string;
      /** Files whose change changes the rules or waivers: configuration, waivers, baseline, extended rulesets. */
      settingsFiles: string[];
      /** Directories whose files are code the configuration runs (functionsDir). */
      settingsDirs: string[];
      /** Absolute paths of the files the document `$ref`s, directly or through other files. */
      refs: string[];
      /** Milliseconds the lint took in the worker. */
      elapsedMs: number;
    }
  | { kind: 'config-error'; problems: ConfigProblem[] }
  | { kind: 'error'; message: string };

export interface IgnoreEditRequest {
  kind: 'ignore-edit';
  text: string;
  /** File name, to tell JSON from YAML. */
  file: string;
  /** Key path of the finding in this text. */
  path: (string | number)[];
  rule: string;
}

/** The edits that add the ignore (positions in the text sent), or undefined when there is no safe place for it. */
export type IgnoreEditResponse = IgnoreEdit | undefined;

export type WorkerRequest = LintRequest | IgnoreEditRequest;

export interface WorkerMessage {
  id: number;
  request: WorkerRequest;
}

export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
