import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairFormats } from '../../src/cli/main.js';
import { githubWorkflowTemplate, gitlabCiTemplate, preCommitTemplate } from '../../src/cli/init.js';
import { runCli } from './helpers.js';

const root = path.resolve(__dirname, '../..');
const INSECURE = path.join(root, 'test/fixtures/cli/insecure.yaml');

async function tmp(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'finlint-out-'));
  await mkdir(path.join(dir, '.git'));
  await writeFile(path.join(dir, 'api.yaml'), readFileSync(INSECURE));
  return dir;
}

describe('--format, repeatable, with one --output each', () => {
  it('pairs each --output with the --format before it; the rest go to stdout', async () => {
    const dir = await tmp();
    const r = await runCli(['lint', 'api.yaml', '-f', 'sarif', '-o', 'out/a.sarif', '--format', 'github', '--format=junit', '--output=out/junit.xml', '-f', 'markdown', '-o', 'summary.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=api\.yaml,/);
    expect(JSON.parse(await readFile(path.join(dir, 'out/a.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(await readFile(path.join(dir, 'out/junit.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(await readFile(path.join(dir, 'summary.md'), 'utf8')).toMatch(/^## finlint: 2 findings in 1 file \(fails at error\)/);
  });
  it('keeps the single-format forms working in either order', () => {
    expect(pairFormats(['lint', 'a.yaml', '--output', 'x.json', '--format', 'json']).pairs).toEqual([{ format: 'json', output: 'x.json' }]);
    expect(pairFormats(['lint', 'a.yaml', '--output', 'x.txt']).pairs).toEqual([{ format: '', output: 'x.txt' }]);
    expect(pairFormats(['lint', '-f', 'json', '-f', 'sarif', '-o', 's.sarif']).pairs).toEqual([{ format: 'json' }, { format: 'sarif', output: 's.sarif' }]);
  });
  it('rejects unpairable outputs, unknown formats and two formats writing one file', async () => {
    const dir = await tmp();
    const cases: [string[], RegExp][] = [
      [['-o', 'a', '-f', 'json', '-f', 'sarif'], /--output a has no --format before it/],
      [['-f', 'json', '-o', 'a', '-o', 'b'], /more --output than --format/],
      [['-f', 'xml'], /unknown format xml \(choose from stylish, json, sarif, junit, github, markdown, html\)/],
      [['-f', 'json', '-o', 'a', '-f', 'sarif', '-o', 'a'], /two formats write to a/],
    ];
    for (const [args, pattern] of cases) {
      const r = await runCli(['lint', 'api.yaml', ...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(pattern);
    }
  });
  it('--quiet keeps machine formats complete', async () => {
    const dir = await tmp();
    const r = await runCli(['lint', 'api.yaml', '--quiet', '-f', 'sarif', '--fail-severity', 'error'], { cwd: dir });
    expect(JSON.parse(r.stdout).runs[0].results.length).toBe(2);
  });
});

describe('finlint init', () => {
  it('writes a config, a waivers file and a GitHub workflow without asking when not on a terminal', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'finlint-init-'));
    await mkdir(path.join(dir, 'specs'));
    await writeFile(path.join(dir, 'specs', 'payments.yaml'), 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n');
    await writeFile(path.join(dir, 'specs', 'cards.yaml'), '# cards\nopenapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n');
    await writeFile(path.join(dir, 'specs', 'values.yaml'), 'replicas: 3\n');
    const r = await runCli(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.questions).toEqual([]);
    expect(r.stdout).toBe('wrote finlint.config.yaml\nwrote finlint.waivers.yaml\nwrote .github/workflows/finlint.yml\nNext: finlint lint specs/*.yaml\n');
    const workflow = await readFile(path.join(dir, '.github/workflows/finlint.yml'), 'utf8');
    expect(workflow).toContain("lint 'specs/*.yaml'");
    expect(workflow).toContain('github/codeql-action/upload-sarif');
    expect(workflow).toContain('$GITHUB_STEP_SUMMARY');
    // the files it wrote are valid: the config lints, and the empty waivers file is accepted
    await writeFile(path.join(dir, 'specs', 'values.yaml'), 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\nservers: [{url: "https://a.example"}]\npaths: {}\n');
    const lint = await runCli(['lint', 'specs/*.yaml', '--format', 'json'], { cwd: dir });
    expect(lint.stderr).toBe('');
    expect([0, 1]).toContain(lint.code);
  });
  it('leaves existing files alone unless --force', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'finlint-init-'));
    await writeFile(path.join(dir, 'finlint.config.yaml'), 'failSeverity: warn\n');
    const r = await runCli(['init', '--ci', 'none'], { cwd: dir });
    expect(r.stdout).toContain('skipped finlint.config.yaml (exists; --force overwrites)');
    expect(await readFile(path.join(dir, 'finlint.config.yaml'), 'utf8')).toBe('failSeverity: warn\n');
    expect(existsSync(path.join(dir, '.github'))).toBe(false);
    await runCli(['init', '--ci', 'none', '--force'], { cwd: dir });
    expect(await readFile(path.join(dir, 'finlint.config.yaml'), 'utf8')).toContain('extends:');
  });
  it('writes GitLab CI, next to an existing .gitlab-ci.yml rather than over it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'finlint-init-'));
    await writeFile(path.join(dir, '.gitlab-ci.yml'), 'build:\n  script: [make]\n');
    const r = await runCli(['init', '--spec', 'openapi.yaml'], { cwd: dir });
    expect(r.stdout).toContain("wrote finlint.gitlab-ci.yml: add it to your pipeline with:  include: [{ local: 'finlint.gitlab-ci.yml' }]");
    expect(await readFile(path.join(dir, '.gitlab-ci.yml'), 'utf8')).toBe('build:\n  script: [make]\n');
    expect(await readFile(path.join(dir, 'finlint.gitlab-ci.yml'), 'utf8')).toContain('junit: finlint-junit.xml');
  });
  it('asks for the CI system and the documents on a terminal', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'finlint-init-'));
    const r = await runCli(['init'], { cwd: dir, answers: ['jenkins', 'gitlab', 'api/v1.yaml api/v2.yaml'] });
    expect(r.questions).toEqual([
      'CI system (github/gitlab/none) [github]: ',
      'CI system (github/gitlab/none) [github]: ',
      'API documents to lint (files or globs, space-separated) [openapi.yaml]: ',
    ]);
    expect(r.stdout).toContain('Please answer github, gitlab, none.');
    expect(await readFile(path.join(dir, '.gitlab-ci.yml'), 'utf8')).toContain("lint 'api/v1.yaml' 'api/v2.yaml'");
    expect((await runCli(['init', '--yes', '--force'], { cwd: dir, answers: [] })).questions).toEqual([]);
  });
});

describe('examples/ci', () => {
  it('holds exactly what finlint init writes for api/**/*.yaml', () => {
    const specs = ['api/**/*.yaml'];
    expect(readFileSync(path.join(root, 'examples/ci/github-actions.yml'), 'utf8')).toBe(githubWorkflowTemplate(specs));
    expect(readFileSync(path.join(root, 'examples/ci/gitlab-ci.yml'), 'utf8')).toBe(gitlabCiTemplate(specs));
    expect(readFileSync(path.join(root, 'examples/ci/pre-commit-config.yaml'), 'utf8')).toBe(preCommitTemplate(specs));
  });
  it('are valid YAML', async () => {
    const { parse } = await import('yaml');
    for (const f of ['github-actions.yml', 'gitlab-ci.yml', 'pre-commit-config.yaml']) expect(() => parse(readFileSync(path.join(root, 'examples/ci', f), 'utf8'))).not.toThrow();
  });
});
