import { mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { waiversTemplate } from '../../src/cli/init.js';
import { loadWaivers } from '../../src/config/waivers.js';
import { lint } from '../../src/engine/lint.js';
import type { Finding } from '../../src/engine/types.js';
import { looksLikeOpenApi } from '../../src/lsp/detect.js';
import { editorSeverity, toDiagnostic } from '../../src/lsp/diagnostics.js';
import { ignoreEdit, ignoreTarget, IGNORE_REASON_PLACEHOLDER } from '../../src/lsp/ignoreEdit.js';
import { quickFix } from '../../src/lsp/quickFix.js';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../src/lsp/settings.js';
import { newWaiver, waiverEdit, WAIVER_DAYS } from '../../src/lsp/waiverEdit.js';

function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const doc = TextDocument.create('file:///t', 'yaml', 0, text);
  return TextDocument.applyEdits(doc, edits);
}

const HTTPS = 'fin-transport-https-only';

const yamlDoc = `openapi: 3.1.0
info:
  title: t
  version: '1'
servers:
  - url: http://api.bank.example/v1
    description: Production
paths: {}
`;

async function lintText(text: string, name: string) {
  const report = await lint([{ source: name, content: text }], { preset: 'all', cwd: tmpdir() });
  expect(report.inputErrors).toEqual([]);
  return report.findings;
}

describe('where an x-finlint-ignore goes', () => {
  const doc = {
    openapi: '3.1.0',
    servers: [{ url: 'http://a' }],
    security: [{ oauth: ['write'] }],
    paths: { '/a': { post: { security: [{ basic: [] }], responses: { '200': { description: 'ok' } } } } },
    components: {
      schemas: { Card: { type: 'object', properties: { pan: { type: 'string' } }, example: { pan: { nested: 1 } } } },
      securitySchemes: { oauth: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'http://x', scopes: { write: 'w' } } } } },
      examples: { card: { value: { pan: { n: 1 } } } },
      responses: { NotFound: { description: 'nf' } },
    },
  };
  it.each([
    [['servers', 0, 'url'], ['servers', 0]],
    [['components', 'schemas', 'Card', 'properties', 'pan'], ['components', 'schemas', 'Card', 'properties', 'pan']],
    [['components', 'schemas', 'Card', 'properties'], ['components', 'schemas', 'Card']],
    [['components', 'schemas', 'Card', 'example', 'pan', 'nested'], ['components', 'schemas', 'Card']],
    [['security', 0, 'oauth'], []],
    [['paths', '/a', 'post', 'security', 0, 'basic'], ['paths', '/a', 'post']],
    [['paths', '/a', 'post', 'responses', '200'], ['paths', '/a', 'post', 'responses', '200']],
    [['components', 'securitySchemes', 'oauth', 'flows', 'implicit', 'scopes', 'write'], ['components', 'securitySchemes', 'oauth', 'flows', 'implicit']],
    [['components', 'securitySchemes'], ['components']],
    [['components', 'examples', 'card', 'value', 'pan'], ['components', 'examples', 'card']],
    [['components', 'responses', 'NotFound'], ['components', 'responses', 'NotFound']],
  ] as [(string | number)[], (string | number)[]][])('finding at %j -> object %j', (findingPath, target) => {
    expect(ignoreTarget(doc, findingPath)).toEqual(target);
  });
  it('puts it on the root for an OAS 2.0 schemes entry (a list of strings)', () => {
    expect(ignoreTarget({ swagger: '2.0', schemes: ['http'] }, ['schemes', 0])).toEqual([]);
  });
});

describe('the x-finlint-ignore edit', () => {
  it('adds the ignore and a reason to fill in on the server of a YAML sequence item, and the lint then honours it', async () => {
    const before = await lintText(yamlDoc, 'api.yaml');
    const finding = before.find((f) => f.code === HTTPS)!;
    const result = ignoreEdit(yamlDoc, 'api.yaml', finding.path, HTTPS)!;
    expect(result.pointer).toBe('/servers/0');
    const after = applyEdits(yamlDoc, result.edits);
    expect(after).toContain(
      `  - x-finlint-ignore: [${HTTPS}]\n    x-finlint-ignore-reason: "${IGNORE_REASON_PLACEHOLDER}"\n    url: http://api.bank.example/v1\n`,
    );
    const findings = await lintText(after, 'api.yaml');
    const again = findings.find((f) => f.code === HTTPS)!;
    expect(again.suppression).toMatchObject({ kind: 'inline', justification: IGNORE_REASON_PLACEHOLDER, location: 'api.yaml#/servers/0' });
    expect(findings.filter((f) => f.code.startsWith('waiver-'))).toEqual([]);
  });

  it('writes into a YAML flow mapping', () => {
    const text = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\nservers: [{url: "http://a.example"}]\npaths: {}\n';
    const after = applyEdits(text, ignoreEdit(text, 'a.yaml', ['servers', 0, 'url'], HTTPS)!.edits);
    expect(parseYaml(after).servers[0]).toEqual({ 'x-finlint-ignore': [HTTPS], 'x-finlint-ignore-reason': IGNORE_REASON_PLACEHOLDER, url: 'http://a.example' });
  });

  it('adds the rule to an existing ignore (flow list, block list or single id) and the reason only when missing', () => {
    const flow = yamlDoc.replace('    description: Production\n', '    description: Production\n    x-finlint-ignore: [fin-other]\n');
    expect(parseYaml(applyEdits(flow, ignoreEdit(flow, 'a.yaml', ['servers', 0, 'url'], HTTPS)!.edits)).servers[0]).toMatchObject({
      'x-finlint-ignore': ['fin-other', HTTPS],
      'x-finlint-ignore-reason': IGNORE_REASON_PLACEHOLDER,
    });
    const block = yamlDoc.replace('    description: Production\n', '    x-finlint-ignore:\n      - fin-other\n    x-finlint-ignore-reason: Sandbox only.\n    description: Production\n');
    expect(parseYaml(applyEdits(block, ignoreEdit(block, 'a.yaml', ['servers', 0, 'url'], HTTPS)!.edits)).servers[0]).toMatchObject({
      'x-finlint-ignore': ['fin-other', HTTPS],
      'x-finlint-ignore-reason': 'Sandbox only.',
    });
    const single = yamlDoc.replace('    description: Production\n', '    x-finlint-ignore: fin-other\n');
    expect(parseYaml(applyEdits(single, ignoreEdit(single, 'a.yaml', ['servers', 0, 'url'], HTTPS)!.edits)).servers[0]['x-finlint-ignore']).toEqual(['fin-other', HTTPS]);
  });

  it('edits pretty-printed and minified JSON, keeping the layout', async () => {
    const data = { openapi: '3.1.0', info: { title: 't', version: '1' }, servers: [{ url: 'http://api.bank.example/v1' }], paths: {} };
    const pretty = `${JSON.stringify(data, null, 2)}\n`;
    const after = applyEdits(pretty, ignoreEdit(pretty, 'a.json', ['servers', 0, 'url'], HTTPS)!.edits);
    expect(after).toContain(`    {\n      "x-finlint-ignore": ["${HTTPS}"],\n      "x-finlint-ignore-reason": "${IGNORE_REASON_PLACEHOLDER}",\n      "url"`);
    expect(JSON.parse(after).servers[0]['x-finlint-ignore']).toEqual([HTTPS]);
    expect((await lintText(after, 'a.json')).find((f) => f.code === HTTPS)?.suppression?.kind).toBe('inline');
    const minified = JSON.stringify(data);
    expect(JSON.parse(applyEdits(minified, ignoreEdit(minified, 'a.json', ['servers', 0, 'url'], HTTPS)!.edits)).servers[0]).toEqual({
      'x-finlint-ignore': [HTTPS],
      'x-finlint-ignore-reason': IGNORE_REASON_PLACEHOLDER,
      url: 'http://api.bank.example/v1',
    });
    const existing = JSON.stringify({ ...data, servers: [{ url: 'http://a', 'x-finlint-ignore': ['fin-other'] }] }, null, 2);
    expect(JSON.parse(applyEdits(existing, ignoreEdit(existing, 'a.json', ['servers', 0, 'url'], HTTPS)!.edits)).servers[0]).toMatchObject({
      'x-finlint-ignore': ['fin-other', HTTPS],
      'x-finlint-ignore-reason': IGNORE_REASON_PLACEHOLDER,
    });
  });

  it('offers nothing for an object reached through a YAML alias (the edit would change every use of the anchor)', () => {
    const text = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\nx-servers:\n  - &prod\n    url: http://a.example\nservers:\n  - *prod\npaths: {}\n';
    expect(ignoreEdit(text, 'a.yaml', ['servers', 0, 'url'], HTTPS)).toBeUndefined();
  });
});

describe('the waiver edit', () => {
  const today = new Date('2026-03-01T10:00:00Z');
  const waiver = (waiversFile: string) => newWaiver(HTTPS, path.join(path.dirname(waiversFile), 'api', 'openapi.yaml'), ['servers', 0, 'url'], waiversFile, today);

  async function check(text: string | undefined): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'finlint-waiver-'));
    const file = path.join(dir, 'finlint.waivers.yaml');
    const w = waiver(file);
    const edit = waiverEdit(text, w)!;
    expect(edit.create).toBe(text === undefined);
    const after = (text ?? '').slice(0, edit.start) + edit.newText + (text ?? '').slice(edit.end);
    await writeFile(file, after);
    const set = await loadWaivers(file);
    expect(set.waivers.at(-1)).toEqual({
      rule: HTTPS,
      file: 'api/openapi.yaml',
      pointer: '/servers/0/url',
      reason: w.reason,
      owner: w.owner,
      expires: '2026-05-30',
    });
    expect(after.split('\n')[edit.reasonLine]).toMatch(/reason: "TODO/);
    return after;
  }

  it(`creates the file, expiring ${WAIVER_DAYS} days from today`, async () => {
    const after = await check(undefined);
    expect(after).toMatch(/^# Accepted exceptions/);
  });
  it('fills the empty list of the file finlint init writes, keeping its comments', async () => {
    const after = await check(waiversTemplate());
    expect(after).toContain('waivers:\n  - rule: fin-transport-https-only\n');
    expect(after).toContain('#   - rule: fin-auth-no-http-basic');
  });
  it('appends to a block list with its indentation, before trailing comments', async () => {
    const text = `waivers:\n- rule: fin-auth-no-http-basic\n  file: legacy.yaml\n  pointer: /securityDefinitions/basic\n  reason: Partner integration until the migration.\n  owner: payments\n  expires: 2026-06-30\n# the end\n`;
    const after = await check(text);
    expect(after).toContain('  expires: 2026-06-30\n- rule: fin-transport-https-only\n  file: api/openapi.yaml\n');
    expect(after.endsWith('# the end\n')).toBe(true);
  });
  it('handles `waivers:` with no value, a flow list and a file without the key', async () => {
    await check('waivers:\n');
    await check('waivers: [{rule: fin-auth-no-http-basic, file: a.yaml, pointer: /a, reason: Partner integration until then., owner: x, expires: 2026-06-30}]\n');
    await check('# nothing yet\n');
  });
});

describe('diagnostics', () => {
  const finding: Finding = {
    code: HTTPS,
    message: 'Server URL "http://a" uses http://, not https://.',
    severity: 1,
    path: ['servers', 0, 'url'],
    range: { start: { line: 5, character: 9 }, end: { line: 5, character: 17 } },
    source: 'api.yaml',
    controls: ['pci-dss-4.0.1:4.2.1', 'gdpr:art-32-1-a'],
    documentationUrl: 'https://example.test/docs/fin-transport-https-only.md',
    howToFix: 'Use https.',
    fingerprint: 'abc',
  };
  it('are errors exactly when CI would fail on them', () => {
    expect(editorSeverity(finding, 'error')).toBe(DiagnosticSeverity.Warning);
    expect(editorSeverity(finding, 'warn')).toBe(DiagnosticSeverity.Error);
    expect(editorSeverity({ ...finding, severity: 0 }, 'none')).toBe(DiagnosticSeverity.Warning);
    expect(editorSeverity({ ...finding, severity: 2 }, 'error')).toBe(DiagnosticSeverity.Information);
    expect(editorSeverity({ ...finding, severity: 3 }, 'hint')).toBe(DiagnosticSeverity.Error);
    expect(editorSeverity({ ...finding, severity: 0, suppression: { kind: 'waiver', justification: 'j', location: 'w.yaml:3' } }, 'error')).toBe(DiagnosticSeverity.Hint);
  });
  it('carry the rule id, its docs page, the controls and the waiver', () => {
    const d = toDiagnostic({ ...finding, suppression: { kind: 'waiver', justification: 'Sandbox.', owner: 'team', expires: '2026-06-30', location: 'finlint.waivers.yaml:3' } }, 'error', (f) => `file:///ws/${f}`);
    expect(d).toMatchObject({
      code: HTTPS,
      codeDescription: { href: finding.documentationUrl },
      source: 'finlint',
      severity: DiagnosticSeverity.Hint,
      message: `${finding.message}\nControls: pci-dss-4.0.1:4.2.1, gdpr:art-32-1-a\nWaived (finlint.waivers.yaml:3, owner team, until 2026-06-30): Sandbox.`,
      relatedInformation: [{ location: { uri: 'file:///ws/finlint.waivers.yaml', range: { start: { line: 2, character: 0 } } } }],
    });
    const stale = toDiagnostic({ ...finding, code: 'waiver-stale', controls: [], path: ['servers', 0, 'x-finlint-ignore'] }, 'error');
    expect(stale.tags).toEqual([DiagnosticTag.Unnecessary]);
  });
});

describe('the quick fix', () => {
  const at = (text: string, needle: string, code = HTTPS) => {
    const doc = TextDocument.create('file:///a.yaml', 'yaml', 1, text);
    const start = text.indexOf(needle);
    const f = { code, range: { start: doc.positionAt(start), end: doc.positionAt(start + needle.length) } } as Finding;
    const fix = quickFix(f, doc);
    return fix && { title: fix.title, result: TextDocument.applyEdits(doc, [fix.edit]) };
  };
  it('replaces a cleartext scheme in a URL, quoted or not', () => {
    expect(at('url: http://a.example/v1\n', 'http://a.example/v1')).toEqual({ title: 'Use https:// instead of http://', result: 'url: https://a.example/v1\n' });
    expect(at('{"url": "ws://a.example"}', '"ws://a.example"')?.result).toBe('{"url": "wss://a.example"}');
    expect(at('url: HTTP://a.example\n', 'HTTP://a.example')?.result).toBe('url: https://a.example\n');
  });
  it('offers nothing where the fix needs a decision', () => {
    expect(at('schemes: [http]\n', 'http')).toBeUndefined();
    expect(at('url: ftp://a.example\n', 'ftp://a.example')).toBeUndefined();
    expect(at('url: http://a.example\n', 'http://a.example', 'fin-pci-pan-input-constrained')).toBeUndefined();
  });
});

describe('which documents are linted', () => {
  it.each([
    ['openapi: 3.1.0\ninfo: {}\n', true],
    ['swagger: "2.0"\n', true],
    ['{\n  "openapi": "3.0.3"\n}', true],
    [`{"paths":{${'"/a":{},'.repeat(20_000)}"/z":{}},"openapi":"3.1.0"}`, true],
    ['name: ci\non: [push]\njobs: {}\n', false],
    ['{"name": "pkg", "version": "1.0.0"}', false],
    ['type: object\nproperties:\n  openapi_version: {type: string}\n', false],
  ])('%#', (text, expected) => expect(looksLikeOpenApi(text)).toBe(expected));
});

describe('settings', () => {
  it('fall back to the defaults for missing or wrong values', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ failSeverity: 'fatal', debounceMs: -1, configPath: 3 })).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ failSeverity: 'warn', debounceMs: 0, configPath: ' ci/finlint.config.yaml ' })).toMatchObject({
      failSeverity: 'warn',
      debounceMs: 0,
      configPath: 'ci/finlint.config.yaml',
    });
  });
  it('are the ones the VS Code extension declares, with the same defaults', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../editors/vscode/package.json'), 'utf8'));
    const props = pkg.contributes.configuration.properties as Record<string, { default: unknown }>;
    const serverSide = Object.fromEntries(
      Object.entries(props)
        .filter(([k]) => !['finlint.serverPath', 'finlint.trace.server'].includes(k))
        .map(([k, v]) => [k.replace(/^finlint\./, ''), v.default]),
    );
    expect(serverSide).toEqual({ ...DEFAULT_SETTINGS });
  });
});
