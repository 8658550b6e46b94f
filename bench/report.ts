/**
 * The compliance report bench (issue 10): lints the whole real-world corpus (../shared/corpus/real) in process with
 * a preset, writes the HTML report and opens it in headless Chromium (Debian's package, as in the tests), and records
 * the report's size and how long it takes to write, load and filter. See docs/report.md.
 *
 *   npx tsx bench/report.ts [--preset all|recommended] [--corpus <dir>] [--out <dir>] [--max-mb X]
 *
 * Writes bench/results/report-<timestamp>.json, .md and the report itself (.html), all git-ignored.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isPresetName, type PresetName } from '../rulesets/presets.js';
import { lintProject } from '../src/engine/project.js';
import { html } from '../src/format/html.js';
import { loadAuditInputs } from '../src/report/inputs.js';
import { FINLINT_VERSION } from '../src/version.js';
import { launchChromium } from '../test/report/chromium.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Options {
  preset: PresetName;
  corpus: string;
  out: string;
  maxMb: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { preset: 'all', corpus: path.resolve(REPO, '../shared/corpus/real'), out: path.join(REPO, 'bench/results'), maxMb: Infinity };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--preset') {
      const p = value();
      if (!isPresetName(p)) throw new Error(`unknown preset ${p}`);
      o.preset = p;
    } else if (a === '--corpus') o.corpus = path.resolve(value());
    else if (a === '--out') o.out = path.resolve(value());
    else if (a === '--max-mb') o.maxMb = Number(value());
    else throw new Error(`unknown argument ${a} (usage: npx tsx bench/report.ts [--preset all|recommended] [--corpus <dir>] [--out <dir>] [--max-mb X])`);
  }
  return o;
}

const ms = (from: number) => Math.round(performance.now() - from);

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const files = readdirSync(o.corpus, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .filter((f) => statSync(path.join(o.corpus, f)).size <= o.maxMb * 1024 * 1024)
    .sort();
  const inputBytes = files.reduce((n, f) => n + statSync(path.join(o.corpus, f)).size, 0);
  process.stderr.write(`report bench: linting ${files.length} documents (${(inputBytes / 1048576).toFixed(1)} MiB) with preset ${o.preset}...\n`);

  let t = performance.now();
  const result = await lintProject(files, { cwd: o.corpus, config: false, preset: o.preset, waivers: false });
  const lintMs = ms(t);
  t = performance.now();
  const audit = await loadAuditInputs(result.report, { cwd: o.corpus, groups: result.groups });
  const auditMs = ms(t);
  t = performance.now();
  const page = html(result.report, { audit });
  const renderMs = ms(t);

  mkdirSync(o.out, { recursive: true });
  const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
  const htmlFile = path.join(o.out, `report-${stamp}.html`);
  writeFileSync(htmlFile, page);
  const bytes = Buffer.byteLength(page);
  process.stderr.write(`report bench: ${result.report.findings.length} findings, report ${(bytes / 1048576).toFixed(2)} MiB; opening it in Chromium...\n`);

  const browser = await launchChromium();
  const tab = browser.context.pages()[0] ?? (await browser.context.newPage());
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  t = performance.now();
  await tab.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
  await tab.waitForSelector('#filters:not([hidden])');
  const openMs = ms(t);
  const nav = await tab.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { domContentLoaded: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd), elements: document.getElementsByTagName('*').length };
  });
  const total = result.report.findings.length;
  const listed = await tab.locator('li.finding').count();
  const timeFilter = async (action: () => Promise<void>) => {
    const before = await tab.textContent('#filter-status');
    const start = performance.now();
    await action();
    await tab.waitForFunction((b) => document.getElementById('filter-status')?.textContent !== b, before);
    return ms(start);
  };
  const initial = await tab.textContent('#filter-status');
  const severityMs = await timeFilter(() => tab.uncheck('input[name=sev][value="0"]'));
  await tab.check('input[name=sev][value="0"]');
  await tab.waitForFunction((text) => document.getElementById('filter-status')?.textContent === text, initial);
  const searchMs = await timeFilter(() => tab.fill('#f-q', 'webhook'));
  const searchShown = await tab.textContent('#filter-status');
  const clearMs = await timeFilter(() => tab.fill('#f-q', ''));
  await browser.close();

  const row = {
    date: new Date().toISOString(),
    finlint: FINLINT_VERSION,
    preset: o.preset,
    documents: result.report.files.length,
    inputErrors: result.report.inputErrors.length,
    inputMiB: Number((inputBytes / 1048576).toFixed(2)),
    findings: total,
    listedFindings: listed,
    waived: result.report.findings.filter((f) => f.suppression).length,
    reportBytes: bytes,
    reportMiB: Number((bytes / 1048576).toFixed(2)),
    lintMs,
    auditInputsMs: auditMs,
    htmlMs: renderMs,
    browser: { openToInteractiveMs: openMs, domContentLoadedMs: nav.domContentLoaded, loadMs: nav.load, elements: nav.elements, severityFilterMs: severityMs, searchMs, searchResult: searchShown, clearSearchMs: clearMs, pageErrors: errors },
  };
  writeFileSync(path.join(o.out, `report-${stamp}.json`), `${JSON.stringify(row, null, 2)}\n`);
  const md = [
    `# Compliance report bench, ${row.date}`,
    '',
    `finlint ${row.finlint}, preset \`${row.preset}\`, ${row.documents} documents (${row.inputMiB} MiB), ${row.findings} findings (${listed} listed in the report).`,
    '',
    '| Measure | Value |',
    '| --- | ---: |',
    `| report size | ${row.reportMiB} MiB (${row.reportBytes} bytes) |`,
    `| lint (in process) | ${row.lintMs} ms |`,
    `| read sources and docs | ${row.auditInputsMs} ms |`,
    `| write HTML | ${row.htmlMs} ms |`,
    `| Chromium: DOMContentLoaded | ${nav.domContentLoaded} ms |`,
    `| Chromium: load event | ${nav.load} ms |`,
    `| Chromium: open until filters work | ${openMs} ms |`,
    `| DOM elements | ${nav.elements} |`,
    `| severity filter | ${severityMs} ms |`,
    `| search "webhook" | ${searchMs} ms (${searchShown}) |`,
    `| clear search | ${clearMs} ms |`,
    `| page errors | ${errors.length} |`,
    '',
  ].join('\n');
  writeFileSync(path.join(o.out, `report-${stamp}.md`), md);
  process.stdout.write(`${md}\nReport: ${path.relative(REPO, htmlFile)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`report bench: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
