import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointerMatcher } from '../../src/engine/waivers.js';
import type { Finding } from '../../src/engine/types.js';
import { runCli } from '../cli/helpers.js';

const API = `openapi: 3.1.0
info: {title: Payments, version: "1.0.0"}
servers:
  - url: http://api.bank.example/v1
  - url: http://sandbox.bank.example/v1
security:
  - basic: []
paths: {}
components:
  securitySchemes:
    basic: {type: http, scheme: basic}
`;

const TODAY = new Date('2026-03-15T10:00:00Z');

function waiver(fields: Record<string, string>): string {
  const w = { rule: 'fin-auth-no-http-basic', file: 'api.yaml', pointer: '/components/securitySchemes/basic', reason: 'Gateway terminates Basic until the partner migrates.', owner: 'team-payments', ticket: 'PAY-1', expires: '2026-12-31', ...fields };
  return `  - ${Object.entries(w)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n    ')}\n`;
}

async function project(waivers: string, files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'finlint-waivers-'));
  await mkdir(path.join(dir, '.git'));
  await writeFile(path.join(dir, 'api.yaml'), API);
  await writeFile(path.join(dir, 'finlint.waivers.yaml'), waivers);
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  return dir;
}

async function lintJson(dir: string, args: string[] = [], now = TODAY): Promise<{ code: number; findings: Finding[]; stderr: string }> {
  const r = await runCli(['lint', 'api.yaml', '--format', 'json', ...args], { cwd: dir, now });
  return { code: r.code, findings: r.stdout ? (JSON.parse(r.stdout) as Finding[]) : [], stderr: r.stderr };
}

describe('waivers file', () => {
  it('waives a finding: reported as waived, not counted against the fail severity', async () => {
    const dir = await project(`waivers:\n${waiver({})}`);
    const r = await lintJson(dir, ['--fail-severity', 'warn']);
    const basic = r.findings.find((f) => f.code === 'fin-auth-no-http-basic')!;
    expect(basic.suppression).toEqual({
      kind: 'waiver',
      justification: 'Gateway terminates Basic until the partner migrates.',
      owner: 'team-payments',
      ticket: 'PAY-1',
      expires: '2026-12-31',
      location: 'finlint.waivers.yaml:2',
    });
    expect(r.code).toBe(1); // the two http servers are still errors
    const stylish = await runCli(['lint', 'api.yaml'], { cwd: dir, now: TODAY });
    expect(stylish.stdout).toContain('Waived (1)');
    expect(stylish.stdout).toContain('waived: Gateway terminates Basic until the partner migrates. (owner team-payments, ticket PAY-1, expires 2026-12-31)');
    expect(stylish.stdout).toMatch(/2 findings \(2 errors.*1 waived\)/);
  });
  it('with every finding waived, the run passes', async () => {
    const dir = await project(`waivers:\n${waiver({})}${waiver({ rule: 'fin-transport-https-only', pointer: '/servers/*/url' })}`);
    const r = await lintJson(dir);
    expect(r.findings.every((f) => f.suppression)).toBe(true);
    expect(r.code).toBe(0);
  });
  it('matches pointer globs: * one segment, ** any depth, and the node\'s subtree', async () => {
    const dir = await project(`waivers:\n${waiver({ rule: 'fin-transport-https-only', pointer: '/servers/1' })}${waiver({ pointer: '/components/**' })}`);
    const r = await lintJson(dir);
    expect(r.findings.filter((f) => f.suppression).map((f) => f.path)).toEqual([['servers', 1, 'url'], ['components', 'securitySchemes', 'basic', 'scheme']]);
    const m = pointerMatcher('/paths/*/post');
    expect(m(['paths', '/a', 'post', 'responses'])).toBe(true);
    expect(m(['paths', '/a', 'get'])).toBe(false);
    expect(pointerMatcher('/paths/~1payments*/**/x')(['paths', '/payments/{id}', 'get', 'a', 'x'])).toBe(true);
    expect(pointerMatcher('')(['anything'])).toBe(true);
  });
  it('an expired waiver stops waiving and is itself reported', async () => {
    const dir = await project(`waivers:\n${waiver({ expires: '2026-03-14' })}`);
    const r = await lintJson(dir);
    expect(r.findings.find((f) => f.code === 'fin-auth-no-http-basic')!.suppression).toBeUndefined();
    const expired = r.findings.find((f) => f.code === 'waiver-expired')!;
    expect(expired).toMatchObject({
      source: 'finlint.waivers.yaml',
      severity: 1,
      path: ['waivers', 0, 'expires'],
      range: { start: { line: 7 } },
      message:
        'Waiver for fin-auth-no-http-basic on api.yaml#/components/securitySchemes/basic expired on 2026-03-14 (owner team-payments, ticket PAY-1); the findings it covered count again.',
    });
    expect(r.code).toBe(1);
    // a waiver applies through its expiry day
    expect((await lintJson(dir, [], new Date('2026-03-14T23:00:00Z'))).findings.some((f) => f.code === 'waiver-expired')).toBe(false);
  });
  it('a waiver that matches nothing is reported as stale, and a typo in the rule id too', async () => {
    const dir = await project(`waivers:\n${waiver({ pointer: '/components/securitySchemes/oauth' })}${waiver({ rule: 'fin-auth-no-http-basik' })}`);
    const r = await lintJson(dir);
    const stale = r.findings.filter((f) => f.code === 'waiver-stale');
    expect(stale.map((f) => f.path)).toEqual([['waivers', 0], ['waivers', 1]]);
    expect(stale[0].message).toMatch(/matches no finding; delete it or correct its rule, file or pointer\.$/);
    expect(stale[1].message).toMatch(/names fin-auth-no-http-basik, which is not a rule/);
  });
  it('is not stale for files outside the run or rules that did not run', async () => {
    const dir = await project(`waivers:\n${waiver({ file: 'other/*.yaml' })}${waiver({ rule: 'fin-transport-doc-links-https', pointer: '/info' })}`);
    const r = await lintJson(dir);
    expect(r.findings.filter((f) => f.code.startsWith('waiver-'))).toEqual([]);
    expect((await lintJson(dir, ['--preset', 'all'])).findings.filter((f) => f.code === 'waiver-stale')).toHaveLength(1);
  });
  it('is found next to the configuration, named by it, or given with --waivers; --no-waivers turns it off', async () => {
    const dir = await project(`waivers:\n${waiver({})}`, { 'custom-waivers.yaml': `waivers:\n${waiver({ rule: 'fin-transport-https-only', pointer: '/servers' })}` });
    expect((await lintJson(dir)).findings.filter((f) => f.suppression).map((f) => f.code)).toEqual(['fin-auth-no-http-basic']);
    expect((await lintJson(dir, ['--waivers', 'custom-waivers.yaml'])).findings.filter((f) => f.suppression).map((f) => f.code)).toEqual([
      'fin-transport-https-only',
      'fin-transport-https-only',
    ]);
    expect((await lintJson(dir, ['--no-waivers'])).findings.filter((f) => f.suppression)).toEqual([]);
    await writeFile(path.join(dir, 'finlint.config.yaml'), 'waivers: custom-waivers.yaml\n');
    expect((await lintJson(dir)).findings.filter((f) => f.suppression)).toHaveLength(2);
  });
  const invalid: [string, string, RegExp][] = [
    ['a missing owner', `waivers:\n  - rule: r\n    file: api.yaml\n    pointer: /x\n    reason: Because of reasons.\n    expires: 2026-01-01\n`, /^finlint: finlint\.waivers\.yaml:2:5: waivers\[0\]: missing required key "owner"\n$/],
    ['a bad date', `waivers:\n${waiver({ expires: '31/12/2026' })}`, /finlint\.waivers\.yaml:8:14: waivers\[0\]\.expires: must be a date written YYYY-MM-DD/],
    ['an impossible date', `waivers:\n${waiver({ expires: '2026-02-30' })}`, /waivers\[0\]\.expires: 2026-02-30 is not a calendar date/],
    ['a misspelt key', `waivers:\n${waiver({}).replace('owner:', 'ownr:')}`, /waivers\[0\]\.ownr: unknown key \(did you mean owner\?\)/],
    ['a pointer that is not one', `waivers:\n${waiver({ pointer: 'components/x' })}`, /waivers\[0\]\.pointer: must be a JSON pointer/],
    ['a too short reason', `waivers:\n${waiver({ reason: 'tbd' })}`, /waivers\[0\]\.reason: must explain the exception/],
    ['no list', 'waiver: []\n', /waiver: unknown key \(did you mean waivers\?\)/],
  ];
  it.each(invalid)('rejects %s with the key and position, exit 2', async (_name, text, pattern) => {
    const dir = await project(text);
    const r = await runCli(['lint', 'api.yaml'], { cwd: dir, now: TODAY });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stdout).toBe('');
  });
});

describe('inline x-finlint-ignore', () => {
  const doc = (server: string, scheme = '') => `openapi: 3.1.0
info: {title: Payments, version: "1.0.0"}
servers:
  - url: http://sandbox.bank.example/v1
${server}security:
  - basic: []
paths: {}
components:
  securitySchemes:
    basic:
      type: http
      scheme: basic
${scheme}`;

  async function inline(text: string, args: string[] = []) {
    const dir = await project('waivers: []\n');
    await writeFile(path.join(dir, 'api.yaml'), text);
    return lintJson(dir, args);
  }

  it('suppresses the named rules at that node and below, with its reason as justification', async () => {
    const r = await inline(
      doc(
        '    x-finlint-ignore: [fin-transport-https-only]\n    x-finlint-ignore-reason: Synthetic data only, not reachable from outside.\n',
        '      x-finlint-ignore: fin-auth-no-http-basic\n      x-finlint-ignore-reason: Terminated at the gateway (PAY-7).\n',
      ),
    );
    expect(r.findings.map((f) => [f.code, f.suppression?.kind, f.suppression?.justification, f.suppression?.location])).toEqual([
      ['fin-transport-https-only', 'inline', 'Synthetic data only, not reachable from outside.', 'api.yaml#/servers/0'],
      ['fin-auth-no-http-basic', 'inline', 'Terminated at the gateway (PAY-7).', 'api.yaml#/components/securitySchemes/basic'],
    ]);
    expect(r.code).toBe(0);
  });
  it('an ignore on the root covers the whole document', async () => {
    const r = await inline(`x-finlint-ignore: [fin-transport-https-only, fin-auth-no-http-basic]\nx-finlint-ignore-reason: Archived contract kept for reference.\n${doc('')}`);
    expect(r.findings.every((f) => f.suppression?.kind === 'inline')).toBe(true);
  });
  it('does not suppress other rules or sibling nodes', async () => {
    const r = await inline(doc('    x-finlint-ignore: [fin-auth-no-http-basic]\n    x-finlint-ignore-reason: Wrong place for this ignore.\n'));
    expect(r.findings.find((f) => f.code === 'fin-transport-https-only')!.suppression).toBeUndefined();
    expect(r.findings.find((f) => f.code === 'fin-auth-no-http-basic')!.suppression).toBeUndefined();
    expect(r.findings.find((f) => f.code === 'waiver-stale')).toMatchObject({
      path: ['servers', 0, 'x-finlint-ignore'],
      message: 'x-finlint-ignore at /servers/0 names fin-auth-no-http-basic, which reports nothing here; remove it.',
    });
  });
  it('reports an ignore without reason, and a malformed one', async () => {
    const r = await inline(doc('    x-finlint-ignore: [fin-transport-https-only]\n', '      x-finlint-ignore: {rule: x}\n'));
    expect(r.findings.find((f) => f.code === 'fin-transport-https-only')!.suppression?.justification).toBe('no x-finlint-ignore-reason given');
    expect(r.findings.filter((f) => f.code === 'waiver-invalid').map((f) => f.message)).toEqual([
      'x-finlint-ignore at /servers/0 gives no x-finlint-ignore-reason; say why the exception is acceptable.',
      'x-finlint-ignore at /components/securitySchemes/basic must be a rule id or a list of rule ids.',
    ]);
  });
  it('--no-inline-ignores reports everything', async () => {
    const r = await inline(doc('    x-finlint-ignore: [fin-transport-https-only]\n    x-finlint-ignore-reason: Synthetic data only.\n'), ['--no-inline-ignores']);
    expect(r.findings.map((f) => f.code)).toEqual(['fin-transport-https-only', 'fin-auth-no-http-basic']);
    expect(r.findings.every((f) => !f.suppression)).toBe(true);
  });
});
