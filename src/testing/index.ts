import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Ruleset, RulesetDefinition } from '@stoplight/spectral-core';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import finlintRuleset from '../../rulesets/ruleset.js';
import { rulesById } from '../../rulesets/registry.js';
import type { FinRuleExtensions } from '../../rulesets/types.js';
import { buildRuleset } from '../config/build.js';
import { loadConfig } from '../config/load.js';
import { isEngineCode } from '../engine/diagnostics.js';
import { lint } from '../engine/lint.js';
import { loadRulesetFile } from '../engine/rulesetFile.js';
import type { Finding } from '../engine/types.js';

/**
 * finlint/testing: the rule tester finlint's own rules use, exported so an organisation tests its rules (and its
 * configuration of finlint's rules) the same way. Runs on vitest.
 */

export type OasVersion = '2.0' | '3.0' | '3.1';

export interface ExpectedFinding {
  /** Exact message, or a pattern it must match. */
  message?: string | RegExp;
  path?: (string | number)[];
  /** Defaults to the main document (`openapi.yaml`). */
  source?: string;
  severity?: number;
}

export interface Scenario {
  name: string;
  /** The main document: YAML text or an object (written as YAML). */
  document: string | object;
  /** Extra files next to the main document, for `$ref` targets: relative path -> YAML text or object. */
  files?: Record<string, string | object>;
  /** Expected findings of this rule, in source order. Empty = the rule must stay silent. */
  errors: ExpectedFinding[];
}

export interface RuleSource {
  /** A finlint.config.yaml whose ruleset holds the rule (extends, rules, overrides, functionsDir all apply). */
  config?: string;
  /** Or a Spectral ruleset: a file path or a definition. */
  ruleset?: string | RulesetDefinition;
}

export interface TestRuleOptions extends RuleSource {
  /**
   * Also require a violating and a compliant scenario for every OAS version the rule declares (`oasVersions`) and
   * a scenario with the finding in a `$ref` target. Default: true for finlint's own rules, false otherwise.
   */
  strict?: boolean;
}

const MAIN = 'openapi.yaml';

function toText(doc: string | object): string {
  return typeof doc === 'string' ? doc : stringify(doc);
}

const loadedRulesets = new Map<string, Promise<Ruleset>>();

/** The ruleset of an organisation configuration or ruleset file, loaded once per test run. */
function rulesetOf(source: RuleSource): Promise<Ruleset> | undefined {
  const key = source.config ? `config:${path.resolve(source.config)}` : typeof source.ruleset === 'string' ? `ruleset:${path.resolve(source.ruleset)}` : undefined;
  if (!key) return undefined;
  let p = loadedRulesets.get(key);
  if (!p) {
    p = source.config ? loadConfig(source.config).then(buildRuleset) : loadRulesetFile(source.ruleset as string);
    loadedRulesets.set(key, p);
  }
  return p;
}

/**
 * Lints a document (and `files` next to it) in a temporary directory and returns the findings of `ruleId` that are
 * not waived. Without a config or ruleset, only that finlint rule runs, at its own severity; with one, the whole
 * ruleset runs as configured.
 */
export async function runRule(
  ruleId: string,
  document: string | object,
  files: Record<string, string | object> = {},
  source: RuleSource = {},
): Promise<Finding[]> {
  const own = source.config === undefined && source.ruleset === undefined;
  const rule = rulesById.get(ruleId);
  if (own && !rule) throw new Error(`unknown rule id ${ruleId}: register it in rulesets/families`);
  const dir = await mkdtemp(path.join(tmpdir(), 'finlint-rule-'));
  try {
    await writeFile(path.join(dir, MAIN), toText(document));
    for (const [rel, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), toText(content));
    }
    const ruleset: string | RulesetDefinition | Ruleset = own
      ? ({ extends: [[finlintRuleset, 'off']], rules: { [ruleId]: rule!.definition.severity } } as RulesetDefinition)
      : ((await rulesetOf(source)) ?? (source.ruleset as RulesetDefinition));
    const report = await lint([MAIN], { cwd: dir, ruleset, waivers: false });
    if (report.inputErrors.length > 0) throw new Error(`input errors: ${JSON.stringify(report.inputErrors)}`);
    const unexpected = report.findings.filter((f) => f.code !== ruleId && f.severity === 0 && (own || isEngineCode(f.code)));
    if (unexpected.length > 0) throw new Error(`engine errors in fixture: ${JSON.stringify(unexpected.map((f) => `${f.code}: ${f.message}`))}`);
    return report.findings.filter((f) => f.code === ruleId && f.suppression === undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface RuleFacts {
  severity: number;
  oasVersions?: readonly OasVersion[];
  hasControls: boolean;
}

async function factsOf(ruleId: string, source: RuleSource): Promise<RuleFacts | undefined> {
  const ruleset = rulesetOf(source);
  if (!ruleset && source.ruleset === undefined) {
    const rule = rulesById.get(ruleId);
    if (!rule) return undefined;
    return {
      severity: ['error', 'warn', 'info', 'hint'].indexOf(rule.definition.severity),
      oasVersions: rule.definition.extensions.oasVersions,
      hasControls: rule.definition.extensions.controls.length > 0,
    };
  }
  const rs = ruleset ? await ruleset : undefined;
  const rule = rs?.rules[ruleId];
  if (!rule) return undefined;
  const ext = (rule.extensions ?? {}) as Partial<FinRuleExtensions>;
  return { severity: Number(rule.severity), oasVersions: ext.oasVersions, hasControls: (ext.controls ?? []).length > 0 };
}

/**
 * Spectral-style rule tester: each scenario lints its document and compares the rule's findings (count, then
 * message/path/source/severity by partial match, in order).
 */
export function testRule(ruleId: string, scenarios: Scenario[], options: TestRuleOptions = {}): void {
  const own = options.config === undefined && options.ruleset === undefined;
  const strict = options.strict ?? own;
  describe(ruleId, () => {
    it('is defined', async () => expect(await factsOf(ruleId, options), `no rule ${ruleId}`).toBeDefined());
    if (strict) {
      it('has a violating and a compliant scenario for every OAS version it supports', async () => {
        const facts = await factsOf(ruleId, options);
        expect(facts?.oasVersions, 'the rule declares no oasVersions').toBeDefined();
        for (const version of facts!.oasVersions!) {
          const ofVersion = scenarios.filter((s) => versionOf(s.document) === version);
          expect(ofVersion.some((s) => s.errors.length > 0), `no violating ${version} scenario`).toBe(true);
          expect(ofVersion.some((s) => s.errors.length === 0), `no compliant ${version} scenario`).toBe(true);
        }
      });
      it('has a scenario where the finding is in a $ref target', () => {
        expect(scenarios.some((s) => s.errors.length > 0 && JSON.stringify(s.document).includes('$ref'))).toBe(true);
      });
    }
    it('has no duplicate scenario names', () => {
      expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
    });
    for (const scenario of scenarios) {
      it(scenario.name, async () => {
        const facts = await factsOf(ruleId, options);
        const findings = await runRule(ruleId, scenario.document, scenario.files, options);
        const summary = findings.map((f) => ({ message: f.message, path: f.path, source: f.source }));
        expect(findings.length, JSON.stringify(summary, null, 2)).toBe(scenario.errors.length);
        scenario.errors.forEach((expected, i) => {
          const actual = findings[i];
          if (expected.message instanceof RegExp) expect(actual.message).toMatch(expected.message);
          else if (expected.message !== undefined) expect(actual.message).toBe(expected.message);
          if (expected.path) expect(actual.path).toEqual(expected.path);
          expect(actual.source).toBe(expected.source ?? MAIN);
          expect(actual.severity).toBe(expected.severity ?? facts?.severity);
          if (facts?.hasControls) expect(actual.controls.length).toBeGreaterThan(0);
        });
      });
    }
  });
}

/** The OAS version of a scenario document (`2.0`, `3.0`, `3.1`). */
export function versionOf(doc: string | object): OasVersion | undefined {
  const data = (typeof doc === 'string' ? parse(doc) : doc) as Record<string, unknown>;
  if (String(data.swagger) === '2.0') return '2.0';
  const v = String(data.openapi ?? '');
  return v.startsWith('3.0') ? '3.0' : v.startsWith('3.1') ? '3.1' : undefined;
}

/** A minimal valid document of the given version, merged with `extra` (top-level keys). */
export function oasDoc(version: OasVersion, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const head =
    version === '2.0'
      ? { swagger: '2.0', info: { title: 'Payments API', version: '1.0.0' } }
      : { openapi: version === '3.0' ? '3.0.3' : '3.1.0', info: { title: 'Payments API', version: '1.0.0' } };
  return { ...head, ...extra, paths: extra.paths ?? {} };
}
