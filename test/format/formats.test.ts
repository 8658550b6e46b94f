import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintProject } from '../../src/engine/project.js';
import { lint } from '../../src/engine/lint.js';
import type { Report } from '../../src/engine/types.js';
import { formatters, type FormatName } from '../../src/format/index.js';

const root = path.resolve(__dirname, '../..');
const FIXTURES = path.join(root, 'test/fixtures/format');
const GOLDEN = path.join(__dirname, 'golden');
// The goldens run on copies of examples/*.yaml taken when they were written (test/fixtures/format/examples), so
// that work on the examples elsewhere does not churn them; the live examples are checked by the validity tests.
const EXAMPLES = ['examples/payments-noncompliant.yaml', 'examples/swagger2-payments.yaml', 'examples/payments-compliant.yaml'];
const INPUTS = [...EXAMPLES, 'inline-ignore.yaml'];
const CTX = { toolVersion: '0.0.0-test', failSeverity: 'error' as const, now: new Date('2026-06-01T12:00:00Z') };
const EXT: Record<FormatName, string> = { stylish: 'txt', json: 'json', sarif: 'sarif.json', junit: 'xml', github: 'txt', markdown: 'md', html: 'html' };

// CommonJS packages: Node hands over module.exports, the type declarations describe the `default` export.
const Ajv04 = ((Ajv04Module as unknown as { default?: typeof Ajv04Module.default }).default ?? Ajv04Module) as typeof Ajv04Module.default;
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule.default }).default ?? addFormatsModule) as typeof addFormatsModule.default;
const ajv = new Ajv04({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(path.join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8')));

function sarifErrors(text: string): string[] {
  return validateSarif(JSON.parse(text)) ? [] : (validateSarif.errors ?? []).map((e: { instancePath: string; message?: string }) => `${e.instancePath} ${e.message}`);
}

interface XmlNode {
  [key: string]: unknown;
}

/** A strict reading of JUnit XML: well-formed, only the elements and attributes of the JUnit schema, counts that add up. */
function junitProblems(text: string): string[] {
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) return [`not well-formed XML: ${valid.err.msg} at line ${valid.err.line}`];
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['testsuite', 'testcase', 'failure', 'error', 'skipped'].includes(name) }).parse(text) as XmlNode;
  const problems: string[] = [];
  const only = (node: XmlNode, allowed: string[], where: string) => {
    for (const key of Object.keys(node)) if (!allowed.includes(key)) problems.push(`${where}: unexpected ${key}`);
  };
  const int = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN);
  only(doc, ['?xml', 'testsuites'], 'document');
  const suites = doc.testsuites as XmlNode;
  only(suites, ['@name', '@tests', '@failures', '@errors', '@skipped', '@time', 'testsuite'], 'testsuites');
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const suite of (suites.testsuite as XmlNode[]) ?? []) {
    only(suite, ['@name', '@tests', '@failures', '@errors', '@skipped', '@time', 'testcase'], 'testsuite');
    const cases = (suite.testcase as XmlNode[]) ?? [];
    if (int(suite['@tests']) !== cases.length) problems.push(`testsuite ${String(suite['@name'])}: tests=${String(suite['@tests'])} but ${cases.length} testcases`);
    const count = (k: string) => cases.filter((c) => c[k] !== undefined).length;
    if (int(suite['@failures']) !== count('failure')) problems.push(`testsuite ${String(suite['@name'])}: failures do not add up`);
    if (int(suite['@errors']) !== count('error')) problems.push(`testsuite ${String(suite['@name'])}: errors do not add up`);
    if (int(suite['@skipped']) !== count('skipped')) problems.push(`testsuite ${String(suite['@name'])}: skipped do not add up`);
    for (const c of cases) {
      only(c, ['@name', '@classname', '@time', 'failure', 'error', 'skipped', 'system-out'], 'testcase');
      if (!c['@name'] || !c['@classname'] || Number.isNaN(Number(c['@time']))) problems.push('testcase without name, classname or time');
      for (const f of [...((c.failure as XmlNode[]) ?? []), ...((c.error as XmlNode[]) ?? [])]) {
        if (typeof f === 'object') only(f, ['@message', '@type', '#text'], 'failure');
      }
    }
    tests += cases.length;
    failures += count('failure');
    errors += count('error');
    skipped += count('skipped');
  }
  if (int(suites['@tests']) !== tests || int(suites['@failures']) !== failures || int(suites['@errors']) !== errors || int(suites['@skipped']) !== skipped) {
    problems.push('testsuites totals do not add up');
  }
  return problems;
}

const ANNOTATION = /^::(error|warning|notice) file=[^,:\r\n]+,line=\d+(,endLine=\d+)?(,col=\d+)?(,endColumn=\d+)?,title=[^,:\r\n]+::[^\r\n]*$/;

let report: Report;
beforeAll(async () => {
  const result = await lintProject(INPUTS, { cwd: FIXTURES, config: 'finlint.config.yaml', now: new Date('2026-06-01T12:00:00Z') });
  report = result.report;
});

describe('the golden report', () => {
  it('exercises every kind of finding a format must show', () => {
    const codes = new Set(report.findings.map((f) => f.code));
    for (const c of ['fin-transport-https-only', 'fin-auth-no-apikey-in-query', 'waiver-expired', 'waiver-stale', 'waiver-invalid']) expect(codes, c).toContain(c);
    expect(report.findings.filter((f) => f.suppression?.kind === 'waiver')).toHaveLength(1);
    expect(report.findings.filter((f) => f.suppression?.kind === 'inline')).toHaveLength(2);
    expect(report.inputErrors).toEqual([]);
  });
});

// The html report lists every rule of finlint that could provide evidence for a control, so it changes with every new
// rule; test/report checks its structure and determinism instead of a golden file.
describe.each((Object.keys(formatters) as FormatName[]).filter((f) => f !== 'html'))('%s format', (format) => {
  it('matches its golden file (UPDATE_GOLDEN=1 rewrites it)', () => {
    const text = formatters[format](report, CTX);
    const file = path.join(GOLDEN, `report.${format}.${EXT[format]}`);
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, text);
    }
    expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/format`).toBe(true);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
  it('is deterministic', () => {
    expect(formatters[format](report, CTX)).toBe(formatters[format](report, CTX));
  });
});

describe('every format on the live example specs', () => {
  let live: Report;
  beforeAll(async () => {
    live = (await lintProject(EXAMPLES, { cwd: root, config: false, preset: 'all' })).report;
  });
  it('SARIF validates against the schema, JUnit passes the strict reading, annotations are well-formed', () => {
    expect(live.findings.length).toBeGreaterThan(10);
    expect(sarifErrors(formatters.sarif(live, CTX))).toEqual([]);
    expect(junitProblems(formatters.junit(live, CTX))).toEqual([]);
    for (const line of formatters.github(live, CTX).split('\n').filter((l) => l.startsWith('::'))) expect(line).toMatch(ANNOTATION);
    expect(formatters.markdown(live, CTX)).toContain('### Top findings');
    expect(JSON.parse(formatters.json(live, CTX))).toHaveLength(live.findings.length);
  });
});

describe('sarif', () => {
  it('validates against the OASIS SARIF 2.1.0 schema', () => {
    expect(sarifErrors(formatters.sarif(report, CTX))).toEqual([]);
  });
  it('carries rule metadata, regions, fingerprints and waivers as suppressions', () => {
    const log = JSON.parse(formatters.sarif(report, CTX));
    const run = log.runs[0];
    const https = run.tool.driver.rules.find((r: { id: string }) => r.id === 'fin-transport-https-only');
    expect(https.shortDescription.text.length).toBeGreaterThan(10);
    expect(https.helpUri).toMatch(/docs\/rules\/fin-transport-https-only\.md$/);
    expect(https.properties.tags).toContain('pci-dss-4.0.1:4.2.1');
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'fin-transport-https-only');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: expect.any(Number), startColumn: expect.any(Number) });
    expect(result.partialFingerprints['finlint/v1']).toMatch(/^[0-9a-f]{32}$/);
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('fin-transport-https-only');
    const waived = run.results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    expect(waived).toHaveLength(3);
    expect(waived.map((r: { suppressions: { kind: string }[] }) => r.suppressions[0].kind).sort()).toEqual(['external', 'inSource', 'inSource']);
    const external = waived.find((r: { suppressions: { kind: string }[] }) => r.suppressions[0].kind === 'external');
    expect(external.suppressions[0]).toMatchObject({ status: 'accepted', justification: expect.stringMatching(/^Legacy partner/), properties: { owner: 'payments-platform@bank.example', ticket: 'PAY-1234' } });
  });
  it('stays valid for a rule without a description, with odd file names, and with unreadable inputs', async () => {
    const r = await lint(
      [{ source: 'dir with space/api#1.yaml', content: 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\nservers: [{url: "http://x.example"}]\npaths: {}\n' }, 'missing.yaml'],
      {
        cwd: FIXTURES,
        ruleset: { rules: { 'no-http': { given: '$.servers[*].url', then: { function: () => [{ message: '' }] }, severity: 'warn' } } } as never,
      },
    );
    expect(r.findings).toHaveLength(1);
    expect(r.inputErrors).toHaveLength(1);
    const text = formatters.sarif(r, CTX);
    expect(sarifErrors(text)).toEqual([]);
    const run = JSON.parse(text).runs[0];
    expect(run.tool.driver.rules[0].shortDescription.text).toBe('no-http');
    expect(run.results[0].message.text).toBe('no-http');
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('dir%20with%20space/api%231.yaml');
    expect(run.invocations[0]).toMatchObject({ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error' }] });
  });
  it('is a valid empty log for a clean run', async () => {
    const r = await lint(['examples/payments-compliant.yaml'], { cwd: root, preset: 'recommended' });
    expect(sarifErrors(formatters.sarif(r, CTX))).toEqual([]);
  });
});

describe('junit', () => {
  it('passes a strict JUnit reading', () => {
    expect(junitProblems(formatters.junit(report, CTX))).toEqual([]);
  });
  it('has one test case per rule and file: failed with findings, skipped when all are waived, passed otherwise', () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => ['testsuite', 'testcase'].includes(n) }).parse(formatters.junit(report, CTX));
    const suites = doc.testsuites.testsuite as { '@name': string; testcase: { '@name': string; failure?: unknown; skipped?: unknown }[] }[];
    const swagger = suites.find((s) => s['@name'] === path.join('examples', 'swagger2-payments.yaml'))!;
    const byRule = Object.fromEntries(swagger.testcase.map((c) => [c['@name'], c]));
    expect(byRule['fin-transport-https-only'].failure).toBeDefined();
    expect(byRule['fin-auth-no-http-basic'].skipped).toBeDefined();
    expect(byRule['fin-auth-no-http-basic'].failure).toBeUndefined();
    expect(byRule['fin-transport-doc-links-https'].failure).toBeUndefined();
    const names = swagger.testcase.map((c) => c['@name']);
    expect(new Set(names).size).toBe(names.length);
  });
  it('escapes markup and control characters', async () => {
    const r = await lint([{ source: 'a&b<c>.yaml', content: 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n' }], {
      ruleset: { rules: { 'x-rule': { given: '$.info', then: { function: () => [{ message: 'bad "<tag>" & \u0001 \'q\'' }] }, severity: 'error' } } } as never,
    });
    const xml = formatters.junit(r, CTX);
    expect(junitProblems(xml)).toEqual([]);
    expect(xml).toContain('a&amp;b&lt;c&gt;.yaml');
    expect(xml).toContain('&quot;&lt;tag&gt;&quot; &amp; \uFFFD &apos;q&apos;');
  });
  it('reports an unreadable input as an error test case', async () => {
    const r = await lint(['missing.yaml'], { cwd: FIXTURES });
    expect(junitProblems(formatters.junit(r, CTX))).toEqual([]);
    expect(formatters.junit(r, CTX)).toContain('<error message="file not found" type="input">');
  });
});

describe('github', () => {
  it('writes one well-formed workflow command per finding, then a summary', () => {
    const lines = formatters.github(report, CTX).trimEnd().split('\n');
    const commands = lines.filter((l) => l.startsWith('::'));
    expect(commands).toHaveLength(report.findings.length);
    for (const c of commands) expect(c).toMatch(ANNOTATION);
    expect(commands.filter((c) => c.includes('(waived)'))).toHaveLength(3);
    expect(commands.every((c) => !c.includes('(waived)') || c.startsWith('::notice '))).toBe(true);
    expect(lines.at(-1)).toMatch(/^finlint: \d+ findings/);
  });
  it('escapes newlines, percent signs, colons and commas', async () => {
    const r = await lint([{ source: 'a,b:c.yaml', content: 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n' }], {
      ruleset: { rules: { 'x-rule': { given: '$.info', then: { function: () => [{ message: '100% bad\nsecond line' }] }, severity: 'warn' } } } as never,
    });
    const [line] = formatters.github(r, CTX).split('\n');
    expect(line).toMatch(/^::warning file=a%2Cb%3Ac\.yaml,line=2,/);
    expect(line).toContain('::100%25 bad%0Asecond line');
  });
});

describe('markdown', () => {
  it('has totals by severity and framework, top findings with doc links, and the waived findings', () => {
    const md = formatters.markdown(report, CTX);
    expect(md).toMatch(/^## finlint: \d+ findings in 4 files \(fails at error\)/);
    expect(md).toContain('### By framework');
    expect(md).toContain('| PCI DSS v4.0.1 |');
    expect(md).toContain('[`fin-transport-https-only`](https://github.com/finlint/finlint/blob/main/docs/rules/fin-transport-https-only.md)');
    expect(md).toContain('<summary>Waived findings (3)</summary>');
    for (const table of md.split('\n\n').filter((b) => b.startsWith('|'))) {
      const widths = table.split('\n').map((row) => row.replace(/\\\|/g, '').split('|').length);
      expect(new Set(widths).size, table).toBe(1);
    }
  });
  it('limits the top findings and says how many more there are', () => {
    const md = formatters.markdown(report, { ...CTX, top: 2 });
    expect(md).toMatch(/…and \d+ more/);
  });
});
