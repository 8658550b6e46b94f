import type { FailSeverity } from '../config/load.js';
import { BASELINE_FILE_NAME } from '../engine/baseline.js';

/**
 * The settings the language server reads (section `finlint` of `workspace/configuration`, or
 * `initializationOptions.settings`). The VS Code extension declares the same keys in editors/vscode/package.json;
 * a test keeps the two in step.
 */
export interface LspSettings {
  /** Lint at all. */
  enable: boolean;
  /** Like `finlint lint --config`: one configuration for every document, relative to the workspace folder. Empty: the nearest one per document. */
  configPath: string;
  /** Like `--fail-severity`: findings at or above it are shown as errors. Empty: the configuration's, or error. */
  failSeverity: FailSeverity | '';
  /** Like `--baseline`, relative to the workspace folder; used when the file exists. Empty: none. */
  baseline: string;
  /** Like `--root`: the directory file `$ref`s may not leave, relative to the workspace folder. Empty: each document's directory. */
  root: string;
  /** Wait this long after the last change before linting again. */
  debounceMs: number;
}

export const DEFAULT_SETTINGS: Readonly<LspSettings> = {
  enable: true,
  configPath: '',
  failSeverity: '',
  baseline: BASELINE_FILE_NAME,
  root: '',
  debounceMs: 300,
};

const FAIL_SEVERITIES = new Set(['error', 'warn', 'info', 'hint', 'none', '']);

/** Settings as the client sent them, with wrong or missing values replaced by the defaults. */
export function normalizeSettings(raw: unknown): LspSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const str = (key: 'configPath' | 'baseline' | 'root'): string => (typeof r[key] === 'string' ? (r[key] as string).trim() : DEFAULT_SETTINGS[key]);
  const debounce = Number(r.debounceMs);
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    configPath: str('configPath'),
    failSeverity: typeof r.failSeverity === 'string' && FAIL_SEVERITIES.has(r.failSeverity) ? (r.failSeverity as LspSettings['failSeverity']) : DEFAULT_SETTINGS.failSeverity,
    baseline: str('baseline'),
    root: str('root'),
    debounceMs: Number.isFinite(debounce) && debounce >= 0 ? Math.min(debounce, 10_000) : DEFAULT_SETTINGS.debounceMs,
  };
}
