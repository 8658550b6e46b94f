export { lint, failsAt, compareFindings, type LintOptions } from './engine/lint.js';
export { lintProject, type ProjectOptions, type ProjectResult, type ProjectGroup } from './engine/project.js';
export type { LintInput } from './engine/loader.js';
export type { Finding, InputError, Report, RuleInfo, SeverityName, SeverityNumber, Suppression } from './engine/types.js';
export { RulesetLoadError, loadRulesetFile } from './engine/rulesetFile.js';
export { GitError } from './engine/git.js';
export { fingerprintOf, toPointer } from './engine/fingerprint.js';
export { applyWaivers, pointerMatcher, type WaiverContext, type WaiverOutcome } from './engine/waivers.js';
export {
  BASELINE_FILE_NAME,
  createBaseline,
  loadBaseline,
  type BaselineEntry,
  type BaselineFile,
  type LoadedBaseline,
} from './engine/baseline.js';
export {
  CONFIG_FILE_NAMES,
  findConfig,
  loadConfig,
  type FinlintConfig,
  type LoadedConfig,
  type RuleConfig,
  type FailSeverity,
  type OutputFormat,
} from './config/load.js';
export { buildRuleset } from './config/build.js';
export { loadWaivers, WAIVERS_FILE_NAME, type Waiver, type WaiverSet } from './config/waivers.js';
export { ConfigError, type ConfigIssue } from './config/validate.js';
export { configSchema, waiversSchema } from './config/schema.js';
export { formatters, FORMAT_NAMES, type FormatName, type Formatter, type FormatContext } from './format/index.js';
export {
  buildComplianceModel,
  detectOasVersion,
  type AuditInputs,
  type ComplianceModel,
  type ControlStatus,
  type ReportControl,
  type ReportFramework,
  type ReportWaiver,
} from './report/model.js';
export { loadAuditInputs, type LoadAuditOptions } from './report/inputs.js';
export { FINLINT_VERSION } from './version.js';
export { allRules, rulesById } from '../rulesets/registry.js';
export { PRESET_NAMES, presetRules, presetRuleset, type PresetName } from '../rulesets/presets.js';
export { controls, frameworks } from '../rulesets/controls.js';
export { defineRule, documentationUrlFor } from '../rulesets/define.js';
export type { FinRule, FinRuleDefinition, FinRuleExtensions } from '../rulesets/types.js';
export * as functions from '../functions/index.js';
export * as rulesetFunctions from '../functions/index.js';
import finlintRuleset from '../rulesets/ruleset.js';
export { finlintRuleset };
export default finlintRuleset;
