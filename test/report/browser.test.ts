import { readdirSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { runCli } from '../cli/helpers.js';
import { launchChromium, type Browser } from './chromium.js';

/**
 * The compliance report in real headless Chromium (Debian's package, driven by playwright-core): the summary shows
 * the JSON output's numbers, filters and search work without a server, findings open, the page is usable at 320 px
 * and in print, and axe-core finds no serious accessibility problem. Screenshots, a PDF and the reports are left in
 * test-results/report/ (git-ignored) for a person to look at.
 */
const root = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(root, 'test-results/report');
const NOW = new Date('2026-06-01T12:00:00Z');
// examples/*.yaml, listed once so that the report and the JSON output lint the same files.
const FILES = readdirSync(path.join(root, 'examples'))
  .filter((f) => f.endsWith('.yaml') && !f.startsWith('.'))
  .map((f) => `examples/${f}`);
const EXAMPLES = FILES.length;
const ARGS = [...FILES, '--no-config', '--preset', 'all', '--waivers', 'test/fixtures/report/finlint.waivers.yaml'];

let browser: Browser;
let page: Page;
let json: Finding[];
const problems: string[] = [];

const visibleIds = () => page.$$eval('li.finding', (els) => els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.id));
const status = () => page.textContent('#filter-status');

async function waitForCount(n: number, total: number): Promise<void> {
  await page.waitForFunction((text) => document.getElementById('filter-status')?.textContent === text, `Showing ${n} of ${total} findings.`, { timeout: 5000 });
}

/** axe-core's WCAG 2.1 A/AA and best-practice rules; `skip` leaves out rules a layout change cannot affect. */
async function seriousAxeViolations(skip: string[] = []): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const result = await page.evaluate(
    (off) =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        rules: Object.fromEntries(off.map((id) => [id, { enabled: false }])),
        resultTypes: ['violations'],
      }),
    skip,
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  const out = path.join(ARTIFACTS, 'examples.html');
  const report = await runCli(['report', ...ARGS, '-o', out], { cwd: root, now: NOW });
  expect(report.stderr).toBe('');
  expect(report.code).toBe(0);
  const lint = await runCli(['lint', ...ARGS, '-f', 'json', '-F', 'none'], { cwd: root, now: NOW });
  expect(lint.code).toBe(0);
  json = JSON.parse(lint.stdout) as Finding[];
  browser = await launchChromium();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  const started = Date.now();
  await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });
  await page.waitForSelector('#filters:not([hidden])');
  await writeFile(path.join(ARTIFACTS, 'examples-timing.json'), `${JSON.stringify({ loadMs: Date.now() - started, bytes: (await stat(out)).size, findings: json.length }, null, 2)}\n`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('the report of examples/*.yaml in Chromium', () => {
  it('shows in its summary the numbers of the JSON output', async () => {
    expect(json.length).toBeGreaterThan(20);
    const total = async (key: string) => Number(await page.textContent(`[data-total="${key}"]`));
    const open = (s: number) => json.filter((f) => !f.suppression && f.severity === s).length;
    expect(await total('documents')).toBe(EXAMPLES);
    expect(await total('error')).toBe(open(0));
    expect(await total('warn')).toBe(open(1));
    expect(await total('info')).toBe(open(2));
    expect(await total('hint')).toBe(open(3));
    expect(await total('waived')).toBe(json.filter((f) => f.suppression).length);
    expect(await total('waived')).toBeGreaterThan(0);
    expect(await total('findings')).toBe(json.length);
    expect(await page.locator('li.finding').count()).toBe(json.length);
    expect(await status()).toBe(`Showing ${json.length} of ${json.length} findings.`);
    expect(await page.title()).toMatch(new RegExp(`^finlint compliance report: ${EXAMPLES} documents, \\d+ open findings \\(2026-06-01\\)$`));
  });

  it('filters by severity, framework and document', async () => {
    const n = json.length;
    await page.uncheck('input[name=sev][value="0"]');
    const noErrors = json.filter((f) => f.severity !== 0);
    await waitForCount(noErrors.length, n);
    expect((await visibleIds()).length).toBe(noErrors.length);
    await page.check('input[name=sev][value="0"]');
    await waitForCount(n, n);

    await page.uncheck('#f-waived');
    await waitForCount(json.filter((f) => !f.suppression).length, n);
    await page.check('#f-waived');

    await page.selectOption('#f-fw', 'fapi-2.0');
    const fapi = json.filter((f) => f.controls.some((c) => c.startsWith('fapi-2.0:')));
    expect(fapi.length).toBeGreaterThan(0);
    await waitForCount(fapi.length, n);
    expect(await page.isHidden('section[data-fw-section="pci-dss-4.0.1"]')).toBe(true);
    expect(await page.isVisible('section.fw[data-fw-section="fapi-2.0"]')).toBe(true);

    await page.selectOption('#f-fw', '');
    await page.selectOption('#f-doc', { label: 'examples/swagger2-payments.yaml' });
    const swagger = json.filter((f) => f.source === path.join('examples', 'swagger2-payments.yaml'));
    await waitForCount(swagger.length, n);
    const docId = await page.$eval('#f-doc', (s) => (s as HTMLSelectElement).value);
    expect(await page.$$eval('details.doc', (ds) => ds.filter((d) => !(d as HTMLElement).hidden).map((d) => d.id))).toEqual([docId]);

    await page.click('button[type=reset]');
    await waitForCount(n, n);
  });

  it('searches rule ids and message text, typed with the keyboard', async () => {
    const n = json.length;
    await page.focus('#f-q');
    await page.keyboard.type('fin-auth-no-http-basic');
    const basic = json.filter((f) => f.code === 'fin-auth-no-http-basic');
    expect(basic.length).toBeGreaterThan(0);
    await waitForCount(basic.length, n);
    await page.fill('#f-q', 'API_KEY');
    await page.waitForFunction((t) => document.getElementById('filter-status')?.textContent !== t, `Showing ${basic.length} of ${n} findings.`);
    const shown = await page.$$eval('li.finding:not([hidden])', (els) => els.map((e) => `${e.getAttribute('data-rule')} ${e.textContent}`.toLowerCase()));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(n);
    for (const text of shown) expect(text).toContain('api_key');
    await page.fill('#f-q', '');
    await waitForCount(n, n);
  });

  it('opens a finding by keyboard and from the findings-by-control links, with its excerpt and fix', async () => {
    const first = page.locator('li.finding').first();
    const summary = first.locator('summary');
    if ((await page.locator('details.doc').first().getAttribute('open')) === null) await page.locator('details.doc > summary').first().click();
    await page.locator('details.rule-group > summary').first().click();
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => first.locator('pre.excerpt').isVisible()).toBe(true);
    expect(await first.locator('pre.excerpt .hit .ln').first().textContent()).toMatch(/^\d+$/);

    const https = json.findIndex((f) => f.code === 'fin-transport-https-only' && !f.suppression);
    const id = `f${https + 1}`;
    await page.click(`.ctl-findings a[href="#${id}"] >> nth=0`);
    const item = page.locator(`#${id}`);
    await expect.poll(() => item.locator('pre.excerpt').isVisible()).toBe(true);
    const group = page.locator(`details.rule-group:has(#${id})`);
    expect(await group.getAttribute('open')).not.toBeNull();
    expect(await group.locator('.rule-info').textContent()).toMatch(/How to fix/);
    expect(await page.evaluate(() => location.hash)).toBe(`#${id}`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'finding-open-desktop.png') });
  });

  it('has no serious accessibility violations (axe-core) at desktop width', async () => {
    expect(await seriousAxeViolations()).toEqual([]);
  });

  it('is usable at 320 px: no sideways scrolling of the page, cards instead of wide tables, axe clean', async () => {
    await page.screenshot({ path: path.join(ARTIFACTS, 'desktop.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS, 'desktop-top.png') });
    await page.setViewportSize({ width: 320, height: 800 });
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: path.join(ARTIFACTS, 'narrow-320-top.png') });
    const shots: [string, string][] = [
      ['figure.coverage', 'coverage'],
      ['#fw-1 tbody tr', 'controls'],
      ['#filters', 'filters'],
      ['#findings-by-document', 'findings'],
      ['#waivers', 'waivers'],
    ];
    for (const [selector, name] of shots) {
      await page.locator(selector).first().evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(ARTIFACTS, `narrow-320-${name}.png`) });
    }
    expect(await page.locator('table.ctl-table thead').first().evaluate((e) => e.getBoundingClientRect().height)).toBeLessThanOrEqual(1);
    // Colours do not change with the width: the (slow) contrast rules ran at desktop width above.
    expect(await seriousAxeViolations(['color-contrast', 'link-in-text-block'])).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('prints: filters hidden, every finding expanded, and a PDF comes out', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#filters')).toBe(false);
    const closed = page.locator('li.finding:not(:has(details[open])) pre.excerpt').first();
    expect(await closed.evaluate((e) => e.getBoundingClientRect().height)).toBeGreaterThan(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS, 'print-top.png') });
    await page.locator('#findings-by-document').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(ARTIFACTS, 'print-findings.png') });
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.pdf({ path: path.join(ARTIFACTS, 'examples.pdf'), format: 'A4' });
    expect(pdf.length).toBeGreaterThan(50_000);
  });

  it('loaded nothing from the network and logged no errors', () => {
    expect(browser.external).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('a report of a hostile document in Chromium', () => {
  it('renders spec text inert', async () => {
    const out = path.join(ARTIFACTS, 'hostile.html');
    const r = await runCli(['report', 'hostile.yaml', '--no-config', '--preset', 'all', '-o', out], { cwd: path.join(root, 'test/fixtures/report'), now: NOW });
    expect(r.code).toBe(0);
    const p = await browser.context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    p.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await p.goto(pathToFileURL(out).href, { waitUntil: 'load' });
    await p.waitForSelector('#filters:not([hidden])');
    expect(await p.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await p.locator('img, iframe, object, embed').count()).toBe(0);
    expect(await p.locator('script').count()).toBe(1);
    await p.locator('details.rule-group > summary').first().click();
    const text = await p.textContent('body');
    expect(text).toContain('http://h.example/</script><img src=x onerror=window.__pwned=4>');
    expect(text).toContain('<img src=x onerror=window.__pwned=5></script><script>window.__pwned=6</script>');
    expect(errors).toEqual([]);
    await p.close();
  });
});
