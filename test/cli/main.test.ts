import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { allRules } from '../../rulesets/registry.js';
import { FIXTURES, runCli } from './helpers.js';

describe('finlint lint: exit codes', () => {
  it('exits 0 on a clean document', async () => {
    const r = await runCli(['lint', 'clean.yaml']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^No findings in 1 file/);
  });
  it('exits 1 when a finding is at or above the fail severity', async () => {
    const r = await runCli(['lint', 'insecure.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('fin-transport-https-only');
    expect(r.stdout).toContain('fin-auth-no-http-basic');
  });
  it('exits 0 with --fail-severity none, and still reports', async () => {
    const r = await runCli(['lint', 'insecure.yaml', '--fail-severity', 'none']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('fin-transport-https-only');
  });
  it('exits 2 on an unknown option or command, with a one-line error', async () => {
    for (const args of [['lint', 'clean.yaml', '--bogus'], ['bogus'], ['lint', 'clean.yaml', '--format', 'xml'], []]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^finlint: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('finlint lint: bad input', () => {
  const cases: [string, RegExp][] = [
    ['missing.yaml', /^finlint: missing\.yaml: file not found\n$/],
    ['broken.yaml', /^finlint: broken\.yaml:\d+:\d+: invalid YAML: .+\n$/],
    ['trailing-comma.json', /^finlint: trailing-comma\.json:1:\d+: invalid JSON: .+\n$/],
    ['empty.yaml', /^finlint: empty\.yaml: file is empty\n$/],
    ['not-openapi.yaml', /^finlint: not-openapi\.yaml: not an OpenAPI document \(no "openapi" or "swagger" field\)\n$/],
    ['future.yaml', /^finlint: future\.yaml: unsupported OpenAPI version 4\.0\.0/],
    ['refs', /^finlint: refs: is a directory/],
    ['nothing/**/*.yaml', /^finlint: nothing\/\*\*\/\*\.yaml: no files match this pattern\n$/],
  ];
  it.each(cases)('%s: one clear line on stderr, exit 2, no stack trace', async (file, pattern) => {
    const r = await runCli(['lint', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
  it('still lints every other file and reports them, exiting 2', async () => {
    const r = await runCli(['lint', 'broken.yaml', 'insecure.yaml', 'missing.yaml', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(2);
    const findings = JSON.parse(r.stdout) as Finding[];
    expect(new Set(findings.map((f) => f.source))).toEqual(new Set(['insecure.yaml']));
  });
});

describe('finlint lint: JSON contract', () => {
  it('emits sorted findings with code, message, severity, path, range, source, controls, docs and fix', async () => {
    const r = await runCli(['lint', 'insecure.yaml', 'swagger.json', '--format', 'json']);
    const findings = JSON.parse(r.stdout) as Finding[];
    expect(findings.length).toBe(3);
    for (const f of findings) {
      // `fingerprint` was added (additively) for baselines; `suppression` appears only on waived findings.
      expect(Object.keys(f).sort()).toEqual(
        ['code', 'controls', 'documentationUrl', 'fingerprint', 'howToFix', 'message', 'path', 'range', 'severity', 'source'].sort(),
      );
      expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(f.controls.length).toBeGreaterThan(0);
      expect(f.documentationUrl).toMatch(new RegExp(`/docs/rules/${f.code}\\.md$`));
      expect(f.howToFix.length).toBeGreaterThan(10);
    }
    const https = findings.find((f) => f.source === 'insecure.yaml' && f.code === 'fin-transport-https-only')!;
    expect(https).toMatchObject({
      severity: 0,
      path: ['servers', 0, 'url'],
      range: { start: { line: 3, character: 9 } },
    });
    expect(https.controls).toContain('pci-dss-4.0.1:4.2.1');
    const sorted = [...findings].sort(
      (a, b) => a.source.localeCompare(b.source) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
    expect(findings).toEqual(sorted);
    expect(findings.find((f) => f.source === 'swagger.json')).toMatchObject({ path: ['schemes', 0], code: 'fin-transport-https-only' });
  });
  it('reports findings in a $ref\'d file with that file as source, and refused refs as invalid-ref findings', async () => {
    const r = await runCli(['lint', 'refs/outside.yaml', '--format', 'json']);
    const findings = JSON.parse(r.stdout) as Finding[];
    expect(findings.find((f) => f.code === 'fin-transport-https-only')).toMatchObject({
      source: path.join('refs', 'inside.yaml'),
      path: ['servers', 0, 'url'],
    });
    const refused = findings.filter((f) => f.code === 'invalid-ref');
    expect(refused.map((f) => f.path)).toEqual([
      ['paths', '/a', '$ref'],
      ['paths', '/b', '$ref'],
    ]);
    expect(refused[0].message).toMatch(/outside the lint root/);
    expect(refused[1].message).toMatch(/remote references are off/);
    expect(r.code).toBe(1);
  });
  it('widens the lint root with --root', async () => {
    const r = await runCli(['lint', 'refs/outside.yaml', '--format', 'json', '--root', '.']);
    const findings = JSON.parse(r.stdout) as Finding[];
    expect(findings.filter((f) => f.code === 'invalid-ref').map((f) => f.path)).toEqual([['paths', '/b', '$ref']]);
  });
});

describe('finlint lint: options', () => {
  it('reads stdin with - and names it with --stdin-filepath', async () => {
    const stdin = await readFile(path.join(FIXTURES, 'insecure.yaml'), 'utf8');
    const r = await runCli(['lint', '-', '--stdin-filepath', 'api/payments.yaml', '--format', 'json'], { stdin });
    const findings = JSON.parse(r.stdout) as Finding[];
    expect(findings.map((f) => f.source)).toEqual(['api/payments.yaml', 'api/payments.yaml']);
  });
  it('rejects --stdin-filepath without -', async () => {
    const r = await runCli(['lint', 'clean.yaml', '--stdin-filepath', 'x.yaml']);
    expect(r.code).toBe(2);
  });
  it('expands globs', async () => {
    const r = await runCli(['lint', '{clean,insecure}.yaml', '--format', 'json']);
    expect(new Set((JSON.parse(r.stdout) as Finding[]).map((f) => f.source))).toEqual(new Set(['insecure.yaml']));
    expect(r.code).toBe(1);
  });
  it('writes --output to a file and nothing to stdout', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'finlint-out-'));
    const out = path.join(dir, 'nested', 'report.json');
    const r = await runCli(['lint', 'insecure.yaml', '--format', 'json', '--output', out]);
    expect(r.stdout).toBe('');
    expect(JSON.parse(await readFile(out, 'utf8'))).toHaveLength(2);
  });
  it('--quiet prints nothing for a clean run and only failing findings otherwise', async () => {
    expect((await runCli(['lint', 'clean.yaml', '--quiet'])).stdout).toBe('');
    const r = await runCli(['lint', 'insecure.yaml', '--quiet', '--format', 'json']);
    expect((JSON.parse(r.stdout) as Finding[]).every((f) => f.severity === 0)).toBe(true);
  });
  it('colours stylish output only on a TTY', async () => {
    expect((await runCli(['lint', 'insecure.yaml'], { isTTY: false })).stdout).not.toMatch(/\u001b\[/);
    expect((await runCli(['lint', 'insecure.yaml'], { isTTY: true })).stdout).toMatch(/\u001b\[/);
  });
  it('--preset all runs every rule', async () => {
    const r = await runCli(['lint', 'clean.yaml', '--preset', 'all']);
    expect(r.stdout).toContain(`(${allRules.length} rules, preset all)`);
  });
  it('--ruleset loads a Spectral ruleset that extends finlint and overrides a severity', async () => {
    const r = await runCli(['lint', 'insecure.yaml', '--ruleset', '../../../examples/.spectral.yaml', '--format', 'json']);
    const findings = JSON.parse(r.stdout) as Finding[];
    expect(findings.some((f) => f.code === 'fin-auth-no-http-basic')).toBe(true);
    expect(findings.some((f) => f.code === 'info-contact')).toBe(true);
  });
  it('--ruleset with a missing file is a usage error', async () => {
    const r = await runCli(['lint', 'clean.yaml', '--ruleset', 'nope.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('finlint: nope.yaml: ruleset file not found\n');
  });
});

describe('finlint rules / explain', () => {
  it('lists every rule with severity, OAS versions and controls', async () => {
    const r = await runCli(['rules']);
    expect(r.code).toBe(0);
    for (const rule of allRules) expect(r.stdout).toContain(rule.id);
    expect(r.stdout).toContain('pci-dss-4.0.1:4.2.1');
    const json = JSON.parse((await runCli(['rules', '--format', 'json'])).stdout) as { id: string; controls: string[] }[];
    expect(json.map((j) => j.id)).toEqual(allRules.map((rule) => rule.id));
  });
  it('explains a rule by printing its docs page', async () => {
    const r = await runCli(['explain', 'fin-transport-https-only']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# fin-transport-https-only\n/);
  });
  it('rejects an unknown rule with a hint', async () => {
    const r = await runCli(['explain', 'https-only']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown rule https-only \(did you mean fin-transport-https-only/);
  });
});
