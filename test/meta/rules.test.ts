import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKnownControl } from '../../rulesets/controls.js';
import { documentationUrlFor } from '../../rulesets/define.js';
import finlintRuleset from '../../rulesets/ruleset.js';
import { allRules } from '../../rulesets/registry.js';
import { presetRules } from '../../rulesets/presets.js';

const root = path.resolve(__dirname, '../..');
const ruleFiles = readdirSync(path.join(root, 'rulesets/rules'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''));

describe('rule registry', () => {
  it('registers every file in rulesets/rules and nothing else', () => {
    expect(allRules.map((r) => r.id).sort()).toEqual([...ruleFiles].sort());
  });
  it('has unique ids', () => {
    expect(new Set(allRules.map((r) => r.id)).size).toBe(allRules.length);
  });
  it('puts every rule into the Spectral ruleset under its id', () => {
    expect(Object.keys(finlintRuleset.rules).sort()).toEqual(allRules.map((r) => r.id).sort());
  });
});

describe.each(allRules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const d = rule.definition;
  it('has a well-formed id', () => expect(id).toMatch(/^fin-[a-z0-9]+(-[a-z0-9]+)+$/));
  it('has a docs page and a test file of the same name', () => {
    expect(existsSync(path.join(root, 'docs/rules', `${id}.md`))).toBe(true);
    expect(existsSync(path.join(root, 'test/rules', `${id}.test.ts`))).toBe(true);
  });
  it('is tested under its registered id', () => {
    const test = readFileSync(path.join(root, 'test/rules', `${id}.test.ts`), 'utf8');
    expect(test).toMatch(new RegExp(`RULE = '${id}'`));
    expect(test).toMatch(/testRule\(RULE,/);
  });
  it('has complete metadata', () => {
    expect(d.description).toMatch(/^[A-Z0-9`].*\.$/s);
    expect(d.message.length).toBeGreaterThan(0);
    expect(['error', 'warn', 'info', 'hint']).toContain(d.severity);
    expect(d.extensions.howToFix).toMatch(/^[A-Z].*\.$/s);
    expect(d.extensions.controls.length).toBeGreaterThan(0);
    expect(d.extensions.oasVersions.length).toBeGreaterThan(0);
    expect(d.extensions.category).toBe(id.split('-')[1]);
    expect(d.documentationUrl).toBe(documentationUrlFor(id));
  });
  it('cites only known controls, each once', () => {
    for (const c of d.extensions.controls) expect(isKnownControl(c), c).toBe(true);
    expect(new Set(d.extensions.controls).size).toBe(d.extensions.controls.length);
  });
  it('is recommended exactly when it is an error or warning, except the opt-in families (on in their profiles)', () => {
    if (OPT_IN_CATEGORIES.includes(d.extensions.category)) expect(d.recommended).toBe(false);
    else expect(d.recommended).toBe(d.severity === 'error' || d.severity === 'warn');
  });
  it('declares formats that match its OAS versions', () => {
    const names = (d.formats as { displayName?: string; name?: string }[] | undefined)?.map((f) => f.name) ?? [];
    const expected = d.extensions.oasVersions.map((v) => ({ '2.0': 'oas2', '3.0': 'oas3_0', '3.1': 'oas3_1' })[v]);
    expect([...names].sort()).toEqual([...expected].sort());
  });
});

/** Families that only profiles switch on (fapi2, psd2-berlin-group, uk-open-banking) besides all and strict. */
const OPT_IN_CATEGORIES: readonly string[] = ['fapi', 'psd2'];

describe('presets', () => {
  it('recommended is the rules marked recommended, all is every rule', () => {
    expect(presetRules('recommended').map((r) => r.id)).toEqual(allRules.filter((r) => r.definition.recommended).map((r) => r.id));
    expect(presetRules('all')).toHaveLength(allRules.length);
  });
});

describe('functions/index.ts', () => {
  it('re-exports every custom function (npm run docs:functions)', async () => {
    const { functionsIndex } = await import('../../scripts/generate-functions-index.js');
    expect(readFileSync(path.join(root, 'functions/index.ts'), 'utf8')).toBe(functionsIndex(path.join(root, 'functions')));
  });
});
