import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Ruleset, type RulesetDefinition } from '@stoplight/spectral-core';
import { oas2, oas3, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import * as coreFunctions from '@stoplight/spectral-functions';
import finlintRuleset from '../../rulesets/ruleset.js';
import { isPresetName, PRESET_NAMES } from '../../rulesets/presets.js';
import { profileRuleset } from '../../rulesets/profiles.js';
import { RulesetLoadError } from '../engine/errors.js';
import { loadRulesetFile } from '../engine/rulesetFile.js';
import { finlintFunction, FunctionLoadError, loadFunction } from './functions.js';
import { CONFIG_FILE_NAMES, loadConfig, type ExtendsEntry, type LoadedConfig, type RuleConfig, type RuleConfigObject } from './load.js';
import { ConfigError, didYouMean, keyPath, type ConfigIssue } from './validate.js';

type Severity = 'recommended' | 'all' | 'off';
type Extension = [RulesetDefinition, Severity];

const FORMATS = { oas2, oas3, oas3_0, oas3_1 } as const;
// Loaded on first use: the package compiles its functions' schemas when it loads (~0.1 s in every thread that lints).
const SPECTRAL_RULESET_NAMES = ['spectral:oas', 'spectral:asyncapi', 'spectral:arazzo'] as const;
async function spectralRuleset(spec: (typeof SPECTRAL_RULESET_NAMES)[number]): Promise<RulesetDefinition> {
  const { arazzo, asyncapi, oas } = await import('@stoplight/spectral-rulesets');
  return { 'spectral:oas': oas, 'spectral:asyncapi': asyncapi, 'spectral:arazzo': arazzo }[spec] as RulesetDefinition;
}
/** `finlint:off` loads every rule switched off, so a configuration can turn on just the rules it names. */
const FINLINT_PRESETS: Record<string, Severity> = {
  finlint: 'recommended',
  'finlint:recommended': 'recommended',
  'finlint:all': 'all',
  'finlint:off': 'off',
  // The other profiles (rulesets/profiles.ts) are rulesets of their own, extended in recommended mode.
  ...Object.fromEntries(PRESET_NAMES.filter((n) => n !== 'recommended' && n !== 'all').map((n) => [`finlint:${n}`, 'recommended' as const])),
};

function issue(config: LoadedConfig, segments: (string | number)[], message: string, atKey = false): ConfigError {
  const pos = atKey && segments.length > 0 ? config.source.position(segments.slice(0, -1), String(segments.at(-1))) : config.source.position(segments);
  const entry: ConfigIssue = { file: config.displayName, key: keyPath(segments), message, ...(pos ?? {}) };
  return new ConfigError([entry]);
}

function firstLine(e: unknown): string {
  if (e instanceof AggregateError && e.errors.length > 0) return e.errors.map((x: unknown) => firstLine(x)).join('; ');
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

function isFileSpec(spec: string): boolean {
  return spec.startsWith('./') || spec.startsWith('../') || path.isAbsolute(spec) || /\.(ya?ml|json|[cm]?js|ts)$/i.test(spec) && !spec.startsWith('@');
}

async function resolveExtension(config: LoadedConfig, spec: string, at: (string | number)[], stack: Set<string>): Promise<RulesetDefinition> {
  if (spec in FINLINT_PRESETS) {
    const profile = spec.slice('finlint:'.length);
    return spec.startsWith('finlint:') && isPresetName(profile) && profile !== 'recommended' && profile !== 'all'
      ? profileRuleset(profile)
      : (finlintRuleset as RulesetDefinition);
  }
  if ((SPECTRAL_RULESET_NAMES as readonly string[]).includes(spec)) return spectralRuleset(spec as (typeof SPECTRAL_RULESET_NAMES)[number]);
  if (spec.startsWith('finlint:') || spec.startsWith('spectral:')) {
    const guess = didYouMean(spec, [...Object.keys(FINLINT_PRESETS), ...SPECTRAL_RULESET_NAMES]);
    throw issue(config, at, `unknown preset ${spec}${guess ? ` (did you mean ${guess}?)` : ''}`);
  }
  let file: string;
  if (isFileSpec(spec)) {
    file = path.resolve(config.dir, spec);
    if (!existsSync(file)) throw issue(config, at, `file ${spec} not found (relative to ${config.displayName})`);
  } else {
    try {
      file = createRequire(path.join(config.dir, 'noop.js')).resolve(spec);
    } catch {
      throw issue(config, at, `cannot find the npm package ${spec} from ${config.dir} (install it, or give a file path starting with ./)`);
    }
  }
  if ((CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(file))) {
    if (stack.has(file)) throw issue(config, at, `${spec} extends itself (circular extends)`);
    const nested = await loadConfig(file, path.dirname(config.file));
    return (await buildRulesetInternal(nested, new Set([...stack, file]))).definition as RulesetDefinition;
  }
  try {
    return (await loadRulesetFile(file, config.dir)).definition as RulesetDefinition;
  } catch (e) {
    throw issue(config, at, e instanceof RulesetLoadError ? e.message.replace(`${file}: `, '') : firstLine(e));
  }
}

async function resolveFunction(config: LoadedConfig, name: string, at: (string | number)[]): Promise<unknown> {
  if (config.config.functionsDir) {
    const dir = path.resolve(config.dir, config.config.functionsDir);
    try {
      const fn = await loadFunction(dir, name);
      if (fn !== undefined) return fn;
    } catch (e) {
      throw issue(config, at, e instanceof FunctionLoadError ? e.message : firstLine(e));
    }
  }
  const own = finlintFunction(name);
  if (own) return own;
  const core = (coreFunctions as Record<string, unknown>)[name];
  if (typeof core === 'function' && name !== 'default') return core;
  const where = config.config.functionsDir ? ` in ${config.config.functionsDir}/ (.ts or .js),` : '';
  throw issue(config, at, `unknown function ${name}: not found${where} among finlint's functions or Spectral's core functions`);
}

async function translateThen(config: LoadedConfig, then: Record<string, unknown>, at: (string | number)[]): Promise<Record<string, unknown>> {
  if (typeof then.function !== 'string') throw issue(config, [...at, 'function'], 'must name a function');
  return { ...then, function: await resolveFunction(config, then.function, [...at, 'function']) };
}

interface RuleWithValidator {
  definition: { then: unknown };
}

function validateOptions(config: LoadedConfig, id: string, thens: Record<string, unknown>[], at: (string | number)[]): void {
  for (const t of thens) {
    const fn = t.function as { validator?: (o: unknown) => void } | undefined;
    try {
      fn?.validator?.(t.functionOptions);
    } catch (e) {
      throw issue(config, at, `invalid options for ${id}: ${firstLine(e)}`);
    }
  }
}

async function translateRule(
  config: LoadedConfig,
  id: string,
  value: RuleConfig,
  base: Ruleset,
  at: (string | number)[],
  ownRules: ReadonlySet<string> = new Set(),
): Promise<unknown> {
  const existing = base.rules[id] as unknown as RuleWithValidator | undefined;
  const unknownRule = () => {
    const guess = didYouMean(id, Object.keys(base.rules));
    return issue(config, at, `no rule ${id} in the extended rulesets${guess ? ` (did you mean ${guess}?)` : ''}; a new rule needs given and then`, true);
  };
  if (typeof value !== 'object') {
    if (!existing && !ownRules.has(id)) throw unknownRule();
    return value;
  }
  const obj = value as RuleConfigObject;
  if (obj.given === undefined && obj.then === undefined) {
    if (!existing) throw unknownRule();
    if (obj.severity === 'off') return 'off';
    // Spectral only accepts complete rule objects, so the existing definition is the base.
    const { options, controls, howToFix, category, formats, ...rest } = obj;
    const current = existing as unknown as { definition: Record<string, unknown>; severity: number; extensions?: Record<string, unknown> | null };
    const out: Record<string, unknown> = {
      ...current.definition,
      ...rest,
      severity: obj.severity ?? (['error', 'warn', 'info', 'hint'][current.severity] ?? 'warn'),
    };
    if (formats) out.formats = formats.map((f) => FORMATS[f]);
    if (options !== undefined) {
      const baseThen = current.definition.then as Record<string, unknown> | Record<string, unknown>[];
      const thens = (Array.isArray(baseThen) ? baseThen : [baseThen]).map((t) =>
        t.function ? { ...t, functionOptions: { ...((t.functionOptions as Record<string, unknown> | undefined) ?? {}), ...options } } : t,
      );
      validateOptions(config, id, thens, [...at, 'options']);
      out.then = Array.isArray(baseThen) ? thens : thens[0];
    }
    if (controls || howToFix || category) {
      out.extensions = {
        ...(current.extensions ?? {}),
        ...(controls ? { controls } : {}),
        ...(howToFix ? { howToFix } : {}),
        ...(category ? { category } : {}),
      };
    }
    return out;
  }
  if (obj.given === undefined || obj.then === undefined) throw issue(config, at, `a new rule needs both given and then (${obj.given === undefined ? 'given' : 'then'} is missing)`);
  if (obj.options !== undefined) throw issue(config, [...at, 'options'], 'options apply to existing rules; a new rule sets then.functionOptions');
  const { controls, howToFix, category, formats, then, options: _options, ...rest } = obj;
  const thenList = Array.isArray(then) ? then : [then];
  const translated: Record<string, unknown>[] = [];
  for (let i = 0; i < thenList.length; i++) translated.push(await translateThen(config, thenList[i], Array.isArray(then) ? [...at, 'then', i] : [...at, 'then']));
  validateOptions(config, id, translated, [...at, 'then']);
  const def: Record<string, unknown> = {
    ...rest,
    then: Array.isArray(then) ? translated : translated[0],
    extensions: { controls: controls ?? [], ...(howToFix ? { howToFix } : {}), ...(category ? { category } : {}) },
  };
  if (formats) def.formats = formats.map((f) => FORMATS[f]);
  return def;
}

async function translateRules(
  config: LoadedConfig,
  rules: Record<string, RuleConfig>,
  base: Ruleset,
  at: (string | number)[],
  ownRules?: ReadonlySet<string>,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(rules)) out[id] = await translateRule(config, id, value, base, [...at, id], ownRules);
  return out;
}

function extendsList(value: LoadedConfig['config']['extends']): ExtendsEntry[] {
  if (value === undefined) return ['finlint:recommended'];
  if (typeof value === 'string') return [value];
  return value;
}

async function buildRulesetInternal(config: LoadedConfig, stack: Set<string>): Promise<Ruleset> {
  const c = config.config;
  const list = extendsList(c.extends);
  const extensions: Extension[] = [];
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    const at: (string | number)[] = Array.isArray(c.extends) ? ['extends', i] : ['extends'];
    const [spec, severity] = Array.isArray(entry) ? entry : [entry, FINLINT_PRESETS[entry] ?? ('recommended' as Severity)];
    if (['recommended', 'all', 'off'].includes(spec)) {
      throw issue(config, at, `${spec} is a severity, not a ruleset: write a pair inside the list, e.g. extends: [[finlint, ${spec}]]`);
    }
    extensions.push([await resolveExtension(config, spec, at, stack), severity]);
  }
  let base: Ruleset;
  try {
    base = new Ruleset({ extends: extensions } as RulesetDefinition, { severity: 'recommended', source: config.file });
  } catch (e) {
    throw issue(config, ['extends'], `invalid ruleset: ${firstLine(e)}`);
  }
  const definition: Record<string, unknown> = { extends: extensions };
  // Spectral rejects empty `rules` and `overrides`; a starter configuration has both.
  if (c.rules && Object.keys(c.rules).length > 0) definition.rules = await translateRules(config, c.rules, base, ['rules']);
  // Overrides may change the severity of the configuration's own new rules too.
  const ownRules = new Set(Object.entries(c.rules ?? {}).filter(([, v]) => typeof v === 'object' && v.given !== undefined).map(([id]) => id));
  if (c.overrides && c.overrides.length > 0) {
    const overrides = [];
    for (let i = 0; i < c.overrides.length; i++) {
      const o = c.overrides[i];
      const pointerScoped = o.files.some((f) => f.includes('#'));
      if (pointerScoped) {
        for (const [id, v] of Object.entries(o.rules)) {
          if (typeof v !== 'string') throw issue(config, ['overrides', i, 'rules', id], 'with a JSON pointer in files, an override can only change the severity (error, warn, info, hint, off)');
        }
      }
      overrides.push({ files: o.files, rules: await translateRules(config, o.rules, base, ['overrides', i, 'rules'], ownRules) });
    }
    definition.overrides = overrides;
  }
  try {
    return new Ruleset(definition as RulesetDefinition, { severity: 'recommended', source: config.file });
  } catch (e) {
    throw issue(config, [], `invalid ruleset: ${firstLine(e)}`);
  }
}

/**
 * Builds the Spectral ruleset a configuration describes: its `extends` (finlint presets, Spectral's rulesets,
 * Spectral ruleset files, npm packages, other finlint configs), then its `rules` (severity, options, new rules with
 * functions from `functionsDir`), then its `overrides` (file globs, optionally with JSON pointers), relative to the
 * configuration file. Throws ConfigError naming the key.
 */
export async function buildRuleset(config: LoadedConfig): Promise<Ruleset> {
  return buildRulesetInternal(config, new Set([config.file]));
}
