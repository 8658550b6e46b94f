import { describe, expect, it } from 'vitest';
import { rulesById } from '../../rulesets/registry.js';
import type { Finding, Report, RuleInfo, SeverityNumber, Suppression } from '../../src/engine/types.js';
import { excerpt, splitLines } from '../../src/report/excerpt.js';
import { whySection } from '../../src/report/inputs.js';
import { buildComplianceModel, detectOasVersion, type ComplianceModel, type ReportControl } from '../../src/report/model.js';

const NOW = new Date('2026-06-01T12:00:00Z');

function finding(code: string, source: string, controls: string[], opts: { severity?: SeverityNumber; line?: number; suppression?: Suppression; path?: (string | number)[] } = {}): Finding {
  const line = opts.line ?? 3;
  return {
    code,
    message: `${code} says no.`,
    severity: opts.severity ?? 0,
    path: opts.path ?? ['info'],
    range: { start: { line, character: 2 }, end: { line, character: 10 } },
    source,
    controls,
    documentationUrl: `https://example.test/${code}`,
    howToFix: 'Fix it.',
    fingerprint: `${code}-${source}-${line}`,
    ...(opts.suppression ? { suppression: opts.suppression } : {}),
  };
}

function rule(id: string, controls: string[], severity: SeverityNumber = 0): RuleInfo {
  return { id, description: `${id} checks something.`, severity, documentationUrl: `https://example.test/${id}`, controls, howToFix: 'Fix it.' };
}

function report(files: string[], findings: Finding[], rules: RuleInfo[]): Report {
  return { findings, inputErrors: [], files, preset: 'custom', rules: rules.length, ruleInfo: Object.fromEntries(rules.map((r) => [r.id, r])) };
}

function control(model: ComplianceModel, id: string): ReportControl {
  const c = model.frameworks.flatMap((f) => f.controls).find((x) => x.id === id);
  if (!c) throw new Error(`no control ${id} in the model`);
  return c;
}

const TLS = 'pci-dss-4.0.1:4.2.1';
const AUTH = 'pci-dss-4.0.1:8.3.1';
const API2 = 'owasp-api-2023:API2';
const WAIVER: Suppression = { kind: 'waiver', justification: 'Accepted until the migration.', owner: 'team@bank.example', ticket: 'SEC-1', expires: '2026-12-31', location: 'finlint.waivers.yaml:2' };

describe('per-control status across documents', () => {
  // Three documents: a.yaml fails TLS, b.yaml has TLS waived, c.yaml is clean. x-tls checks TLS, x-auth checks AUTH.
  const r = report(
    ['a.yaml', 'b.yaml', 'c.yaml'],
    [
      finding('x-tls', 'a.yaml', [TLS, API2], { severity: 1 }),
      finding('x-tls', 'a.yaml', [TLS, API2], { severity: 1, line: 9, suppression: WAIVER }),
      finding('x-tls', 'b.yaml', [TLS, API2], { suppression: WAIVER }),
    ],
    [rule('x-tls', [TLS, API2], 1), rule('x-auth', [AUTH])],
  );
  const model = buildComplianceModel(r, {}, { now: NOW });

  it('is failed where an open finding cites it, waived where all its findings are waived, passed where its rule ran clean', () => {
    const tls = control(model, TLS);
    expect(tls.documents).toEqual(['failed', 'waived', 'passed']);
    expect(tls.counts).toEqual({ failed: 1, waived: 1, passed: 1, na: 0 });
    expect(tls.status).toBe('failed');
    expect(tls.open).toBe(1);
    expect(tls.waived).toBe(2);
    expect(tls.worst).toBe(1);
    expect(tls.findings).toEqual([0, 1, 2]);
    expect(tls.activeRules).toEqual(['x-tls']);
  });
  it('is passed everywhere when an active rule provides evidence and reports nothing', () => {
    const auth = control(model, AUTH);
    expect(auth.documents).toEqual(['passed', 'passed', 'passed']);
    expect(auth.status).toBe('passed');
    expect(auth.findings).toEqual([]);
    expect(auth.worst).toBeUndefined();
  });
  it('is not applicable when no rule of the run provides evidence, and names the finlint rules that would', () => {
    const c = control(model, 'pci-dss-4.0.1:8.3.6');
    expect(c.documents).toEqual(['na', 'na', 'na']);
    expect(c.status).toBe('na');
    expect(c.activeRules).toEqual([]);
    const finlintRules = [...rulesById.values()].filter((x) => x.definition.extensions.controls.includes('pci-dss-4.0.1:8.3.6')).map((x) => x.id);
    expect(c.rules).toEqual(finlintRules);
  });
  it('counts controls per framework by overall status, over the whole vocabulary of the framework', () => {
    const pci = model.frameworks.find((f) => f.id === 'pci-dss-4.0.1')!;
    expect(pci.counts.failed).toBe(1);
    expect(pci.counts.passed).toBe(1);
    expect(pci.counts.waived).toBe(0);
    expect(pci.counts.na).toBe(pci.controls.length - 2);
    expect(pci.controls[0].id).toBe('pci-dss-4.0.1:2.2.7');
    const owasp = model.frameworks.find((f) => f.id === 'owasp-api-2023')!;
    expect(control(model, API2).documents).toEqual(['failed', 'waived', 'passed']);
    expect(owasp.controls.map((c) => c.clause)).toEqual(['API1', 'API2', 'API3', 'API4', 'API5', 'API6', 'API7', 'API8', 'API9', 'API10']);
  });
  it('lists PCI DSS, GDPR and OWASP always, and other frameworks only when a rule of the run cites them', () => {
    expect(model.frameworks.map((f) => f.id)).toEqual(['pci-dss-4.0.1', 'gdpr', 'owasp-api-2023']);
    const withFapi = buildComplianceModel(report(['a.yaml'], [], [rule('x-fapi', ['fapi-2.0:5.2.1'])]), {}, { now: NOW });
    expect(withFapi.frameworks.map((f) => f.id)).toEqual(['pci-dss-4.0.1', 'gdpr', 'owasp-api-2023', 'fapi-2.0']);
    expect(control(withFapi, 'fapi-2.0:5.2.1').status).toBe('passed');
  });
  it('lists the not statically checkable requirements of each framework', () => {
    const pci = model.frameworks.find((f) => f.id === 'pci-dss-4.0.1')!;
    expect(pci.notCheckable.map((n) => n.clauses)).toContain('3.6–3.7');
    expect(model.frameworks.find((f) => f.id === 'gdpr')!.notCheckable.map((n) => n.clauses)).toContain('Art. 35');
  });
  it('totals open findings by severity and waived findings like the JSON output', () => {
    expect(model.totals).toEqual({ open: [0, 1, 0, 0], waived: 2, findings: 3 });
    expect(model.documents.map((d) => [d.source, d.open, d.waived, d.findings])).toEqual([
      ['a.yaml', [0, 1, 0, 0], 1, [0, 1]],
      ['b.yaml', [0, 0, 0, 0], 1, [2]],
      ['c.yaml', [0, 0, 0, 0], 0, []],
    ]);
  });
});

describe('what a document ran', () => {
  it('uses the rules each document ran (its configuration), not the union of the run', () => {
    const r = report(['a.yaml', 'b.yaml'], [], [rule('x-auth', [AUTH])]);
    const model = buildComplianceModel(r, { rulesByDocument: { 'a.yaml': ['x-auth'], 'b.yaml': [] } }, { now: NOW });
    expect(control(model, AUTH).documents).toEqual(['passed', 'na']);
  });
  it('is not applicable where the only evidence rule does not inspect the document\u2019s OAS version', () => {
    const id = 'fin-transport-oas2-schemes-declared';
    const def = rulesById.get(id)!.definition;
    expect(def.extensions.oasVersions).toEqual(['2.0']);
    const only = def.extensions.controls.find((c) => [...rulesById.values()].filter((x) => x.definition.extensions.controls.includes(c)).length >= 1)!;
    const r = report(['v2.yaml', 'v31.yaml', 'unknown.yaml'], [], [rule(id, [only])]);
    const model = buildComplianceModel(
      r,
      { sources: { 'v2.yaml': 'swagger: "2.0"\ninfo: {}\n', 'v31.yaml': 'openapi: 3.1.0\ninfo: {}\n', 'unknown.yaml': '{openapi: 3.1.0}\n' } },
      { now: NOW },
    );
    expect(model.documents.map((d) => d.oasVersion)).toEqual(['2.0', '3.1', undefined]);
    // A version that cannot be told counts as applicable: the rule ran on it.
    expect(control(model, only).documents).toEqual(['passed', 'na', 'passed']);
  });
  it('lists a $ref\u2019d file with findings as a document that fails, and is otherwise not applicable', () => {
    const r = report(['api.yaml'], [finding('x-tls', 'schemas/common.yaml', [TLS])], [rule('x-tls', [TLS]), rule('x-auth', [AUTH])]);
    const model = buildComplianceModel(r, {}, { now: NOW });
    expect(model.documents.map((d) => [d.source, d.linted, d.coverage])).toEqual([
      ['api.yaml', true, true],
      ['schemas/common.yaml', false, true],
    ]);
    expect(control(model, TLS).documents).toEqual(['passed', 'failed']);
    expect(control(model, AUTH).documents).toEqual(['passed', 'na']);
  });
  it('keeps files whose findings cite no control (a waivers file) out of the coverage', () => {
    const stale = finding('waiver-stale', 'finlint.waivers.yaml', [], { severity: 1, path: ['waivers', 0] });
    const model = buildComplianceModel(report(['api.yaml'], [stale], [rule('x-auth', [AUTH])]), {}, { now: NOW });
    expect(model.documents.map((d) => [d.source, d.coverage])).toEqual([
      ['api.yaml', true],
      ['finlint.waivers.yaml', false],
    ]);
    expect(model.coverageDocuments).toEqual([0]);
    expect(control(model, AUTH).documents).toEqual(['passed']);
  });
  it('shows control ids of custom rules, also outside finlint\u2019s vocabulary and frameworks', () => {
    const r = report(['a.yaml'], [finding('acme-rule', 'a.yaml', ['pci-dss-4.0.1:99.9', 'iso-27001:A.8.26'])], [rule('acme-rule', ['pci-dss-4.0.1:99.9', 'iso-27001:A.8.26'])]);
    const model = buildComplianceModel(r, {}, { now: NOW });
    const odd = control(model, 'pci-dss-4.0.1:99.9');
    expect(odd).toMatchObject({ known: false, status: 'failed', rules: ['acme-rule'] });
    expect(model.frameworks.at(-1)).toMatchObject({ id: 'iso-27001', title: 'iso-27001', notCheckable: [] });
    expect(control(model, 'iso-27001:A.8.26').status).toBe('failed');
  });
  it('counts a rule that reported a finding as run, even when the report carries no rule metadata', () => {
    const r: Report = { findings: [finding('x-tls', 'a.yaml', [TLS])], inputErrors: [], files: ['a.yaml', 'b.yaml'], preset: 'custom', rules: 1 };
    const model = buildComplianceModel(r, {}, { now: NOW });
    expect(control(model, TLS).documents).toEqual(['failed', 'passed']);
  });
});

describe('waivers', () => {
  const inline: Suppression = { kind: 'inline', justification: 'Sandbox only.', location: 'a.yaml#/servers/0' };
  const soon: Suppression = { ...WAIVER, expires: '2026-06-20', location: 'finlint.waivers.yaml:9' };
  const r = report(
    ['a.yaml'],
    [
      finding('x-tls', 'a.yaml', [TLS], { suppression: WAIVER }),
      finding('x-tls', 'a.yaml', [TLS], { line: 5, suppression: WAIVER }),
      finding('x-tls', 'a.yaml', [TLS], { line: 7, suppression: inline }),
      finding('x-auth', 'a.yaml', [AUTH], { line: 8, suppression: soon }),
      finding('waiver-expired', 'finlint.waivers.yaml', [], { severity: 1, line: 20, path: ['waivers', 1, 'expires'] }),
      finding('waiver-stale', 'finlint.waivers.yaml', [], { severity: 1, line: 24, path: ['waivers', 2] }),
      finding('waiver-stale', 'a.yaml', [], { severity: 1, line: 30, path: ['paths', '/x', 'x-finlint-ignore'] }),
      finding('waiver-invalid', 'a.yaml', [], { severity: 1, line: 31, path: ['components', 'x-finlint-ignore'] }),
    ],
    [rule('x-tls', [TLS]), rule('x-auth', [AUTH])],
  );
  const entries = [
    { rule: 'x-auth', file: 'a.yaml', pointer: '/paths', reason: 'r0', owner: 'o0', expires: '2026-06-20' },
    { rule: 'x-tls', file: '*.yaml', pointer: '/servers/**', reason: 'Old partner.', owner: 'ops@bank.example', ticket: 'OPS-7', expires: '2026-01-31' },
    { rule: 'x-auth', file: 'b.yaml', pointer: '#/paths', reason: 'Gone.', owner: 'ops@bank.example', expires: '2027-01-01' },
  ];
  const model = buildComplianceModel(r, { waivers: { 'finlint.waivers.yaml': entries } }, { now: NOW });

  it('groups waived findings by waiver, with reason, owner, ticket and expiry', () => {
    const active = model.waivers.find((w) => w.location === 'finlint.waivers.yaml:2')!;
    expect(active).toMatchObject({ kind: 'waiver', status: 'active', rule: 'x-tls', reason: WAIVER.justification, owner: 'team@bank.example', ticket: 'SEC-1', expires: '2026-12-31', findings: [0, 1] });
    expect(model.waivers.find((w) => w.kind === 'inline' && w.findings.length > 0)).toMatchObject({ status: 'active', reason: 'Sandbox only.', location: 'a.yaml#/servers/0', findings: [2] });
  });
  it('highlights a waiver that expires within 30 days of the report date', () => {
    expect(model.waivers.find((w) => w.location === 'finlint.waivers.yaml:9')).toMatchObject({ status: 'expiring', daysLeft: 19, findings: [3] });
  });
  it('describes expired and stale waivers from the waivers file entries, and inline problems by their location', () => {
    expect(model.waivers.find((w) => w.status === 'expired')).toMatchObject({
      kind: 'waiver',
      rule: 'x-tls',
      target: '*.yaml#/servers/**',
      reason: 'Old partner.',
      owner: 'ops@bank.example',
      ticket: 'OPS-7',
      expires: '2026-01-31',
      daysLeft: -121,
      location: 'finlint.waivers.yaml:21',
      problem: 4,
      findings: [],
    });
    expect(model.waivers.filter((w) => w.status === 'stale').map((w) => [w.kind, w.location, w.target])).toEqual([
      ['waiver', 'finlint.waivers.yaml:25', 'b.yaml#/paths'],
      ['inline', 'a.yaml#/paths/~1x', undefined],
    ]);
    expect(model.waivers.find((w) => w.status === 'invalid')).toMatchObject({ kind: 'inline', location: 'a.yaml#/components', problem: 7 });
  });
  it('orders problems first: expired, stale, invalid, then expiring, then active', () => {
    expect(model.waivers.map((w) => w.status)).toEqual(['expired', 'stale', 'stale', 'invalid', 'expiring', 'active', 'active']);
    expect(model.waivers.map((w) => w.id)).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7']);
  });
  it('without the waivers file still lists the expired waiver, by its location', () => {
    const bare = buildComplianceModel(r, {}, { now: NOW });
    expect(bare.waivers.find((w) => w.status === 'expired')).toMatchObject({ location: 'finlint.waivers.yaml:21', problem: 4 });
    expect(bare.waivers.find((w) => w.status === 'expired')!.reason).toBeUndefined();
  });
});

describe('detectOasVersion', () => {
  it.each([
    ['openapi: 3.1.0\n', '3.1'],
    ['# comment\nopenapi: "3.0.3"\n', '3.0'],
    ["swagger: '2.0'\n", '2.0'],
    ['\uFEFF{"swagger": "2.0", "info": {}}', '2.0'],
    ['{\n  "info": {"x": {"openapi": "3.1.0"}},\n  "openapi": "3.0.1"\n}', '3.0'],
    ['info:\n  openapi: 3.1.0\n', undefined],
    ['openapi: 4.0.0\n', undefined],
  ])('%j -> %s', (text, version) => {
    expect(detectOasVersion(text)).toBe(version);
  });
});

describe('excerpt', () => {
  const lines = splitLines(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].join('\r\n'));
  it('shows the range with two lines of context, numbered from 1', () => {
    const ex = excerpt(lines, { start: { line: 4, character: 0 }, end: { line: 5, character: 1 } })!;
    expect(ex.map((l) => [l.number, l.text, l.hit])).toEqual([
      [3, 'c', false],
      [4, 'd', false],
      [5, 'e', true],
      [6, 'f', true],
      [7, 'g', false],
      [8, 'h', false],
    ]);
  });
  it('shows at most six lines of a long range, and clips context at the file edges', () => {
    const ex = excerpt(lines, { start: { line: 0, character: 0 }, end: { line: 11, character: 1 } })!;
    expect(ex.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ex.filter((l) => l.hit)).toHaveLength(6);
  });
  it('cuts a long line (minified JSON) to a window around the finding', () => {
    const long = `${'x'.repeat(5000)}TARGET${'y'.repeat(5000)}`;
    const [l] = excerpt([long], { start: { line: 0, character: 5000 }, end: { line: 0, character: 5006 } })!;
    expect(l.text).toContain('TARGET');
    expect(l.text.length).toBe(160);
    expect(l).toMatchObject({ cutStart: true, cutEnd: true });
  });
  it('is undefined for a range outside the file', () => {
    expect(excerpt(lines, { start: { line: 40, character: 0 }, end: { line: 40, character: 1 } })).toBeUndefined();
  });
});

describe('whySection', () => {
  it('takes the text under "## Why" up to the next heading', () => {
    expect(whySection('# r\n\n## Summary\n\nS.\n\n## Why\n\nBecause `x`.\n\nAnd more.\n\n## What is checked\n\n1. y\n')).toBe('Because `x`.\n\nAnd more.');
    expect(whySection('# r\n\n## Summary\n\nS.\n')).toBeUndefined();
  });
});
