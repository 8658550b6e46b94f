import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Ruleset } from '@stoplight/spectral-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESET_NAMES, presetRuleset } from '../../rulesets/presets.js';
import { loadConfig } from '../../src/config/load.js';
import { closeLintWorkers, describeInWorker, stats, workerAvailable } from '../../src/engine/isolate.js';
import { decodeText, DEFAULT_LIMITS, parseDuration, parseSize, resolveLimits } from '../../src/engine/limits.js';
import { lint } from '../../src/engine/lint.js';
import { readInput } from '../../src/engine/loader.js';
import { parseInput } from '../../src/engine/parse.js';
import { hostAllowed } from '../../src/engine/resolver.js';
import { resolveRuleset } from '../../src/engine/rulesetResolve.js';
import { runSpectral, type RulesetRecipe } from '../../src/engine/spectralRun.js';
import { refDoc, startServer, TempDir, type TestServer } from '../robustness/helpers.js';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/real');
const DOCS = [
  'examples/payments-noncompliant.yaml',
  'examples/swagger2-payments.yaml',
  'examples/gdpr-customers.yaml',
  ...['openbanking-uk/event-notifications-openapi.yaml', 'adyen/DataProtectionService-v1.yaml', 'openbanking-uk/callback-urls-swagger.yaml', 'adyen/BinLookupService-v54.yaml']
    .map((f) => path.join(CORPUS, f))
    .filter((f) => existsSync(f)),
];

afterAll(async () => {
  await closeLintWorkers();
});

describe('several documents at once', () => {
  it('use one worker per job and give exactly the report of a sequential run, input errors in input order', async () => {
    const inputs = [...DOCS.slice(0, 2), 'missing-file.yaml', ...DOCS.slice(2), { source: 'broken.yaml', content: 'openapi: 3.1.0\ninfo: [' }];
    const sequential = await lint(inputs, { cwd: ROOT, preset: 'all', waivers: false, jobs: 1 });
    stats.peakBusy = 0;
    const parallel = await lint(inputs, { cwd: ROOT, preset: 'all', waivers: false, jobs: 2 });
    expect(stats.peakBusy).toBe(2);
    expect(sequential.inputErrors.map((e) => e.source)).toEqual(['missing-file.yaml', 'broken.yaml']);
    expect(sequential.files.length).toBe(DOCS.length);
    expect(parallel).toEqual(sequential);
    const three = await lint(inputs, { cwd: ROOT, preset: 'recommended', waivers: false, jobs: 3 });
    expect(three).toEqual(await lint(inputs, { cwd: ROOT, preset: 'recommended', waivers: false, jobs: 1 }));
  }, 240_000);
});

describe('the per-document time limit runs the lint in a worker thread', () => {
  it('is available from source (through tsx) as from the build', () => {
    expect(workerAvailable()).toBe(true);
  });
  it('gives exactly the findings of the in-process run', async () => {
    // uk-open-banking: a profile with rule options and changed severities, summarised by the worker (rulesetSummary.ts)
    for (const preset of ['recommended', 'all', 'uk-open-banking'] as const) {
      const isolated = await lint(DOCS, { cwd: ROOT, preset, waivers: false });
      const inProcess = await lint(DOCS, { cwd: ROOT, preset, waivers: false, limits: { timeoutMs: 0 } });
      expect(isolated.inputErrors).toEqual([]);
      expect(isolated.findings.length).toBeGreaterThan(20);
      expect(isolated).toEqual(inProcess);
    }
  });
  it('builds the ruleset once, in the worker: its summary equals the one built in-process, for every preset and a configuration file', async () => {
    const t = await TempDir.create();
    try {
      await t.write('finlint.config.yaml', 'extends: finlint:pci\nrules:\n  fin-auth-no-http-basic: off\n  fin-error-problem-details:\n    severity: info\n    options: { members: [code, message] }\n');
      const recipes: RulesetRecipe[] = [...PRESET_NAMES.map((name) => ({ kind: 'preset' as const, name })), { kind: 'config', file: path.join(t.dir, 'finlint.config.yaml'), cwd: t.dir }];
      for (const recipe of recipes) {
        const inWorker = await describeInWorker({ recipe, generation: `test-${recipe.kind}` });
        const options = recipe.kind === 'preset' ? { preset: recipe.name } : {};
        const config = recipe.kind === 'config' ? await loadConfig(recipe.file, recipe.cwd) : undefined;
        const { summary } = await resolveRuleset(options, ROOT, config);
        expect(inWorker, JSON.stringify(recipe)).toEqual(summary);
        expect(Object.values(summary.rules).filter((r) => r.enabled).length).toBeGreaterThan(20);
      }
      await expect(describeInWorker({ recipe: { kind: 'file', file: 'no-such-ruleset.yaml', cwd: t.dir }, generation: 'test-missing' })).rejects.toThrow(/no-such-ruleset/);
    } finally {
      await t.remove();
    }
  });
  it("leaves Spectral out of the CLI's main thread while the worker lints", () => {
    // A preload reports which of Spectral's packages the main thread loaded; `--timeout 0` (in-process) is the control.
    const loaded = (extra: string[]) => {
      const out = spawnSync(process.execPath, ['-r', path.join(ROOT, 'test/helpers/report-loaded-modules.cjs'), path.join(ROOT, 'dist/cli.js'), 'lint', 'examples/payments-noncompliant.yaml', '--preset', 'all', '--format', 'json', '--fail-severity', 'none', '--no-config', ...extra], { cwd: ROOT, encoding: 'utf8' });
      expect(out.status, out.stderr).toBe(0);
      expect(JSON.parse(out.stdout).length).toBeGreaterThan(20);
      return JSON.parse(/^LOADED (.*)$/m.exec(out.stderr)![1]) as string[];
    };
    expect(loaded([])).toEqual([]);
    expect(loaded(['--timeout', '0'])).toEqual(expect.arrayContaining(['@stoplight/spectral-core', '@stoplight/spectral-parsers']));
  }, 60_000);
  it('runs a ruleset object (which cannot be sent to a worker) in-process', async () => {
    const report = await lint(['examples/payments-noncompliant.yaml'], {
      cwd: ROOT,
      ruleset: new Ruleset(presetRuleset('recommended'), { severity: 'recommended' }),
      waivers: false,
      limits: { timeoutMs: 1000 },
    });
    expect(report.inputErrors).toEqual([]);
    expect(report.findings.length).toBeGreaterThan(5);
  });
});

describe('limits as library options', () => {
  it('have documented defaults', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxFileBytes: 52_428_800,
      maxDepth: 512,
      maxAliases: 1000,
      maxResolvedBytes: 104_857_600,
      timeoutMs: 300_000,
    });
    expect(resolveLimits(undefined)).toEqual(DEFAULT_LIMITS);
    expect(resolveLimits({ maxDepth: 64, timeoutMs: 0 })).toEqual({ ...DEFAULT_LIMITS, maxDepth: 64, timeoutMs: 0 });
  });
  it('reject values that are not whole numbers, and unknown names', () => {
    expect(() => resolveLimits({ maxDepth: 0 })).toThrow(/maxDepth must be a whole number of at least 1/);
    expect(() => resolveLimits({ timeoutMs: -1 })).toThrow(/timeoutMs must be a whole number of at least 0/);
    expect(() => resolveLimits({ maxFileBytes: 1.5 })).toThrow(RangeError);
    expect(() => resolveLimits({ maxFiles: 3 } as never)).toThrow(/unknown limit maxFiles/);
  });
  it('apply through lint()', async () => {
    const report = await lint(['examples/payments-noncompliant.yaml'], { cwd: ROOT, limits: { maxFileBytes: 100 }, waivers: false });
    expect(report.inputErrors).toEqual([{ source: 'examples/payments-noncompliant.yaml', message: 'file is larger than the 100-byte limit' }]);
  });
  it('parse sizes and durations given on the command line', () => {
    expect(parseSize('1048576')).toBe(1_048_576);
    expect(parseSize('500k')).toBe(512_000);
    expect(parseSize('50MB')).toBe(52_428_800);
    expect(parseSize('1.5 GiB')).toBe(1_610_612_736);
    for (const bad of ['', '0', '-1', 'MB', '12 parsecs', '1e9']) expect(parseSize(bad), bad).toBeUndefined();
    expect(parseDuration('90')).toBe(90_000);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration('0')).toBe(0);
    for (const bad of ['', 'soon', '-5s', '1h']) expect(parseDuration(bad), bad).toBeUndefined();
  });
});

describe('reading input text', () => {
  it('decodes UTF-8, drops a byte-order mark, and names what it refuses', () => {
    expect(decodeText(Buffer.from('\ufeffa: 1\n'))).toEqual({ text: 'a: 1\n' });
    expect(decodeText(Buffer.from('a: "\u00e9"\n'))).toEqual({ text: 'a: "\u00e9"\n' });
    expect(decodeText(Buffer.from([0x61, 0x00, 0x62]))).toEqual({ reason: 'file is binary, not YAML or JSON' });
    expect(decodeText(Buffer.from('\ufeffa', 'utf16le'))).toEqual({ reason: 'file is UTF-16 or UTF-32 encoded; save it as UTF-8' });
    expect(decodeText(Buffer.from([0x61, 0x62, 0xc3, 0x28]))).toEqual({ reason: 'file is not valid UTF-8 (first bad byte at offset 2); save it as UTF-8' });
    expect(decodeText(Buffer.from([0x61, 0xe2, 0x82]))).toEqual({ reason: 'file is not valid UTF-8 (first bad byte at offset 1); save it as UTF-8' });
  });
  it('lints a file whose name looks like a glob as named', async () => {
    const t = await TempDir.create();
    try {
      await t.write('Orders-API-(v1).yaml', refDoc({}).replace('paths:', 'paths: {}'));
      const report = await lint(['Orders-API-(v1).yaml'], { cwd: t.dir, waivers: false, limits: { timeoutMs: 0 } });
      expect(report.inputErrors).toEqual([]);
      expect(report.files).toEqual(['Orders-API-(v1).yaml']);
    } finally {
      await t.remove();
    }
  });
  it('checks the limits before parsing, and parses separately', async () => {
    const read = await readInput({ source: 'a.yaml', content: 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n' }, ROOT);
    expect(read).toMatchObject({ source: 'a.yaml', isJson: false });
    expect('content' in read && 'document' in parseInput(read)).toBe(true);
    expect(await readInput({ source: 'b.yaml', content: 'a: [[[[1]]]]\n' }, ROOT, { ...DEFAULT_LIMITS, maxDepth: 3 })).toEqual({
      source: 'b.yaml',
      message: 'nesting is deeper than the limit of 3 levels',
    });
  });
});

describe('remote references', () => {
  let server: TestServer;
  let t: TempDir;
  beforeAll(async () => {
    // A server that accepts the connection and never answers.
    server = await startServer(() => undefined);
    t = await TempDir.create();
  });
  afterAll(async () => {
    await server.close();
    await t.remove();
  });
  it('match the allow list by host name or host:port', () => {
    expect(hostAllowed(new URL('http://api.example.com/x'), ['API.example.com'])).toBe(true);
    expect(hostAllowed(new URL('http://api.example.com:8080/x'), ['api.example.com:8080'])).toBe(true);
    expect(hostAllowed(new URL('https://api.example.com/x'), ['api.example.com:443'])).toBe(true);
    expect(hostAllowed(new URL('http://api.example.com:8080/x'), ['api.example.com:80'])).toBe(false);
    expect(hostAllowed(new URL('http://evil.example/x'), ['api.example.com'])).toBe(false);
    expect(hostAllowed(new URL('http://api.example.com.evil.example/x'), ['api.example.com'])).toBe(false);
    expect(hostAllowed(new URL('http://[::1]:8080/x'), ['::1'])).toBe(true);
  });
  it('give up after the fetch timeout with an invalid-ref finding', async () => {
    const file = await t.write('api.yaml', refDoc({ '/a': `${server.url}/slow.yaml` }));
    const read = await readInput(file, t.dir);
    const loaded = 'content' in read ? parseInput(read) : read;
    if (!('document' in loaded)) throw new Error(loaded.message);
    const started = performance.now();
    const { results } = await runSpectral(new Ruleset({ rules: {} }), loaded.document, {
      root: t.dir,
      allowRemoteRefs: ['127.0.0.1'],
      remoteTimeoutMs: 300,
    });
    expect(results.map((r) => [r.code, r.message])).toEqual([['invalid-ref', `remote $ref ${server.url}/slow.yaml not fetched within 300 ms`]]);
    expect(server.requests).toEqual(['GET /slow.yaml']);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
