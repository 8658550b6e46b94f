import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { BaselineFile } from '../../src/engine/baseline.js';
import type { Finding } from '../../src/engine/types.js';
import { runCli } from './helpers.js';

const exec = promisify(execFile);

const V1 = `openapi: 3.1.0
info: {title: Payments, version: "1.0.0"}
servers:
  - url: http://api.bank.example/v1
    description: Production
security:
  - basic: []
paths:
  /payments:
    get:
      parameters:
        - {name: api_key, in: query, schema: {type: string}}
      responses: {"200": {description: ok}}
components:
  securitySchemes:
    basic: {type: http, scheme: basic}
`;

/** The same document with lines inserted above everything, keys reordered, and another server added first. */
const V1_EDITED = `# A comment block added at the top,
# which moves every line down.
openapi: 3.1.0
components:
  securitySchemes:
    basic: {scheme: basic, type: http}
info: {version: "1.0.0", title: Payments}
servers:
  - url: https://eu.api.bank.example/v1
  - description: Production
    url: http://api.bank.example/v1
paths:
  /payments:
    get:
      responses: {"200": {description: ok}}
      parameters:
        - {in: query, name: api_key, schema: {type: string}}
security:
  - basic: []
`;

/** V1_EDITED plus one genuinely new problem: a second http server. */
const V2 = V1_EDITED.replace('servers:\n', 'servers:\n  - url: http://new.bank.example/v1\n');

/**
 * Only the three rules these fixtures are about, so that rules added later do not change the counts asserted here
 * (fingerprints and baselines work the same for every rule).
 */
const CONFIG = `extends: [finlint:off]
rules:
  fin-transport-https-only: error
  fin-auth-no-http-basic: error
  fin-auth-no-credentials-in-url: error
`;

async function project(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'finlint-baseline-'));
  await mkdir(path.join(dir, '.git'));
  await writeFile(path.join(dir, 'api.yaml'), V1);
  await writeFile(path.join(dir, 'finlint.config.yaml'), CONFIG);
  return dir;
}

async function lintJson(dir: string, args: string[]): Promise<{ code: number; findings: Finding[]; stdout: string; stderr: string }> {
  const r = await runCli(['lint', 'api.yaml', '--format', 'json', ...args], { cwd: dir });
  return { code: r.code, findings: r.stdout.startsWith('[') ? (JSON.parse(r.stdout) as Finding[]) : [], stdout: r.stdout, stderr: r.stderr };
}

describe('finlint baseline create / lint --baseline', () => {
  it('records today\'s findings with stable fingerprints, sorted, relative to the baseline file', async () => {
    const dir = await project();
    const r = await runCli(['baseline', 'create', 'api.yaml', '--output', 'ci/finlint.baseline.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Baseline of 3 findings in 1 file written to ci/finlint.baseline.json.\n');
    const baseline = JSON.parse(await readFile(path.join(dir, 'ci/finlint.baseline.json'), 'utf8')) as BaselineFile;
    expect(baseline.version).toBe(1);
    expect(baseline.findings.map((f) => [f.source, f.code, f.pointer])).toEqual([
      ['../api.yaml', 'fin-auth-no-credentials-in-url', '/paths/~1payments/get/parameters/0/name'],
      ['../api.yaml', 'fin-auth-no-http-basic', '/components/securitySchemes/basic/scheme'],
      ['../api.yaml', 'fin-transport-https-only', '/servers/0/url'],
    ]);
    for (const f of baseline.findings) expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });
  it('hides baselined findings even after lines move, keys are reordered and an item is inserted before them', async () => {
    const dir = await project();
    expect((await runCli(['baseline', 'create', 'api.yaml'], { cwd: dir })).code).toBe(0);
    await writeFile(path.join(dir, 'api.yaml'), V1_EDITED);
    const unchanged = await lintJson(dir, ['--baseline', 'finlint.baseline.json']);
    expect(unchanged.findings).toEqual([]);
    expect(unchanged.code).toBe(0);
    const stylish = await runCli(['lint', 'api.yaml', '--baseline', 'finlint.baseline.json'], { cwd: dir });
    expect(stylish.stdout).toContain('Not shown: 3 findings already in the baseline.');
    // without the baseline the same findings are there, on other lines
    const all = await lintJson(dir, []);
    expect(all.findings).toHaveLength(3);
  });
  it('reports findings that are new', async () => {
    const dir = await project();
    await runCli(['baseline', 'create', 'api.yaml'], { cwd: dir });
    await writeFile(path.join(dir, 'api.yaml'), V2);
    const r = await lintJson(dir, ['--baseline', 'finlint.baseline.json']);
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([['fin-transport-https-only', ['servers', 0, 'url']]]);
    expect(r.findings[0].message).toContain('http://new.bank.example/v1');
    expect(r.code).toBe(1);
  });
  it('a renamed offending item is a new finding', async () => {
    const dir = await project();
    await runCli(['baseline', 'create', 'api.yaml'], { cwd: dir });
    await writeFile(path.join(dir, 'api.yaml'), V1.replace('name: api_key', 'name: apiKey'));
    const r = await lintJson(dir, ['--baseline', 'finlint.baseline.json']);
    expect(r.findings.map((f) => f.code)).toEqual(['fin-auth-no-credentials-in-url']);
  });
  it('does not record waived findings, and refuses to write when an input cannot be read', async () => {
    const dir = await project();
    await writeFile(
      path.join(dir, 'finlint.waivers.yaml'),
      'waivers:\n  - {rule: fin-auth-no-http-basic, file: api.yaml, pointer: /components, reason: Gateway terminates it for now., owner: team, expires: "2999-01-01"}\n',
    );
    await runCli(['baseline', 'create', 'api.yaml'], { cwd: dir });
    const baseline = JSON.parse(await readFile(path.join(dir, 'finlint.baseline.json'), 'utf8')) as BaselineFile;
    expect(baseline.findings.map((f) => f.code)).not.toContain('fin-auth-no-http-basic');
    const bad = await runCli(['baseline', 'create', 'api.yaml', 'missing.yaml', '--output', 'other.json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('finlint: baseline not written');
  });
  it('a missing or malformed baseline is a usage error', async () => {
    const dir = await project();
    expect((await lintJson(dir, ['--baseline', 'nope.json'])).stderr).toBe('finlint: nope.json: baseline file not found (create it with finlint baseline create)\n');
    await writeFile(path.join(dir, 'bad.json'), '{"findings": 3}');
    const r = await lintJson(dir, ['--baseline', 'bad.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^finlint: bad\.json: not a finlint baseline/);
  });
});

async function git(dir: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec('git', ['-c', 'user.name=finlint-test', '-c', 'user.email=test@finlint.example', '-c', 'commit.gpgsign=false', ...args], { cwd: dir });
  return stdout;
}

async function repo(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'finlint-git-'));
  await git(dir, 'init', '-q', '-b', 'main');
  await mkdir(path.join(dir, 'api'));
  await writeFile(path.join(dir, 'api', 'payments.yaml'), V1);
  await writeFile(path.join(dir, 'finlint.config.yaml'), CONFIG);
  await git(dir, 'add', '.');
  await git(dir, 'commit', '-q', '-m', 'v1');
  return dir;
}

describe('finlint lint --changed-since <git-ref>', () => {
  it('reports only findings that are new relative to the file at that ref', async () => {
    const dir = await repo();
    await writeFile(path.join(dir, 'api', 'payments.yaml'), V2);
    const r = await runCli(['lint', 'api/payments.yaml', '--changed-since', 'HEAD', '--format', 'json'], { cwd: dir });
    const findings = JSON.parse(r.stdout) as Finding[];
    expect(findings.map((f) => [f.code, f.path])).toEqual([['fin-transport-https-only', ['servers', 0, 'url']]]);
    expect(r.code).toBe(1);
    const stylish = await runCli(['lint', 'api/payments.yaml', '--changed-since', 'HEAD'], { cwd: dir });
    expect(stylish.stdout).toContain('Not shown: 3 findings not new since the git ref.');
  });
  it('works from a subdirectory, against a branch or an older commit', async () => {
    const dir = await repo();
    await git(dir, 'checkout', '-q', '-b', 'feature');
    await writeFile(path.join(dir, 'api', 'payments.yaml'), V1_EDITED);
    await git(dir, 'commit', '-q', '-am', 'reformat');
    const same = await runCli(['lint', 'payments.yaml', '--changed-since', 'main', '--format', 'json'], { cwd: path.join(dir, 'api') });
    expect(JSON.parse(same.stdout)).toEqual([]);
    expect(same.code).toBe(0);
    await writeFile(path.join(dir, 'api', 'payments.yaml'), V2);
    const r = await runCli(['lint', 'payments.yaml', '--changed-since', 'HEAD~1', '--format', 'json'], { cwd: path.join(dir, 'api') });
    expect((JSON.parse(r.stdout) as Finding[]).map((f) => f.code)).toEqual(['fin-transport-https-only']);
  });
  it('treats a file that did not exist at the ref as all new', async () => {
    const dir = await repo();
    await writeFile(path.join(dir, 'api', 'cards.yaml'), V1);
    const r = await runCli(['lint', 'api/cards.yaml', '--changed-since', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout)).toHaveLength(3);
  });
  it('an unknown ref or a directory outside git is a usage error', async () => {
    const dir = await repo();
    const bad = await runCli(['lint', 'api/payments.yaml', '--changed-since', 'no-such-branch'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('finlint: --changed-since: unknown git ref no-such-branch\n');
    const outside = await mkdtemp(path.join(tmpdir(), 'finlint-nogit-'));
    await writeFile(path.join(outside, 'api.yaml'), V1);
    const r = await runCli(['lint', 'api.yaml', '--changed-since', 'HEAD'], { cwd: outside });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^finlint: --changed-since: .* is not inside a git repository\n$/);
  });
});
