import { describe, expect, it } from 'vitest';
import { checkLimits, DEFAULT_LIMITS, textDepth } from '../../src/engine/limits.js';
import { runCli } from '../cli/helpers.js';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

function billionLaughs(): string {
  const lines = ['openapi: 3.1.0', 'info: {title: t, version: "1"}', 'paths: {}', 'x-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++) lines.push(`x-a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

describe('textDepth', () => {
  it('measures flow and block nesting, ignoring brackets in strings and comments', () => {
    expect(textDepth('{"a": {"b": [1, "[[[["]}}', true)).toBe(3);
    expect(textDepth('a:\n  b:\n    c: 1\n# {{{{\nd: "[[["\n', false)).toBe(3);
    expect(textDepth('a:\n  - b: [1, {c: 2}]\n', false)).toBe(5);
  });
});

describe('checkLimits', () => {
  it('accepts ordinary documents, anchors and aliases included', () => {
    expect(checkLimits('openapi: 3.1.0\nx-a: &a {b: 1}\nx-b: *a\n', false, DEFAULT_LIMITS)).toBeUndefined();
  });
  it('refuses a YAML alias bomb quickly', () => {
    const started = Date.now();
    expect(checkLimits(billionLaughs(), false, DEFAULT_LIMITS)).toMatch(/aliases expand beyond the limit of 1000/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
  it('refuses 10 000-deep nesting in JSON and YAML', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(checkLimits(`{"openapi": "3.1.0", "x": ${deep}}`, true, DEFAULT_LIMITS)).toMatch(/deeper than the limit of 512/);
    expect(checkLimits(`openapi: 3.1.0\nx: ${deep}\n`, false, DEFAULT_LIMITS)).toMatch(/deeper than the limit of 512/);
  });
  it('honours overridden limits', () => {
    expect(checkLimits('a: [[[1]]]\n', false, { ...DEFAULT_LIMITS, maxDepth: 2 })).toMatch(/limit of 2 levels/);
    expect(checkLimits('a: 1\n', false, { ...DEFAULT_LIMITS, maxFileBytes: 2 })).toMatch(/larger than the 2-byte limit/);
  });
});

describe('hostile input through the CLI', () => {
  it('reports an alias bomb and a deep document as input errors (exit 2) and still lints the other file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'finlint-hostile-'));
    await writeFile(path.join(dir, 'bomb.yaml'), billionLaughs());
    await writeFile(path.join(dir, 'deep.json'), `{"openapi": "3.1.0", "x": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    await writeFile(path.join(dir, 'ok.yaml'), 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\nservers: [{url: "http://a.example"}]\npaths: {}\n');
    const r = await runCli(['lint', 'bomb.yaml', 'deep.json', 'ok.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^finlint: bomb\.yaml: YAML aliases expand beyond/m);
    expect(r.stderr).toMatch(/^finlint: deep\.json: nesting is deeper than/m);
    expect(JSON.parse(r.stdout).map((f: { source: string }) => f.source)).toContain('ok.yaml');
  });
});
