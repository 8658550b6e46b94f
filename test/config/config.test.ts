import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildRuleset } from '../../src/config/build.js';
import { findConfig, loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/config/validate.js';
import type { Finding } from '../../src/engine/types.js';
import { runCli } from '../cli/helpers.js';

const root = path.resolve(__dirname, '../..');

const INSECURE = `openapi: 3.1.0
info: {title: Payments, version: "1.0.0"}
servers:
  - url: http://api.bank.example/v1
security:
  - basic: []
paths: {}
components:
  securitySchemes:
    basic: {type: http, scheme: basic}
`;

/** A temporary project: a `.git` directory bounds config discovery, files are written relative to it. */
async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'finlint-config-'));
  await mkdir(path.join(dir, '.git'));
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  return dir;
}

async function json(args: string[], cwd: string): Promise<{ code: number; findings: Finding[]; stderr: string }> {
  const r = await runCli([...args, '--format', 'json'], { cwd });
  return { code: r.code, findings: r.stdout ? (JSON.parse(r.stdout) as Finding[]) : [], stderr: r.stderr };
}

async function configError(config: string, extra: Record<string, string> = {}): Promise<string> {
  const dir = await project({ 'finlint.config.yaml': config, 'api.yaml': INSECURE, ...extra });
  const r = await runCli(['lint', 'api.yaml'], { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return r.stderr;
}

describe('config discovery', () => {
  it('walks up from the linted file to the nearest finlint.config.yaml', async () => {
    const dir = await project({
      'finlint.config.yaml': 'rules:\n  fin-auth-no-http-basic: warn\n',
      'apis/payments/openapi.yaml': INSECURE,
      'apis/cards/.finlintrc.yaml': 'rules:\n  fin-auth-no-http-basic: off\n',
      'apis/cards/openapi.yaml': INSECURE,
    });
    const r = await json(['lint', 'apis/payments/openapi.yaml', 'apis/cards/openapi.yaml'], dir);
    const basic = r.findings.filter((f) => f.code === 'fin-auth-no-http-basic');
    expect(basic.map((f) => [f.source, f.severity])).toEqual([[path.join('apis', 'payments', 'openapi.yaml'), 1]]);
    expect(r.findings.filter((f) => f.code === 'fin-transport-https-only')).toHaveLength(2);
    expect(r.code).toBe(1);
  });
  it('stops at the repository root', async () => {
    const outer = await project({ 'finlint.config.yaml': 'rules:\n  fin-auth-no-http-basic: off\n' });
    await mkdir(path.join(outer, 'repo', '.git'), { recursive: true });
    await writeFile(path.join(outer, 'repo', 'api.yaml'), INSECURE);
    expect(findConfig(path.join(outer, 'repo'))).toBeUndefined();
    const r = await json(['lint', 'api.yaml'], path.join(outer, 'repo'));
    expect(r.findings.some((f) => f.code === 'fin-auth-no-http-basic')).toBe(true);
  });
  it('takes --config for every file, and --no-config for none', async () => {
    const dir = await project({ 'finlint.config.yaml': 'rules:\n  fin-auth-no-http-basic: off\n', 'other.yaml': 'rules:\n  fin-transport-https-only: warn\n', 'api.yaml': INSECURE });
    const other = await json(['lint', 'api.yaml', '--config', 'other.yaml'], dir);
    expect(other.findings.map((f) => [f.code, f.severity])).toEqual([
      ['fin-transport-https-only', 1],
      ['fin-auth-no-http-basic', 0],
    ]);
    const none = await json(['lint', 'api.yaml', '--no-config'], dir);
    expect(none.findings.map((f) => f.code).sort()).toEqual(['fin-auth-no-http-basic', 'fin-transport-https-only']);
  });
  it('--preset and --ruleset replace the configuration\'s rules', async () => {
    const dir = await project({ 'finlint.config.yaml': 'rules:\n  fin-auth-no-http-basic: off\n', 'api.yaml': INSECURE });
    const r = await json(['lint', 'api.yaml', '--preset', 'recommended'], dir);
    expect(r.findings.some((f) => f.code === 'fin-auth-no-http-basic')).toBe(true);
  });
});

describe('config keys', () => {
  it('failSeverity decides the exit code unless --fail-severity is given', async () => {
    const dir = await project({ 'finlint.config.yaml': 'failSeverity: none\n', 'api.yaml': INSECURE });
    expect((await runCli(['lint', 'api.yaml'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['lint', 'api.yaml', '--fail-severity', 'error'], { cwd: dir })).code).toBe(1);
  });
  it('formats choose the outputs when no --format is given', async () => {
    const dir = await project({ 'finlint.config.yaml': 'formats:\n  - json\n  - format: sarif\n    output: out/finlint.sarif\n', 'api.yaml': INSECURE });
    const r = await runCli(['lint', 'api.yaml'], { cwd: dir });
    expect(JSON.parse(r.stdout)).toHaveLength(2);
    const { readFile } = await import('node:fs/promises');
    expect(JSON.parse(await readFile(path.join(dir, 'out/finlint.sarif'), 'utf8')).version).toBe('2.1.0');
    const cli = await runCli(['lint', 'api.yaml', '--format', 'github'], { cwd: dir });
    expect(cli.stdout).toMatch(/^::error /);
  });
  it('overrides scope severities to file globs and JSON pointers, relative to the configuration', async () => {
    const dir = await project({
      'finlint.config.yaml': [
        'overrides:',
        '  - files: ["legacy/**/*.yaml"]',
        '    rules:',
        '      fin-transport-https-only: warn',
        '  - files: ["api.yaml#/components/securitySchemes/basic"]',
        '    rules:',
        '      fin-auth-no-http-basic: off',
        '',
      ].join('\n'),
      'api.yaml': INSECURE,
      'legacy/old.yaml': INSECURE,
    });
    const r = await json(['lint', 'api.yaml', 'legacy/old.yaml'], dir);
    expect(r.findings.map((f) => [f.source, f.code, f.severity])).toEqual([
      ['api.yaml', 'fin-transport-https-only', 0],
      [path.join('legacy', 'old.yaml'), 'fin-transport-https-only', 1],
      [path.join('legacy', 'old.yaml'), 'fin-auth-no-http-basic', 0],
    ]);
  });
  it('rules pass options to an existing rule\'s function', async () => {
    const doc = INSECURE.replace('paths: {}', 'paths:\n  /x:\n    get:\n      parameters:\n        - {name: partnerKey, in: query, schema: {type: string}}\n      responses: {"200": {description: ok}}');
    const dir = await project({ 'finlint.config.yaml': 'rules:\n  fin-auth-no-credentials-in-url:\n    severity: warn\n    options:\n      names: [partner key]\n', 'api.yaml': doc });
    const r = await json(['lint', 'api.yaml'], dir);
    expect(r.findings.filter((f) => f.code === 'fin-auth-no-credentials-in-url').map((f) => [f.path, f.severity])).toEqual([[['paths', '/x', 'get', 'parameters', 0, 'name'], 1]]);
  });
  it('extends Spectral\'s own rulesets, Spectral ruleset files, npm packages and other finlint configs', async () => {
    const dir = await project({
      'finlint.config.yaml': 'extends:\n  - finlint:recommended\n  - spectral:oas\n  - ./team.spectral.yaml\n  - "@stoplight/spectral-owasp-ruleset"\n  - ./base/finlint.config.yaml\n',
      'team.spectral.yaml': 'rules:\n  team-title:\n    given: $.info.title\n    severity: warn\n    then: {function: pattern, functionOptions: {match: "^ACME"}}\n',
      'base/finlint.config.yaml': 'rules:\n  base-version:\n    given: $.info.version\n    severity: hint\n    message: Version must carry the team prefix.\n    then: {function: pattern, functionOptions: {match: "^acme-"}}\n',
      'api.yaml': INSECURE,
    });
    await mkdir(path.join(dir, 'node_modules', '@stoplight'), { recursive: true });
    const { symlink } = await import('node:fs/promises');
    await symlink(path.join(root, 'node_modules/@stoplight/spectral-owasp-ruleset'), path.join(dir, 'node_modules/@stoplight/spectral-owasp-ruleset'), 'dir');
    const r = await json(['lint', 'api.yaml'], dir);
    expect(r.stderr).toBe('');
    const codes = new Set(r.findings.map((f) => f.code));
    for (const c of ['fin-transport-https-only', 'info-contact', 'team-title', 'base-version']) expect(codes, c).toContain(c);
    expect([...codes].some((c) => c.startsWith('owasp:'))).toBe(true);
  });
  it('adds rules with functions from functionsDir (TypeScript or JavaScript) and carries their controls', async () => {
    const dir = await project({
      'finlint.config.yaml': [
        'functionsDir: fns',
        'rules:',
        '  acme-title:',
        '    description: The title names the bank.',
        '    message: "{{error}}"',
        '    severity: error',
        '    given: $.info',
        '    then: {function: titleHasBank, functionOptions: {bank: ACME}}',
        '    controls: [acme:1.2]',
        '    howToFix: Put ACME in the title.',
        '  acme-js:',
        '    given: $.info',
        '    severity: hint',
        '    message: js function ran',
        '    then: {function: alwaysJs}',
        '',
      ].join('\n'),
      'fns/titleHasBank.ts': [
        "import { createRulesetFunction } from '@stoplight/spectral-core';",
        "import { suffix } from './lib/suffix';",
        'interface Opts { bank: string }',
        'export default createRulesetFunction<{ title: string }, Opts>(',
        "  { input: { type: 'object' }, options: { type: 'object', properties: { bank: { type: 'string' } }, required: ['bank'], additionalProperties: false } },",
        '  (info, opts, ctx) => (info.title.includes(opts.bank) ? [] : [{ message: `Title "${info.title}" does not name ${opts.bank}${suffix}`, path: [...ctx.path, "title"] }]),',
        ');',
      ].join('\n'),
      'fns/lib/suffix.ts': "export const suffix: string = '.';\n",
      'fns/alwaysJs.js': 'module.exports = function alwaysJs() { return [{ message: "x" }]; };\n',
      'api.yaml': INSECURE,
    });
    const r = await json(['lint', 'api.yaml'], dir);
    expect(r.stderr).toBe('');
    await writeFile(path.join(dir, 'legacy.yaml'), INSECURE);
    await writeFile(path.join(dir, 'finlint.config.yaml'), `${await readFile(path.join(dir, 'finlint.config.yaml'), 'utf8')}overrides:\n  - files: [legacy.yaml]\n    rules:\n      acme-title: off\n`);
    const legacy = await json(['lint', 'legacy.yaml', 'api.yaml'], dir);
    expect(legacy.stderr).toBe('');
    expect(legacy.findings.filter((f) => f.code === 'acme-title').map((f) => f.source)).toEqual(['api.yaml']);
    const acme = r.findings.find((f) => f.code === 'acme-title')!;
    expect(acme).toMatchObject({ message: 'Title "Payments" does not name ACME.', path: ['info', 'title'], severity: 0, controls: ['acme:1.2'], howToFix: 'Put ACME in the title.' });
    expect(r.findings.some((f) => f.code === 'acme-js')).toBe(true);
  });
  it('loads programmatically: loadConfig + buildRuleset', async () => {
    const dir = await project({ 'finlint.config.yaml': 'extends: finlint:all\nrules:\n  fin-auth-no-http-basic: hint\n' });
    const ruleset = await buildRuleset(await loadConfig('finlint.config.yaml', dir));
    expect(ruleset.rules['fin-auth-no-http-basic'].severity).toBe(3);
    expect(ruleset.rules['fin-transport-doc-links-https'].enabled).toBe(true);
  });
});

describe('config errors name the file, line, column and key', () => {
  const cases: [string, string, RegExp][] = [
    ['a misspelt key', 'failSeverty: warn\n', /^finlint: finlint\.config\.yaml:1:1: failSeverty: unknown key \(did you mean failSeverity\?\); allowed keys: .*extends.*\n$/],
    ['a bad severity', 'rules:\n  fin-auth-no-http-basic: fatal\n', /^finlint: finlint\.config\.yaml:2:27: rules\.fin-auth-no-http-basic: must be a severity \(error, warn, info, hint, off\)/],
    ['a bad failSeverity', 'failSeverity: fatal\n', /^finlint: finlint\.config\.yaml:1:15: failSeverity: must be one of error, warn, info, hint, none\n$/],
    ['an unknown key in a rule', 'rules:\n  fin-auth-no-http-basic:\n    severty: warn\n', /finlint\.config\.yaml:3:5: rules\.fin-auth-no-http-basic\.severty: unknown key \(did you mean severity\?\)/],
    ['an unknown rule', 'rules:\n  fin-auth-no-http-basics: warn\n', /finlint\.config\.yaml:2:3: rules\.fin-auth-no-http-basics: no rule fin-auth-no-http-basics in the extended rulesets \(did you mean fin-auth-no-http-basic\?\)/],
    ['an unknown preset', 'extends: finlint:everything\n', /finlint\.config\.yaml:1:10: extends: unknown preset finlint:everything/],
    ['a missing extends file', 'extends: [finlint, ./nope.yaml]\n', /extends\[1\]: file \.\/nope\.yaml not found/],
    ['an uninstalled package', 'extends: [finlint, "@acme/not-installed"]\n', /extends\[1\]: cannot find the npm package @acme\/not-installed/],
    ['a severity written as a ruleset', 'extends: [finlint, all]\n', /extends\[1\]: all is a severity, not a ruleset: write a pair inside the list, e\.g\. extends: \[\[finlint, all\]\]/],
    ['bad overrides', 'overrides:\n  - rules: {}\n', /overrides\[0\]: missing required key "files"/],
    ['a pointer override with a full rule', 'overrides:\n  - files: ["api.yaml#/info"]\n    rules:\n      fin-auth-no-http-basic: {severity: warn}\n', /overrides\[0\]\.rules\.fin-auth-no-http-basic: with a JSON pointer in files, an override can only change the severity/],
    ['invalid rule options', 'rules:\n  fin-auth-no-credentials-in-url:\n    options: {bogus: 1}\n', /rules\.fin-auth-no-credentials-in-url\.options: invalid options for fin-auth-no-credentials-in-url: "noCredentialsInUrl" function .+/],
    ['an unknown function', 'rules:\n  acme-x:\n    given: $\n    then: {function: nothingLikeThis}\n', /rules\.acme-x\.then\.function: unknown function nothingLikeThis/],
    ['a new rule without then', 'rules:\n  acme-x:\n    given: $\n', /rules\.acme-x: a new rule needs both given and then \(then is missing\)/],
    ['an unknown output format', 'formats: [pdf]\n', /formats\[0\]: must be one of stylish, json, sarif, junit, github, markdown/],
    ['invalid YAML', 'rules: [\n', /^finlint: finlint\.config\.yaml:\d+:\d+: invalid YAML: /],
    ['not a mapping', '- a\n- b\n', /the configuration must be a mapping/],
  ];
  it.each(cases)('%s', async (_name, config, pattern) => {
    expect(await configError(config)).toMatch(pattern);
  });
  it('reports several problems at once, one line each', async () => {
    const stderr = await configError('failSeverity: fatal\nformat: [json]\n');
    expect(stderr.trim().split('\n')).toHaveLength(2);
  });
  it('reports a TypeScript error in a custom function with its file and line', async () => {
    const stderr = await configError('functionsDir: fns\nrules:\n  acme-x:\n    given: $\n    then: {function: broken}\n', { 'fns/broken.ts': 'export default (a: number => a;\n' });
    expect(stderr).toMatch(/rules\.acme-x\.then\.function: broken\.ts:1:\d+: /);
  });
  it('a missing --config file is an error', async () => {
    const dir = await project({ 'api.yaml': INSECURE });
    const r = await runCli(['lint', 'api.yaml', '--config', 'missing.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('finlint: missing.yaml: configuration file not found\n');
  });
  it('loadConfig throws ConfigError with structured issues', async () => {
    const dir = await project({ 'finlint.config.yaml': 'rules:\n  x: [1]\n' });
    const error = await loadConfig('finlint.config.yaml', dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues[0]).toMatchObject({ file: 'finlint.config.yaml', key: 'rules.x', line: 2, column: 6 });
  });
});

describe('empty configuration', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await project({ 'finlint.config.yaml': '# nothing yet\n', 'api.yaml': INSECURE });
  });
  it('means finlint:recommended', async () => {
    const r = await json(['lint', 'api.yaml'], dir);
    expect(r.findings.map((f) => f.code).sort()).toEqual(['fin-auth-no-http-basic', 'fin-transport-https-only']);
  });
});
