import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rulesets/registry.js';
import { runRule } from '../helpers/testRule.js';
import { rulesTable, withRulesTable } from '../../scripts/rulesTable.js';
import { profilesDoc } from '../../scripts/profilesDoc.js';

const root = path.resolve(__dirname, '../..');
const HEADINGS = [
  'Summary',
  'Why',
  'What is checked',
  'Framework mapping',
  'Options',
  'Non-compliant example',
  'Compliant example',
  'How to fix',
  'Limitations and false positives',
  'Related rules',
  'Source',
];

function sections(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = markdown.split(/^## /m).slice(1);
  for (const part of parts) {
    const nl = part.indexOf('\n');
    out.set(part.slice(0, nl).trim(), part.slice(nl + 1).trim());
  }
  return out;
}

function firstYamlBlock(text: string | undefined): string | undefined {
  return text === undefined ? undefined : /```yaml\n([\s\S]*?)```/.exec(text)?.[1];
}

describe('docs/rules', () => {
  it('has a page for every rule and no orphan pages', () => {
    const pages = readdirSync(path.join(root, 'docs/rules'))
      .filter((f) => f.endsWith('.md') && f !== 'TEMPLATE.md')
      .map((f) => f.replace(/\.md$/, ''));
    expect(pages.sort()).toEqual(allRules.map((r) => r.id).sort());
  });
});

describe.each(allRules.map((r) => [r.id, r] as const))('docs/rules/%s.md', (id, rule) => {
  const text = readFileSync(path.join(root, 'docs/rules', `${id}.md`), 'utf8');
  const d = rule.definition;
  const secs = sections(text);

  it('starts with the id as title and a metadata line that matches the rule', () => {
    expect(text.split('\n')[0]).toBe(`# ${id}`);
    const meta = `**Severity:** ${d.severity} · **Recommended:** ${d.recommended ? 'yes' : 'no'} · **OAS:** ${d.extensions.oasVersions.join(', ')} · **Category:** ${d.extensions.category}`;
    expect(text).toContain(meta);
  });
  it('has the template headings in order', () => {
    expect([...secs.keys()]).toEqual(HEADINGS);
  });
  it('summarises the rule with its description', () => {
    expect(secs.get('Summary')).toBe(d.description);
  });
  it('maps every control the rule cites', () => {
    for (const c of d.extensions.controls) expect(secs.get('Framework mapping')).toContain(`\`${c}\``);
  });
  it('has a non-compliant example that triggers the rule', async () => {
    const yaml = firstYamlBlock(secs.get('Non-compliant example'));
    expect(yaml, 'no ```yaml block').toBeDefined();
    expect((await runRule(id, yaml!)).length).toBeGreaterThan(0);
  });
  it('has a compliant example on which the rule is silent', async () => {
    const yaml = firstYamlBlock(secs.get('Compliant example'));
    expect(yaml, 'no ```yaml block').toBeDefined();
    expect(await runRule(id, yaml!)).toEqual([]);
  });
});

describe('docs/profiles.md', () => {
  it('is generated from rulesets/profiles.ts (run npm run docs:readme)', () => {
    expect(readFileSync(path.join(root, 'docs/profiles.md'), 'utf8')).toBe(profilesDoc());
  });
});

describe('README', () => {
  it('has an up-to-date rules table (run npm run docs:readme)', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toContain(rulesTable());
    expect(withRulesTable(readme)).toBe(readme);
  });
});
