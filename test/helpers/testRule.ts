import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { lint } from '../../src/engine/lint.js';
import type { Finding } from '../../src/engine/types.js';
import finlintRuleset from '../../rulesets/ruleset.js';
import { rulesById } from '../../rulesets/registry.js';

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

const MAIN = 'openapi.yaml';

function toText(doc: string | object): string {
  return typeof doc === 'string' ? doc : stringify(doc);
}

/** Runs only `ruleId` (at its own severity) through the real lint pipeline on files written to a temp dir. */
export async function runRule(ruleId: string, document: string | object, files: Record<string, string | object> = {}): Promise<Finding[]> {
  const rule = rulesById.get(ruleId);
  if (!rule) throw new Error(`unknown rule id ${ruleId}: register it in rulesets/families`);
  const dir = await mkdtemp(path.join(tmpdir(), 'finlint-rule-'));
  try {
    await writeFile(path.join(dir, MAIN), toText(document));
    for (const [rel, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), toText(content));
    }
    const report = await lint([MAIN], {
      cwd: dir,
      ruleset: { extends: [[finlintRuleset, 'off']], rules: { [ruleId]: rule.definition.severity } },
    });
    if (report.inputErrors.length > 0) throw new Error(`input errors: ${JSON.stringify(report.inputErrors)}`);
    const unexpected = report.findings.filter((f) => f.code !== ruleId && f.severity === 0);
    if (unexpected.length > 0) throw new Error(`engine errors in fixture: ${JSON.stringify(unexpected.map((f) => `${f.code}: ${f.message}`))}`);
    return report.findings.filter((f) => f.code === ruleId);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Spectral-style rule tester: each scenario lints its document with only this rule enabled and compares the
 * findings (count, then message/path/source/severity by partial match, in order).
 */
export function testRule(ruleId: string, scenarios: Scenario[]): void {
  const rule = rulesById.get(ruleId);
  describe(ruleId, () => {
    it('is registered', () => expect(rule).toBeDefined());
    it('has a violating and a compliant scenario for every OAS version it supports', () => {
      for (const version of rule!.definition.extensions.oasVersions) {
        const ofVersion = scenarios.filter((s) => versionOf(s.document) === version);
        expect(ofVersion.some((s) => s.errors.length > 0), `no violating ${version} scenario`).toBe(true);
        expect(ofVersion.some((s) => s.errors.length === 0), `no compliant ${version} scenario`).toBe(true);
      }
    });
    it('has a scenario where the finding is in a $ref target', () => {
      expect(scenarios.some((s) => s.errors.length > 0 && JSON.stringify(s.document).includes('$ref'))).toBe(true);
    });
    it('has no duplicate scenario names', () => {
      expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
    });
    for (const scenario of scenarios) {
      it(scenario.name, async () => {
        const findings = await runRule(ruleId, scenario.document, scenario.files);
        const summary = findings.map((f) => ({ message: f.message, path: f.path, source: f.source }));
        expect(findings.length, JSON.stringify(summary, null, 2)).toBe(scenario.errors.length);
        scenario.errors.forEach((expected, i) => {
          const actual = findings[i];
          if (expected.message instanceof RegExp) expect(actual.message).toMatch(expected.message);
          else if (expected.message !== undefined) expect(actual.message).toBe(expected.message);
          if (expected.path) expect(actual.path).toEqual(expected.path);
          expect(actual.source).toBe(expected.source ?? MAIN);
          expect(actual.severity).toBe(expected.severity ?? ['error', 'warn', 'info', 'hint'].indexOf(rule!.definition.severity));
          expect(actual.controls.length).toBeGreaterThan(0);
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

