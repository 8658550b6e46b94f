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
}

export function severityNumber(name: SeverityName): SeverityNumber {
  return SEVERITY_NAMES.indexOf(name) as SeverityNumber;
}
