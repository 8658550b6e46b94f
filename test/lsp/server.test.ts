import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, FileChangeType, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { parse as parseYaml } from 'yaml';
import { loadWaivers } from '../../src/config/waivers.js';
import type { Finding } from '../../src/engine/types.js';
import { editorSeverity } from '../../src/lsp/diagnostics.js';
import { runCli } from '../cli/helpers.js';
import { TestClient, uriOf } from './client.js';

// The language server end to end: `finlint lsp --stdio` spawned as editors spawn it (from the sources through tsx,
// see client.ts), driven by a real LSP client over its stdin/stdout.

const FIXTURE = path.resolve(__dirname, '../fixtures/lsp/workspace');
const HTTPS = 'fin-transport-https-only';
const SLOW = 180_000;

async function workspace(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'finlint-lsp-'));
  await cp(FIXTURE, dir, { recursive: true });
  await mkdir(path.join(dir, '.git')); // the repository root: configuration discovery stops here, as in a checkout
  return dir;
}

/** What `finlint lint <file> --format json` prints, run from the workspace folder as CI would. */
async function cliFindings(ws: string, file: string): Promise<Finding[]> {
  const r = await runCli(['lint', file, '--format', 'json', '--fail-severity', 'none'], { cwd: ws });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Finding[];
}

const shape = (d: { code?: unknown; range: Diagnostic['range']; severity?: number }) =>
  `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity}`;

/** The diagnostics the editor must show for the findings CI reports in `source`. */
function expected(findings: Finding[], source: string, failSeverity: 'error' | 'warn' = 'error'): string[] {
  return findings
    .filter((f) => f.source === source)
    .map((f) => shape({ ...f, severity: editorSeverity(f, failSeverity) }))
    .sort();
}

const shapes = (ds: readonly Diagnostic[]) => ds.map(shape).sort();
/** A publication whose diagnostics are exactly these (other publications may still be on their way before it). */
const sameAs = (want: string[]) => (p: { diagnostics: Diagnostic[] }) => JSON.stringify(shapes(p.diagnostics)) === JSON.stringify(want);

describe('finlint lsp --stdio', () => {
  let ws: string;
  let client: TestClient;
  let api: string;
  let uri: string;
  let original: string;
  const https = () => client.latest(uri)?.find((d) => d.code === HTTPS);

  beforeAll(async () => {
    ws = await workspace();
    api = path.join(ws, 'api/openapi.yaml');
    const started = await TestClient.start({ folder: ws, settings: { debounceMs: 50 } });
    client = started.client;
    expect(started.init.capabilities).toMatchObject({
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'], resolveProvider: true },
      textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
    });
    expect(started.init.serverInfo?.name).toBe('finlint');
  }, SLOW);

  afterAll(() => client?.kill());

  it('asks the editor to watch the files a lint depends on', async () => {
    await client.waitFor('the watcher registration', () => (client.registrations.length > 0 ? true : undefined));
    expect(client.registrations).toMatchObject([{ method: 'workspace/didChangeWatchedFiles', registerOptions: { watchers: [{ globPattern: expect.stringContaining('yaml') }] } }]);
  });

  it('publishes on open exactly what finlint lint reports in CI', async () => {
    original = await readFile(api, 'utf8');
    uri = await client.open(api);
    const published = await client.diagnostics(uri);
    expect(published.version).toBe(1);
    const ci = await cliFindings(ws, 'api/openapi.yaml');
    expect(ci.some((f) => f.code === HTTPS)).toBe(true);
    expect(shapes(published.diagnostics)).toEqual(expected(ci, 'api/openapi.yaml'));
    const d = published.diagnostics.find((x) => x.code === HTTPS)!;
    expect(d).toMatchObject({
      severity: DiagnosticSeverity.Error,
      source: 'finlint',
      range: { start: { line: 5, character: 9 }, end: { line: 5, character: 35 } },
      codeDescription: { href: 'https://github.com/finlint/finlint/blob/main/docs/rules/fin-transport-https-only.md' },
    });
    expect(d.message).toBe(
      'Server URL "http://api.bank.example/v1" uses http://, not https://.\nControls: ' + ci.find((f) => f.code === HTTPS)!.controls.join(', '),
    );
    expect(d.message).toContain('pci-dss-4.0.1:4.2.1');
  }, SLOW);

  it('leaves YAML and JSON files that are not OpenAPI alone', async () => {
    const ci = await client.open(path.join(ws, '.github/workflows/ci.yml'));
    const pkg = await client.open(path.join(ws, 'package.json'), '{ "name": "cards", "version": "1.0.0" }', 'json');
    const after = client.published.length;
    await client.change(uri, original); // a round trip: the server has handled both opens when this is published
    await client.diagnostics(uri, (p) => p.version === 2, after);
    expect(client.published.filter((p) => p.uri === ci || p.uri === pkg)).toEqual([]);
    await client.close(ci);
    await client.close(pkg);
  }, SLOW);

  it('explains a finding on hover: why, how to fix, the controls, whether it fails the build', async () => {
    const hover = await client.hover(uri, 5, 15);
    const text = (hover?.contents as { value: string }).value;
    expect(text).toContain(`**[${HTTPS}](https://github.com/finlint/finlint/blob/main/docs/rules/${HTTPS}.md)** · error`);
    expect(text).toMatch(/\*\*Why\.\*\* Card numbers, account data/);
    expect(text).toContain('**How to fix.** Change the server URL');
    expect(text).toContain('- `pci-dss-4.0.1:4.2.1`: Strong cryptography');
    expect(text).toContain('Fails the build');
    expect(await client.hover(uri, 0, 0)).toBeNull();
  }, SLOW);

  it('re-lints on change: the quick fix (http -> https) removes the finding, undoing it brings it back', async () => {
    const d = https()!;
    const actions = await client.codeActions(uri, d);
    expect(actions.map((a) => a.title)).toEqual([
      'Use https:// instead of http://',
      `Ignore ${HTTPS} here: add x-finlint-ignore to the enclosing object (fill in the reason)`,
      `Waive ${HTTPS} at /servers/0/url in finlint.waivers.yaml (fill in reason, owner, expiry)`,
    ]);
    expect(actions[0]).toMatchObject({ kind: 'quickfix', isPreferred: true, diagnostics: [{ code: HTTPS }] });
    let after = client.published.length;
    await client.applyEdit(actions[0].edit!);
    expect(client.text(uri)).toContain('  - url: https://api.bank.example/v1\n');
    const fixed = await client.diagnostics(uri, (p) => p.version === client.version(uri), after);
    expect(fixed.diagnostics.map((x) => x.code)).not.toContain(HTTPS);
    expect(shapes(fixed.diagnostics)).toEqual(shapes(client.published.find((p) => p.uri === uri)!.diagnostics.filter((x) => x.code !== HTTPS)));
    after = client.published.length;
    await client.change(uri, original);
    const back = await client.diagnostics(uri, (p) => p.version === client.version(uri), after);
    expect(back.diagnostics.map((x) => x.code)).toContain(HTTPS);
  }, SLOW);

  it('adds x-finlint-ignore on the node (resolved lazily), after which the finding shows as waived', async () => {
    const actions = await client.codeActions(uri, https()!);
    const ignore = actions.find((a) => a.title.startsWith('Ignore'))!;
    expect(ignore.edit).toBeUndefined(); // computed on resolve, in a worker
    const resolved = await client.resolve(ignore);
    const after = client.published.length;
    await client.applyEdit(resolved.edit!);
    expect(parseYaml(client.text(uri)).servers[0]).toMatchObject({ 'x-finlint-ignore': [HTTPS], 'x-finlint-ignore-reason': expect.stringMatching(/^TODO/) });
    const waived = await client.diagnostics(uri, (p) => p.version === client.version(uri), after);
    const d = waived.diagnostics.find((x) => x.code === HTTPS)!;
    expect(d.severity).toBe(DiagnosticSeverity.Hint);
    expect(d.message).toContain('Waived (x-finlint-ignore): TODO');
    const back = client.published.length;
    await client.change(uri, original);
    await client.diagnostics(uri, (p) => p.version === client.version(uri) && p.diagnostics.some((x) => x.code === HTTPS && x.severity === DiagnosticSeverity.Error), back);
  }, SLOW);

  it('re-lints every open document when the configuration or the settings change', async () => {
    const config = path.join(ws, 'finlint.config.yaml');
    const before = await readFile(config, 'utf8');
    let after = client.published.length;
    await client.writeFile(config, `${before}rules:\n  ${HTTPS}: warn\n`);
    const warned = expected(await cliFindings(ws, 'api/openapi.yaml'), 'api/openapi.yaml');
    expect(warned).toContain(`${HTTPS} 5:9-5:35 ${DiagnosticSeverity.Warning}`);
    await client.diagnostics(uri, sameAs(warned), after);

    after = client.published.length;
    await client.setSettings({ debounceMs: 50, failSeverity: 'warn' }); // like --fail-severity warn: warn findings fail the build
    const failing = expected(await cliFindings(ws, 'api/openapi.yaml'), 'api/openapi.yaml', 'warn');
    expect(failing).toContain(`${HTTPS} 5:9-5:35 ${DiagnosticSeverity.Error}`);
    await client.diagnostics(uri, sameAs(failing), after);

    after = client.published.length;
    await client.setSettings({ debounceMs: 50 });
    await client.writeFile(config, before);
    await client.diagnostics(uri, (p) => p.diagnostics.some((x) => x.code === HTTPS && x.severity === DiagnosticSeverity.Error) && p.diagnostics.some((x) => x.severity === DiagnosticSeverity.Warning), after);
  }, SLOW);

  it('re-lints when a file the document $refs changes, and shows the findings in that file', async () => {
    const card = path.join(ws, 'api/schemas/card.yaml');
    const cardUri = uriOf(card);
    const after = client.published.length;
    const before = await cliFindings(ws, 'api/openapi.yaml');
    await client.writeFile(card, `${await readFile(card, 'utf8')}  pan:\n    type: string\n    description: The card number.\n`);
    const ci = await cliFindings(ws, 'api/openapi.yaml');
    const inCard = expected(ci, 'api/schemas/card.yaml');
    expect(inCard.length).toBeGreaterThan(expected(before, 'api/schemas/card.yaml').length); // the edit added a finding there
    // the diagnostics of the referenced file become what CI reports in it
    await client.diagnostics(cardUri, (p) => JSON.stringify(shapes(p.diagnostics)) === JSON.stringify(inCard), after);
  }, SLOW);

  it('writes a waiver to the waivers file, shows it, and the finding is then waived as in CI', async () => {
    const actions = await client.codeActions(uri, https()!);
    const waive = actions.find((a) => a.title.startsWith('Waive')) as CodeAction;
    const { written } = await client.applyEdit(waive.edit!);
    const waiversFile = path.join(ws, 'finlint.waivers.yaml');
    expect(written).toEqual([waiversFile]);
    const set = await loadWaivers(waiversFile);
    const expires = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    expect(set.waivers).toEqual([
      {
        rule: HTTPS,
        file: 'api/openapi.yaml',
        pointer: '/servers/0/url',
        reason: 'TODO: why this exception is acceptable, and what mitigates the risk',
        owner: 'TODO: accountable team or person',
        expires: expect.stringMatching(new RegExp(`^${expires.slice(0, 8)}`)),
      },
    ]);

    await client.executeCommand(waive.command!.command, waive.command!.arguments!);
    const reasonLine = (await readFile(waiversFile, 'utf8')).split('\n').findIndex((l) => l.includes('reason: "TODO'));
    expect(client.shown).toEqual([{ uri: uriOf(waiversFile), takeFocus: true, selection: { start: { line: reasonLine, character: 0 }, end: { line: reasonLine, character: 0 } } }]);

    const entryLine = (await readFile(waiversFile, 'utf8')).split('\n').findIndex((l) => l.includes('- rule:'));
    const after = client.published.length;
    await client.fileEvents([{ file: waiversFile, type: FileChangeType.Created }]);
    const ci = await cliFindings(ws, 'api/openapi.yaml');
    expect(ci.find((f) => f.code === HTTPS)?.suppression).toMatchObject({ kind: 'waiver', location: `finlint.waivers.yaml:${entryLine + 1}` });
    const waived = await client.diagnostics(uri, sameAs(expected(ci, 'api/openapi.yaml')), after);
    const d = waived.diagnostics.find((x) => x.code === HTTPS)!;
    expect(d.message).toContain(`Waived (finlint.waivers.yaml:${entryLine + 1}, owner TODO: accountable team or person`);
    expect(d.relatedInformation?.[0].location).toMatchObject({ uri: uriOf(waiversFile), range: { start: { line: entryLine } } });
  }, SLOW);

  it('clears the diagnostics of a closed document and of the files only it had $ref-ed', async () => {
    const cardUri = uriOf(path.join(ws, 'api/schemas/card.yaml'));
    const after = client.published.length;
    await client.close(uri);
    await client.diagnostics(uri, (p) => p.diagnostics.length === 0, after);
    await client.diagnostics(cardUri, (p) => p.diagnostics.length === 0, after);
  }, SLOW);

  it('shuts down and exits with code 0', async () => {
    expect(await client.stop()).toBe(0);
  }, SLOW);
});

describe('finlint lsp never blocks the editor', () => {
  let client: TestClient | undefined;
  afterAll(() => client?.kill());

  it('lints off the main loop, and a newer edit cancels the older lint', async () => {
    const ws = await mkdtemp(path.join(tmpdir(), 'finlint-lsp-big-'));
    await mkdir(path.join(ws, '.git'));
    // ~1.5 MB of JSON: long enough to lint that the edit below arrives while the first lint runs
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 1500; i++) {
      paths[`/accounts/${i}/payments/{paymentId}`] = {
        get: {
          operationId: `getPayment${i}`,
          description: 'Reads one payment of the account, with its amount, currency, creditor, debtor and status. '.repeat(4),
          parameters: [{ name: 'paymentId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '200': { description: 'The payment', content: { 'application/json': { schema: { type: 'object', properties: { amount: { type: 'string', maxLength: 20 } } } } } } },
        },
      };
    }
    const doc = { openapi: '3.1.0', info: { title: 'Big', version: '1' }, servers: [{ url: 'http://api.bank.example' }], paths };
    const text = JSON.stringify(doc, null, 2);
    expect(text.length).toBeGreaterThan(1_000_000);
    const file = path.join(ws, 'big.json');
    await writeFile(file, text);
    ({ client } = await TestClient.start({ folder: ws, settings: { debounceMs: 0 } }));
    const uri = await client.open(file, text);
    const edited = text.replace('http://api.bank.example', 'http://api2.bank.example');
    await client.change(uri, edited); // before the first lint can have finished
    const sent = Date.now();
    const hover = await client.hover(uri, 0, 0);
    const hoverMs = Date.now() - sent;
    expect(hover).toBeNull();
    const published = await client.diagnostics(uri);
    const publishedMs = Date.now() - sent;
    // The hover was answered while the lint was still running: the lint is not on the main loop.
    expect(hoverMs).toBeLessThan(publishedMs);
    // Only the latest version was ever published, and the first lint never finished: it was stopped.
    expect(published.version).toBe(2);
    expect(published.diagnostics.find((d) => d.code === HTTPS)?.message).toContain('api2.bank.example');
    await client.waitFor('the lint log', () => client!.logs.find((l) => l.includes('linted big.json v2')));
    expect(client.logs.filter((l) => l.includes('linted big.json v1'))).toEqual([]);
    expect(client.published.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([2]);
    expect(await client.stop()).toBe(0);
  }, SLOW);
});
