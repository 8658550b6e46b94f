/** Spectral's numeric severities: 0 error, 1 warn, 2 info, 3 hint. */
export type SeverityNumber = 0 | 1 | 2 | 3;
export type SeverityName = 'error' | 'warn' | 'info' | 'hint';
export const SEVERITY_NAMES: readonly SeverityName[] = ['error', 'warn', 'info', 'hint'];

export interface Position {
  line: number;
  character: number;
}

/** One finding. This shape is the JSON output contract: keep it stable. */
export interface Finding {
  code: string;
  message: string;
  severity: SeverityNumber;
  path: (string | number)[];
  range: { start: Position; end: Position };
  /** The file as given on the command line (or, for a `$ref`'d file, its path relative to the working directory). */
  source: string;
  controls: string[];
  documentationUrl: string;
  howToFix: string;
  /**
   * Added in 0.1: a stable identity of the finding (rule id + a key path in which array items are named by their
   * content where they can be, e.g. a server by its url or a parameter by name and location). It does not change
   * when lines move or keys are reordered; baselines and `--changed-since` compare it together with `source`.
   */
  fingerprint?: string;
  /** Added in 0.1: present only on waived findings. They are reported but never count against the fail severity. */
  suppression?: Suppression;
}

/** Why a finding is waived: a waivers-file entry or an inline `x-finlint-ignore`. */
export interface Suppression {
  kind: 'waiver' | 'inline';
  /** The waiver's reason, or the `x-finlint-ignore-reason` next to the inline ignore. */
  justification: string;
  owner?: string;
  ticket?: string;
  /** Expiry date (YYYY-MM-DD) of a waiver. */
  expires?: string;
  /** Where the waiver is written: `finlint.waivers.yaml:12` or `openapi.yaml#/paths/~1a`. */
  location: string;
}

/** Metadata of a rule that was active in a run, for formats that describe rules (SARIF, JUnit, Markdown). */
export interface RuleInfo {
  id: string;
  description: string;
  severity: SeverityNumber;
  documentationUrl: string;
  controls: string[];
  howToFix: string;
  category?: string;
}

/** A file that could not be linted: missing, unreadable, not parseable, not OpenAPI. */
export interface InputError {
  source: string;
  message: string;
  /** 1-based, when the error has a position. */
  line?: number;
  column?: number;
}

export interface Report {
  findings: Finding[];
  inputErrors: InputError[];
  /** Files that were linted, as given. */
  files: string[];
  preset: string;
  /** Rules active in this run. */
  rules: number;
  /** Added in 0.1: the active rules (and engine diagnostics that occurred), by id. */
  ruleInfo?: Record<string, RuleInfo>;
  /** Added in 0.1: findings left out because a baseline or `--changed-since` already had them. */
  filtered?: { baseline?: number; changedSince?: number };
  /** Added in 0.1: configuration files used, relative to the working directory. */
  configs?: string[];
  /** Added in 0.1: waivers (`<absolute waivers file>#<index>`) that covered at least one finding in this run. */
  waiversUsed?: string[];
}

export function severityNumber(name: SeverityName): SeverityNumber {
  return SEVERITY_NAMES.indexOf(name) as SeverityNumber;
}
