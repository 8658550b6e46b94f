import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers.js';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'dist/cli.js');

async function cli(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = run(process.execPath, [bin, ...args], { cwd: FIXTURES });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

// End-to-end runs of the built CLI (npm ci builds it through the prepare script; npm test rebuilds it first).
describe('dist/cli.js', () => {
  it('is built', () => expect(existsSync(bin)).toBe(true));
  it('sets the exit code: 0 clean, 1 findings, 2 bad input', async () => {
    expect((await cli(['lint', 'clean.yaml'])).code).toBe(0);
    expect((await cli(['lint', 'insecure.yaml'])).code).toBe(1);
    const bad = await cli(['lint', 'broken.yaml', 'insecure.yaml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^finlint: broken\.yaml:\d+:\d+: invalid YAML/);
    expect(bad.stdout).toContain('fin-transport-https-only');
  });
  it('stops writing quietly when its reader goes away (| head), and still writes its files and exit code', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'finlint-epipe-')), 'report.html');
    const child = spawn(process.execPath, [bin, 'lint', 'insecure.yaml', '--format', 'sarif', '--format', 'html', '-o', out], { cwd: FIXTURES, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the first byte: every write to stdout fails with EPIPE
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(await readFile(out, 'utf8')).toContain('fin-transport-https-only');
  });
  it('reads a document from stdin', async () => {
    const r = await cli(['lint', '-', '--stdin-filepath', 'piped.yaml', '--format', 'json'], 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\nservers: [{url: "http://a.example"}]\npaths: {}\n');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toContainEqual(expect.objectContaining({ source: 'piped.yaml', code: 'fin-transport-https-only' }));
  });
  it('finds an organisation configuration, compiles its TypeScript function and writes several formats', async () => {
    const run = promisify(execFile);
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'finlint-e2e-')), 'finlint.sarif');
    const r = await run(process.execPath, [bin, 'lint', 'examples/org/api/payments.yaml', '-f', 'json', '-f', 'sarif', '-o', out], { cwd: root }).catch(
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(r.stderr).toBe('');
    const findings = JSON.parse(r.stdout) as { code: string; severity: number }[];
    // The organisation's own rule (compiled from TypeScript) fires at its severity, and a finlint rule whose
    // severity the organisation lowered to info shows at info; other finlint rules fire too.
    expect(findings.map((f) => [f.code, f.severity])).toEqual(
      expect.arrayContaining([
        ['fin-transport-no-local-or-private-hosts', 2],
        ['acme-payments-idempotency-key', 0],
      ]),
    );
    expect(JSON.parse(await readFile(out, 'utf8')).runs[0].results).toHaveLength(findings.length);
  });
  it('prints help and version', async () => {
    expect((await cli(['--help'])).stdout).toContain('finlint lint <inputs..>');
    expect((await cli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('package entry points', () => {
  it('finlint/testing exports the rule tester (ESM, like vitest)', async () => {
    const { stdout } = await run(process.execPath, [
      '--input-type=module',
      '-e',
      "import { testRule, runRule, oasDoc } from 'finlint/testing'; console.log(JSON.stringify([typeof testRule, typeof runRule, typeof oasDoc]))",
    ], { cwd: root });
    expect(JSON.parse(stdout)).toEqual(['function', 'function', 'function']);
  });
  it('require("finlint") is the ruleset and carries the library API', async () => {
    const { stdout } = await run(process.execPath, [
      '-e',
      "const f = require('finlint'); const r = require('finlint/ruleset'); console.log(JSON.stringify([typeof f.lint, typeof f.rules, Object.keys(f).sort(), Object.keys(r).sort()]))",
    ], { cwd: root });
    expect(JSON.parse(stdout)).toEqual(['function', 'object', ['formats', 'rules'], ['formats', 'rules']]);
  });
  it('import("finlint") has the ruleset as default export and named API exports', async () => {
    const { stdout } = await run(process.execPath, [
      '--input-type=module',
      '-e',
      "import f, { lint, formatters } from 'finlint'; console.log(JSON.stringify([typeof f.rules, typeof lint, Object.keys(formatters)]))",
    ], { cwd: root });
    expect(JSON.parse(stdout)).toEqual(['object', 'function', ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'html']]);
  });
});
