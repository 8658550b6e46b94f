import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { lintProject, type ProjectResult } from '../../src/engine/project.js';
import type { Report } from '../../src/engine/types.js';
import { esc, html } from '../../src/format/html.js';
import { formatters } from '../../src/format/index.js';
import { loadAuditInputs } from '../../src/report/inputs.js';
import { buildComplianceModel, type AuditInputs } from '../../src/report/model.js';

const root = path.resolve(__dirname, '../..');
const FIXTURES = path.join(root, 'test/fixtures/report');
const NOW = new Date('2026-06-01T12:00:00Z');
const EXAMPLES = ['examples/payments-noncompliant.yaml', 'examples/swagger2-payments.yaml', 'examples/payments-compliant.yaml'];

function count(text: string, pattern: RegExp): number {
  return (text.match(pattern) ?? []).length;
}

function between(text: string, open: string, close: string): string {
  const start = text.indexOf(open);
  return text.slice(start + open.length, text.indexOf(close, start));
}

let result: ProjectResult;
let audit: AuditInputs;
let page: string;
beforeAll(async () => {
  result = await lintProject(EXAMPLES, { cwd: root, config: false, preset: 'all', waivers: path.join(FIXTURES, 'finlint.waivers.yaml'), now: NOW });
  audit = await loadAuditInputs(result.report, { cwd: root, groups: result.groups });
  page = html(result.report, { audit, now: NOW });
});

describe('one self-contained file', () => {
  it('has one inline style and one inline script, and loads nothing from anywhere', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(count(page, /<style[\s>]/g)).toBe(1);
    expect(count(page, /<script[\s>]/gi)).toBe(1);
    expect(count(page, /<\/script/gi)).toBe(1);
    expect(page).not.toMatch(/<(link|img|iframe|object|embed|audio|video|source)[\s>]/i);
    expect(page).not.toMatch(/\ssrc=/i);
    expect(page).not.toMatch(/@import|url\(/i);
    for (const href of page.match(/href="[^"]*"/g) ?? []) expect(href).toMatch(/^href="(#[\w-]+|https:\/\/[^"]+)"$/);
  });
  it('pins its script and style by hash in a Content-Security-Policy that allows nothing else', () => {
    const csp = between(page, '<meta http-equiv="Content-Security-Policy" content="', '">');
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(csp).toContain(`script-src ${hash(between(page, '<script>', '</script>'))}`);
    expect(csp).toContain(`style-src ${hash(between(page, '<style>', '</style>'))}`);
    expect(csp).toMatch(/^default-src 'none';/);
    expect(csp).toContain("form-action 'none'");
  });
  it('is deterministic for a given date, and dates the report', () => {
    expect(html(result.report, { audit, now: NOW })).toBe(page);
    expect(page).toContain('<time datetime="2026-06-01T12:00:00.000Z">2026-06-01 12:00 UTC</time>');
  });
});

describe('content', () => {
  it('summarises documents, ruleset, version and totals by severity as the report has them', () => {
    const r = result.report;
    const open = [0, 1, 2, 3].map((s) => r.findings.filter((f) => !f.suppression && f.severity === s).length);
    const total = (key: string) => Number(new RegExp(`data-total="${key}">(\\d+)<`).exec(page)?.[1]);
    expect(total('documents')).toBe(3);
    expect([total('error'), total('warn'), total('info'), total('hint')]).toEqual(open);
    expect(total('waived')).toBe(r.findings.filter((f) => f.suppression).length);
    expect(total('findings')).toBe(r.findings.length);
    expect(page).toContain(`all: ${r.rules} rules active`);
    expect(page).toMatch(/<dt>Tool<\/dt><dd>finlint \d+\.\d+\.\d+/);
  });
  it('has a coverage chart and a control table per framework, and what finlint cannot check', () => {
    const model = buildComplianceModel(result.report, audit, { now: NOW });
    for (const fw of model.frameworks) {
      const figure = between(page, `data-fw="${fw.id}">`, '</figure>');
      for (const s of ['failed', 'waived', 'passed', 'na'] as const) expect(figure).toContain(`data-count="${s}">${fw.counts[s]}<`);
      expect(count(figure, /<svg class="bar"/g)).toBe(fw.controls.length);
      expect(count(figure, /role="img" aria-label="[^"]+"/g)).toBe(fw.controls.length + 1);
    }
    expect(page).toContain('<th scope="col">Rules providing evidence</th>');
    expect(count(page, /<h4 id="fw-\d+-nc">Not checked statically<\/h4>/g)).toBe(model.frameworks.length);
    expect(page).toContain('<strong>3.6–3.7</strong>: Cryptographic key management');
    const https = model.frameworks.flatMap((f) => f.controls).find((c) => c.id === 'pci-dss-4.0.1:4.2.1')!;
    expect(https.status).toBe('failed');
    expect(page).toMatch(/<tr id="ctl-1-\d+" data-status="failed"><th scope="row" data-label="Control"><code>pci-dss-4\.0\.1:4\.2\.1<\/code>/);
  });
  it('shows each finding with its rule, message, location, excerpt with line numbers, why, how to fix and docs link', () => {
    const f = result.report.findings.find((x) => x.code === 'fin-transport-https-only' && !x.suppression)!;
    const i = result.report.findings.indexOf(f);
    const item = between(page, `<li id="f${i + 1}" `, '</li>');
    expect(item).toContain(`data-rule="fin-transport-https-only"`);
    expect(item).toContain(esc(f.message));
    expect(item).toContain(`<code>${f.source}:${f.range.start.line + 1}:${f.range.start.character + 1}</code>`);
    expect(item).toContain(`<span class="hit"><span class="ln">${f.range.start.line + 1}</span>`);
    const group = page.slice(page.lastIndexOf('<details class="rule-group"', page.indexOf(`<li id="f${i + 1}" `)));
    expect(group).toMatch(/^<details class="rule-group"[^>]*><summary><span class="badge sev-0">error<\/span> <code>fin-transport-https-only<\/code>/);
    expect(between(group, '<div class="rule-info">', '</div>')).toMatch(/<h5>Why<\/h5><p>.+<h5>How to fix<\/h5><p>.+href="https:\/\/github\.com\/finlint\/finlint\/blob\/main\/docs\/rules\/fin-transport-https-only\.md"/s);
  });
  it('groups findings by control with a link to every finding', () => {
    const block = between(page, '<h5><span class="badge st-failed">failed</span> <code>pci-dss-4.0.1:4.2.1</code>', '</table>');
    const ids = result.report.findings.flatMap((f, i) => (f.controls.includes('pci-dss-4.0.1:4.2.1') ? [`f${i + 1}`] : []));
    expect(ids.length).toBeGreaterThan(2);
    for (const id of ids) expect(block).toContain(`href="#${id}"`);
  });
  it('lists waivers with reason, owner, ticket and expiry, and highlights expiring, expired and stale ones', () => {
    const table = between(page, '<section id="waivers"', '</section>');
    expect(table).toMatch(/<tr id="w\d+" class="ws-row-active">.*fin-auth-no-http-basic.*Legacy partner integration.*payments-platform@bank\.example.*PAY-1234.*2099-12-31/);
    expect(table).toMatch(/<tr id="w\d+" class="ws-row-expiring">.*fin-transport-https-only.*PLAT-9.*2026-06-15 <span class="badge ws-expiring">in 14 days<\/span>/);
    expect(table).toMatch(/<tr id="w\d+" class="ws-row-expired">.*fin-auth-no-apikey-in-query.*integration@bank\.example.*2020-01-31 <span class="badge ws-expired">expired<\/span>/);
    expect(table).toMatch(/<tr id="w\d+" class="ws-row-stale">.*fin-transport-https-only.*covers <code>\.\.\/\.\.\/\.\.\/examples\/payments-compliant\.yaml#\/servers\/\*\/url<\/code>/);
    expect(table.indexOf('ws-row-expired')).toBeLessThan(table.indexOf('ws-row-active'));
  });
  it('has landmarks, a skip link, labelled filters and a search box', () => {
    for (const s of ['<header class="top">', '<nav class="toc" aria-label="Sections">', '<main id="main"', '<footer>', 'class="skip" href="#main"']) expect(page).toContain(s);
    expect(page).toContain('<form id="filters" class="filters" role="search" aria-label="Filter findings" data-omitted="0" hidden>');
    for (const id of ['f-fw', 'f-doc', 'f-q']) expect(page).toMatch(new RegExp(`<label class="field" for="${id}">`));
    expect(page).toContain('<legend>Severity</legend>');
  });
  it('without audit inputs still renders, without excerpts', () => {
    const bare = html(result.report, { now: NOW });
    expect(bare).toContain('No source excerpt');
    expect(bare).not.toContain('<pre class="excerpt"');
  });
});

describe('links and limits', () => {
  it('has a target for every link inside the page', () => {
    const ids = new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...page.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(100);
    expect(targets.filter((t) => !ids.has(t))).toEqual([]);
  });
  it('lists everything in full when the findings fit the limits', () => {
    expect(count(page, /<li id="f\d+" class="finding[ "]/g)).toBe(result.report.findings.length);
    expect(page).toContain('data-omitted="0"');
    expect(page).not.toContain('class="finding compact');
  });
  it('beyond the limits, lists small groups whole, cuts only large ones, and still counts every finding', () => {
    const groups = count(page, /<details class="rule-group"/g);
    const limited = html(result.report, { audit, now: NOW, listLimits: { full: groups + 4, compact: 3 } });
    const full = count(limited, /<li id="f\d+" class="finding( waived)?"/g);
    const compact = count(limited, /<li id="f\d+" class="finding compact/g);
    const omitted = Number(/data-omitted="(\d+)"/.exec(limited)?.[1]);
    expect(full).toBeLessThanOrEqual(groups + 4);
    expect(full).toBeGreaterThanOrEqual(groups);
    expect(compact).toBeLessThanOrEqual(3);
    expect(omitted).toBeGreaterThan(0);
    expect(full + compact + omitted).toBe(result.report.findings.length);
    expect(limited).toContain(`This report lists ${full + compact} findings of ${result.report.findings.length}`);
    expect(between(limited, '<ul class="totals"', '</ul>')).toBe(between(page, '<ul class="totals"', '</ul>'));
    expect(between(limited, '<section id="controls"', '</section>')).toBe(between(page, '<section id="controls"', '</section>'));
    for (const g of limited.split('<details class="rule-group"').slice(1)) expect(g).toMatch(/<ul class="findings"><li id="f\d+"/);
    const ids = new Set([...limited.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    expect([...limited.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]).filter((t) => !ids.has(t))).toEqual([]);
  });
  it('lists the rest of a large group by location when the budget allows', () => {
    const groups = count(page, /<details class="rule-group"/g);
    const limited = html(result.report, { audit, now: NOW, listLimits: { full: groups + 4, compact: 10_000 } });
    const compact = [...limited.matchAll(/<li id="f\d+" class="finding compact[^>]*>(.*?)<\/li>/g)];
    expect(compact.length).toBeGreaterThan(0);
    expect(compact[0][1]).toMatch(/^<span class="badge sev-\d">\w+<\/span>.* <span class="muted">line \d+<\/span> <code>\/[^<]*<\/code> <span class="msg">/);
    expect(limited).toContain('data-omitted="0"');
    expect(count(limited, /<li id="f\d+" class="finding/g)).toBe(result.report.findings.length);
  });
});

describe('markdown shows the same coverage numbers as the html report', () => {
  it('per framework: controls checked, failed, waived, passed', () => {
    const md = formatters.markdown(result.report, { audit, now: NOW });
    const model = buildComplianceModel(result.report, audit, { now: NOW });
    expect(md).toContain('### Control coverage');
    for (const fw of model.frameworks) {
      const { failed, waived, passed } = fw.counts;
      const row = md.split('\n').find((l) => l.startsWith(`| ${fw.title} |`));
      expect(row, fw.id).toBe(`| ${fw.title} | ${failed + waived + passed} | ${failed} | ${waived} | ${passed} |`);
      const caption = between(between(page, `data-fw="${fw.id}">`, '</figure>'), '<span data-checked>', '</span>');
      expect(caption).toBe(`${failed + waived + passed} of ${fw.controls.length} controls checked by this run: ${failed} failed, ${waived} waived, ${passed} passed`);
    }
  });
});

describe('untrusted text', () => {
  let hostile: string;
  let hostileReport: Report;
  beforeAll(async () => {
    hostileReport = await lint(['hostile.yaml', { source: '<img src=x onerror=window.__pwned=7>.yaml', content: 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n' }], {
      cwd: FIXTURES,
      ruleset: {
        extends: [],
        rules: {
          'fin-transport-https-only': { given: '$.servers[*].url', severity: 'error', then: { function: () => [{ message: 'Server "{{value}}" is not https.' }] } },
          'x-evil': {
            description: '<script>window.__pwned=8</script>',
            message: '</script><img src=x onerror=window.__pwned=9>',
            severity: 'warn',
            given: '$.info',
            then: { function: () => [{ message: '</script><img src=x onerror=window.__pwned=9>' }] },
            extensions: { controls: ['pci-dss-4.0.1:6.2.4', '<b>x</b>:<i>y</i>'], howToFix: '<img src=x onerror=window.__pwned=11>' },
          },
        },
      } as never,
      now: NOW,
    });
    // Spectral rejects a rule whose documentationUrl is not a URL; a hand-made report can still carry one.
    const evil = hostileReport.findings.find((f) => f.code === 'x-evil')!;
    hostileReport.findings.push({ ...evil, code: 'x-evil-link', documentationUrl: 'javascript:window.__pwned=10' });
    const inputs = await loadAuditInputs(hostileReport, { cwd: FIXTURES, inputs: [{ source: '<img src=x onerror=window.__pwned=7>.yaml', content: 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n' }] });
    hostile = html(hostileReport, { audit: inputs, now: NOW });
  });
  it('exercises messages, excerpts, file names, waiver reasons, rule metadata and control ids', () => {
    expect(hostileReport.findings.map((f) => f.code).sort()).toEqual(['fin-transport-https-only', 'fin-transport-https-only', 'x-evil', 'x-evil', 'x-evil-link']);
    expect(hostileReport.findings.some((f) => f.suppression?.justification.includes('__pwned=5'))).toBe(true);
  });
  it('escapes all of it', () => {
    expect(hostile).not.toMatch(/<img/i);
    expect(hostile).not.toMatch(/<b>|<i>/);
    expect(count(hostile, /<script/gi)).toBe(1);
    expect(count(hostile, /<\/script/gi)).toBe(1);
    expect(hostile).not.toMatch(/href="javascript/i);
    expect(hostile).toContain('<code>x-evil-link</code>');
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 11]) expect(hostile, `__pwned=${n}`).toContain(`__pwned=${n}`);
    expect(hostile).toContain('&lt;/script&gt;&lt;img src=x onerror=window.__pwned=4&gt;');
    expect(hostile).toContain('<code>&lt;b&gt;x&lt;/b&gt;:&lt;i&gt;y&lt;/i&gt;</code>');
  });
});
