import { createHash } from 'node:crypto';
import { rulesById } from '../../rulesets/registry.js';
import { toPointer } from '../engine/fingerprint.js';
import { excerpt, splitLines } from '../report/excerpt.js';
import {
  buildComplianceModel,
  CONTROL_STATUSES,
  severityLabel,
  STATUS_LABELS,
  WAIVER_STATUS_LABELS,
  type ComplianceModel,
  type ControlStatus,
  type ReportControl,
  type ReportDocument,
  type ReportFinding,
  type ReportFramework,
  type ReportWaiver,
} from '../report/model.js';
import { FINLINT_URL } from '../version.js';
import type { Formatter } from './types.js';
import { plural } from './util.js';

/** Appends to a list in a map of lists (in place: spreading per item is quadratic). */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The compliance report: one self-contained HTML file (inline CSS, inline SVG, one inline script guarded by a
 * Content-Security-Policy hash, no external resources) for auditors. Everything taken from the report is escaped;
 * spec text never reaches the script, which reads only data attributes.
 */

// ---------------------------------------------------------------------------------------------------------------
// Escaping

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values; drops characters HTML cannot carry. */
export function esc(text: string | number | undefined): string {
  // eslint-disable-next-line no-control-regex
  return String(text ?? '').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Only http(s) URLs become links: a custom ruleset could give a `javascript:` documentation URL. */
function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
}

function link(url: string | undefined, text: string): string {
  const safe = safeUrl(url);
  return safe ? `<a href="${esc(safe)}" rel="noopener noreferrer">${esc(text)}</a>` : esc(text);
}

/** The little Markdown of docs pages (paragraphs, lists, `code`, **strong**, [links](url)) as escaped HTML. */
function markdownLite(md: string): string {
  const inline = (s: string) =>
    esc(s)
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1');
  return md
    .split(/\n\s*\n/)
    .map((block) => {
      const lines = block.split('\n').map((l) => l.trim());
      if (lines.every((l) => /^([-*]|\d+\.)\s/.test(l))) {
        const tag = /^\d/.test(lines[0]) ? 'ol' : 'ul';
        return `<${tag}>${lines.map((l) => `<li>${inline(l.replace(/^([-*]|\d+\.)\s+/, ''))}</li>`).join('')}</${tag}>`;
      }
      return `<p>${inline(lines.join(' '))}</p>`;
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Style and script (constants: their hashes go into the Content-Security-Policy)

const STYLE = `
:root{--fg:#1f2328;--muted:#57606a;--bg:#fff;--soft:#f6f8fa;--line:#d0d7de;--link:#0550ae;
--failed:#cf222e;--waived:#9a6700;--passed:#1a7f37;--na:#8c959f;
--error:#a40e26;--warn:#7d4e00;--info:#0550ae;--hint:#57606a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid #0969da;outline-offset:2px}
.wrap{max-width:76rem;margin:0 auto;padding:0 1rem}
.skip{position:absolute;left:-10000px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem;top:1rem}
.vh{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
header.top{background:#24292f;color:#fff;padding:1.25rem 0 1rem}
header.top h1{margin:0 0 .25rem;font-size:1.6rem;line-height:1.25}
header.top p{margin:0;color:#eaeef2}
header.top a{color:#fff}
nav.toc{border-bottom:1px solid var(--line);background:var(--soft)}
nav.toc ul{list-style:none;margin:0;padding:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
main{padding-bottom:2rem}
h2{font-size:1.4rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h3{font-size:1.15rem;margin:1.5rem 0 .5rem}
h4{font-size:1rem;margin:1.25rem 0 .5rem}
p,li,dd,dt,summary{overflow-wrap:anywhere}
td,th{overflow-wrap:break-word}
tbody th{font-weight:400}
tbody th code{font-weight:700}
code,pre,kbd{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,monospace;font-size:.875em}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--line)}
thead th{background:var(--soft);border-bottom:2px solid var(--line)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0 1rem}
dl.meta dt{font-weight:600}
dl.meta dd{margin:0}
.note{border-left:4px solid var(--waived);background:#fff8c5;padding:.5rem .75rem;margin:.75rem 0}
.note.bad{border-color:var(--failed);background:#ffebe9}
.muted{color:var(--muted)}
.badge{display:inline-block;padding:0 .45em;border-radius:1em;font-size:.8rem;font-weight:600;line-height:1.5;border:1px solid currentColor;white-space:nowrap}
.sev-0{color:var(--error);background:#ffebe9}.sev-1{color:var(--warn);background:#fff8c5}.sev-2{color:var(--info);background:#ddf4ff}.sev-3{color:var(--hint);background:#f6f8fa}
.st-failed{color:#a40e26;background:#ffebe9}.st-waived{color:#7d4e00;background:#fff8c5}.st-passed{color:#116329;background:#dafbe1}.st-na{color:#424a53;background:#f6f8fa}
.ws-expired,.ws-stale,.ws-invalid{color:#a40e26;background:#ffebe9}.ws-expiring{color:#7d4e00;background:#fff8c5}.ws-active{color:#116329;background:#dafbe1}
.totals{display:grid;grid-template-columns:repeat(auto-fit,minmax(7.5rem,1fr));gap:.5rem;margin:.5rem 0 1rem;padding:0;list-style:none}
.totals li{border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem;background:var(--soft)}
.totals .n{display:block;font-size:1.6rem;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:.25rem 0 .5rem;padding:0;list-style:none;font-size:.9rem}
.sw{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-.1em;margin-right:.3em}
.sw-failed{background:var(--failed)}.sw-waived{background:var(--waived)}.sw-passed{background:var(--passed)}.sw-na{background:var(--na)}
figure.coverage{margin:0 0 1.5rem;border:1px solid var(--line);border-radius:.5rem;padding:.75rem}
figure.coverage figcaption{font-weight:600;margin-bottom:.25rem}
svg.bar{display:block;width:100%;height:.9rem}
svg.fwbar{height:1.4rem;margin:.25rem 0}
ol.bars{list-style:none;margin:.5rem 0 0;padding:0;display:grid;grid-template-columns:minmax(3.5rem,max-content) minmax(4rem,1fr) minmax(6rem,max-content);gap:.2rem .6rem;align-items:center;font-size:.875rem}
ol.bars li{display:contents}
ol.bars .c{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap}
ol.bars .t{color:var(--muted);white-space:nowrap}
.scroll{overflow-x:auto}
pre.excerpt{overflow-x:auto;background:var(--soft);border:1px solid var(--line);border-radius:.375rem;padding:.4rem 0;margin:.5rem 0;line-height:1.45}
pre.excerpt span{display:block;padding-right:.75rem;white-space:pre}
pre.excerpt .ln{display:inline-block;min-width:3.5em;padding:0 .75em 0 .5em;text-align:right;color:var(--muted);user-select:none}
pre.excerpt .hit{background:#fff1b8}
pre.excerpt .hit .ln{color:#3d2b00;font-weight:700}
details{margin:.25rem 0}
summary{cursor:pointer;padding:.25rem 0}
details.doc>summary{font-size:1.05rem;font-weight:600}
details.rule-group{border:1px solid var(--line);border-radius:.5rem;padding:.25rem .75rem;margin:.5rem 0}
details.rule-group>summary code{font-weight:600}
.rule-info{border-left:3px solid var(--line);padding-left:.75rem;margin:.25rem 0 .75rem}
.rule-info h5{font-size:.9rem;margin:.5rem 0 .15rem}
.rule-info p{margin:.15rem 0 .4rem}
ul.findings{list-style:none;margin:0;padding:0}
ul.findings>li{border-top:1px solid var(--line);padding:.15rem 0;scroll-margin-top:4rem}
ul.findings>li.waived summary .msg{color:var(--muted)}
ul.findings.compact>li{padding:.3rem 0;font-size:.9rem}
p.more{margin:.75rem 0 .25rem}
.waiver{border-left:4px solid var(--waived);background:#fffbeb;padding:.4rem .75rem;margin:.5rem 0}
.waiver.problem{border-color:var(--failed);background:#fff5f5}
form.filters{border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem;background:var(--soft);margin:.5rem 0 1rem}
form.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center}
form.filters legend{font-weight:600;float:left;margin-right:.5rem;padding:0}
form.filters .row{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:.4rem 0;align-items:flex-end}
form.filters label.field{display:flex;flex-direction:column;font-weight:600;font-size:.9rem;min-width:min(14rem,100%);flex:1}
form.filters select,form.filters input[type=search]{font:inherit;padding:.3rem .4rem;border:1px solid #6e7781;border-radius:.3rem;max-width:100%;background:#fff;color:var(--fg)}
form.filters button{font:inherit;padding:.3rem .75rem;border:1px solid #6e7781;border-radius:.3rem;background:#fff;color:var(--fg);cursor:pointer}
#filter-status{font-weight:600}
tr.ws-row-expired td:first-child,tr.ws-row-stale td:first-child,tr.ws-row-invalid td:first-child{box-shadow:inset 4px 0 var(--failed)}
tr.ws-row-expiring td:first-child{box-shadow:inset 4px 0 var(--waived)}
.links a{margin-right:.4rem}
table.bc{table-layout:fixed}
table.bc th:nth-child(1){width:38%}table.bc th:nth-child(2){width:34%}table.bc th:nth-child(3){width:12%}
table.ctl-table th:nth-child(1){width:32%}table.ctl-table th:nth-child(3){width:7rem}table.ctl-table th:nth-child(4){width:11rem}
table.bc td,table.ctl-table td{overflow-wrap:anywhere}
footer{border-top:1px solid var(--line);padding:1rem 0 2rem;color:var(--muted);font-size:.9rem}
@media (max-width:40em){
 body{font-size:15px}
 header.top h1{font-size:1.3rem}
 table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}
 table.cards,table.cards tbody,table.cards tr,table.cards td,table.cards th{display:block;width:100%!important}
 table.cards tr{border:1px solid var(--line);border-radius:.5rem;margin:.5rem 0;padding:.25rem .5rem}
 table.cards td,table.cards th{border:0;padding:.15rem 0}
 table.cards td[data-label]::before{content:attr(data-label) ": ";font-weight:600}
 table.cards td.num{text-align:left}
 table.cards td:empty{display:none}
 table.cards tr[class^="ws-row-"] td:first-child{box-shadow:none}
 tr.ws-row-expired,tr.ws-row-stale,tr.ws-row-invalid{border-left:4px solid var(--failed)!important}
 tr.ws-row-expiring{border-left:4px solid var(--waived)!important}
 ol.bars{grid-template-columns:minmax(3rem,max-content) 1fr}
 ol.bars .t{grid-column:1/-1;margin-top:-.15rem;margin-bottom:.2rem;white-space:normal}
 dl.meta{grid-template-columns:1fr}
 dl.meta dd{margin-bottom:.4rem}
}
@media print{
 @page{margin:14mm}
 body{font-size:10pt;color:#000}
 .skip,nav.toc,form.filters,.noprint{display:none!important}
 header.top{background:none;color:#000;border-bottom:2px solid #000}
 header.top p,header.top a{color:#000}
 a{color:#000;text-decoration:none}
 details::details-content{display:block!important;content-visibility:visible!important}
 summary{list-style:none}
 summary::-webkit-details-marker{display:none}
 [hidden]{display:none!important}
 .rule-info a[href^="http"]::after{content:" <" attr(href) ">";font-size:.85em;overflow-wrap:anywhere}
 figure.coverage,tr,ul.findings>li,.waiver,pre.excerpt{break-inside:avoid}
 h2,h3,h4{break-after:avoid}
 .scroll{overflow:visible}
 pre.excerpt span{white-space:pre-wrap}
}
`.trim();

const SCRIPT = `
(function () {
  'use strict';
  var form = document.getElementById('filters');
  if (!form) return;
  form.hidden = false;
  var items = Array.prototype.slice.call(document.querySelectorAll('li.finding'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('.rule-group'));
  var docs = Array.prototype.slice.call(document.querySelectorAll('details.doc'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.by-control'));
  var controls = Array.prototype.slice.call(document.querySelectorAll('.ctl-findings'));
  var fwSections = Array.prototype.slice.call(document.querySelectorAll('[data-fw-section]'));
  var status = document.getElementById('filter-status');
  var text = new Array(items.length);
  // Which rule group and document each finding is in, looked up once.
  var groupIndex = new Map(groups.map(function (g, i) { return [g, i]; }));
  var docIndex = new Map(docs.map(function (d, i) { return [d, i]; }));
  var groupOf = items.map(function (el) { return groupIndex.get(el.closest('.rule-group')); });
  var docOf = items.map(function (el) { return docIndex.get(el.closest('details.doc')); });
  var groupSize = groups.map(function () { return 0; });
  groupOf.forEach(function (g) { if (g !== undefined) groupSize[g]++; });
  var timer = 0;
  function searchText(i) {
    if (text[i] === undefined) text[i] = ((items[i].getAttribute('data-rule') || '') + ' ' + items[i].textContent).toLowerCase();
    return text[i];
  }
  function value(id) { return document.getElementById(id).value; }
  function apply() {
    var sev = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[name=sev]'), function (c) { sev[c.value] = c.checked; });
    var waived = document.getElementById('f-waived').checked;
    var fw = value('f-fw');
    var doc = value('f-doc');
    var q = value('f-q').trim().toLowerCase();
    var shown = 0;
    var visible = {};
    var inGroup = groups.map(function () { return 0; });
    var inDoc = docs.map(function () { return 0; });
    for (var i = 0; i < items.length; i++) {
      var el = items[i];
      var ok = sev[el.getAttribute('data-sev')] === true &&
        (waived || el.getAttribute('data-waived') !== '1') &&
        (!fw || (' ' + el.getAttribute('data-fw') + ' ').indexOf(' ' + fw + ' ') >= 0) &&
        (!doc || el.getAttribute('data-doc') === doc) &&
        (!q || searchText(i).indexOf(q) >= 0);
      if (el.hidden === ok) el.hidden = !ok;
      if (ok) {
        shown++;
        visible[el.id] = true;
        if (groupOf[i] !== undefined) inGroup[groupOf[i]]++;
        if (docOf[i] !== undefined) inDoc[docOf[i]]++;
      }
    }
    groups.forEach(function (g, k) {
      var n = inGroup[k];
      g.hidden = n === 0;
      var out = g.querySelector('.shown');
      if (out) out.textContent = n === groupSize[k] ? '' : ' (' + n + ' shown)';
    });
    docs.forEach(function (d, k) { d.hidden = inDoc[k] === 0; });
    rows.forEach(function (r) {
      var ids = (r.getAttribute('data-f') || '').split(' ');
      var any = false;
      for (var k = 0; k < ids.length && !any; k++) any = visible[ids[k]] === true;
      r.hidden = !any;
    });
    controls.forEach(function (c) { c.hidden = !c.querySelector('tr.by-control:not([hidden])'); });
    fwSections.forEach(function (s) {
      var own = !fw || s.getAttribute('data-fw-section') === fw;
      s.hidden = !own || (s.classList.contains('by-control-fw') && !s.querySelector('.ctl-findings:not([hidden])'));
    });
    var omitted = Number(form.getAttribute('data-omitted') || 0);
    status.textContent = 'Showing ' + shown + ' of ' + items.length + (omitted ? ' listed findings; ' + omitted + ' more are counted but not listed.' : ' findings.');
  }
  form.addEventListener('input', function (e) {
    if (!e.target || e.target.id !== 'f-q') return;
    clearTimeout(timer);
    timer = setTimeout(apply, 200);
  });
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  function setAll(open) {
    Array.prototype.forEach.call(document.querySelectorAll('#findings-by-document details'), function (d) {
      if (!d.closest('[hidden]')) d.open = open;
    });
  }
  document.getElementById('expand-all').addEventListener('click', function () { setAll(true); });
  document.getElementById('collapse-all').addEventListener('click', function () { setAll(false); });
  function reveal(id) {
    var el = id ? document.getElementById(id) : null;
    if (!el) return;
    if (el.closest('[hidden]')) { form.reset(); apply(); }
    for (var p = el; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
    var own = el.tagName === 'DETAILS' ? el : el.querySelector(':scope > details');
    if (own) own.open = true;
    var target = own ? own.querySelector('summary') : el;
    el.scrollIntoView({ block: 'start' });
    if (target && target.focus) target.focus({ preventScroll: true });
  }
  window.addEventListener('hashchange', function () { reveal(decodeURIComponent(location.hash.slice(1))); });
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[href^="#"]') : null;
    if (!a) return;
    var id = decodeURIComponent(a.getAttribute('href').slice(1));
    if (id === decodeURIComponent(location.hash.slice(1))) setTimeout(function () { reveal(id); }, 0);
  });
  var opened = [];
  window.addEventListener('beforeprint', function () {
    opened = Array.prototype.filter.call(document.querySelectorAll('details'), function (d) { return !d.open; });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () { opened.forEach(function (d) { d.open = false; }); opened = []; });
  apply();
  if (location.hash) reveal(decodeURIComponent(location.hash.slice(1)));
})();
`.trim();

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const CSP = `default-src 'none'; style-src ${sha256(STYLE)}; script-src ${sha256(SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;

// ---------------------------------------------------------------------------------------------------------------
// Pieces

const STATUS_COLOR: Record<ControlStatus, string> = { failed: '#cf222e', waived: '#9a6700', passed: '#1a7f37', na: '#8c959f' };

/** "12 of 36 controls checked by this run: 8 failed, 0 waived, 4 passed" (the markdown format shows the same numbers). */
function checkedText(fw: ReportFramework): string {
  const { failed, waived, passed } = fw.counts;
  return `${failed + waived + passed} of ${plural(fw.controls.length, 'control')} checked by this run: ${failed} failed, ${waived} waived, ${passed} passed`;
}

function countsText(counts: Record<ControlStatus, number>, unit: string): string {
  const parts = CONTROL_STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${STATUS_LABELS[s]}`);
  const total = CONTROL_STATUSES.reduce((n, s) => n + counts[s], 0);
  return parts.length ? `${parts.join(', ')} (of ${plural(total, unit)})` : `no ${unit}s`;
}

/** A stacked bar of status counts: inline SVG, with the counts in its accessible name. */
function statusBar(counts: Record<ControlStatus, number>, label: string, cls = 'bar'): string {
  const total = CONTROL_STATUSES.reduce((n, s) => n + counts[s], 0);
  let x = 0;
  const rects = CONTROL_STATUSES.filter((s) => counts[s] > 0).map((s) => {
    const w = (counts[s] / total) * 100;
    const r = `<rect x="${x.toFixed(3)}" y="0" width="${w.toFixed(3)}" height="10" fill="${STATUS_COLOR[s]}"><title>${esc(`${counts[s]} ${STATUS_LABELS[s]}`)}</title></rect>`;
    x += w;
    return r;
  });
  if (total === 0) rects.push('<rect x="0" y="0" width="100" height="10" fill="#eaeef2"/>');
  return `<svg class="${cls}" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${esc(label)}" focusable="false">${rects.join('')}</svg>`;
}

function legend(counts?: Record<ControlStatus, number>): string {
  return `<ul class="legend">${CONTROL_STATUSES.map(
    (s) => `<li><span class="sw sw-${s}" aria-hidden="true"></span>${esc(STATUS_LABELS[s])}${counts ? `: <strong data-count="${s}">${counts[s]}</strong>` : ''}</li>`,
  ).join('')}</ul>`;
}

function statusBadge(status: ControlStatus): string {
  return `<span class="badge st-${status}">${esc(STATUS_LABELS[status])}</span>`;
}

function severityBadge(severity: number): string {
  return `<span class="badge sev-${Math.min(3, Math.max(0, severity))}">${esc(severityLabel(severity))}</span>`;
}

interface Anchors {
  /** Control id -> id of its row in the control table. */
  control: Map<string, string>;
  /** Control id -> id of its block in findings by control. */
  byControl: Map<string, string>;
  /** `${document index}\u0000${rule}` -> id of the rule group in findings by document. */
  group: Map<string, string>;
  /** Per finding: 2 listed in full (with excerpt), 1 listed by location only, 0 counted but not listed. */
  mode: Uint8Array;
  /** Findings counted but not listed. */
  omitted: number;
}

/** How many findings the report lists in full (with excerpts) and by location only, by default. */
export const DEFAULT_LIST_LIMITS = { full: 1500, compact: 4000 };

/** The largest per-group cap such that the groups together stay within the budget (at least `min`). */
function waterLevel(sizes: readonly number[], budget: number, min: number): number {
  if (sizes.reduce((a, b) => a + b, 0) <= budget) return Infinity;
  let lo = 0;
  let hi = Math.max(...sizes);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (sizes.reduce((n, x) => n + Math.min(x, mid), 0) <= budget) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(min, lo);
}

/**
 * Which findings to list: every (document, rule) group gets the same cap, the largest that keeps the total within
 * the budget, so that small groups are listed whole and only the thousands of one rule in one document are cut.
 * Waived findings come first within a group.
 */
function planListing(model: ComplianceModel, limits: { full: number; compact: number }): { mode: Uint8Array; omitted: number } {
  const groups: number[][] = [];
  for (const d of model.documents) {
    const byRule = new Map<string, number[]>();
    for (const k of d.findings) {
      const code = model.findings[k].finding.code;
      push(byRule, code, k);
    }
    for (const idx of byRule.values()) {
      groups.push([...idx.filter((k) => model.findings[k].finding.suppression), ...idx.filter((k) => !model.findings[k].finding.suppression)]);
    }
  }
  // Every group shows at least one finding in full, so every rule with findings can be opened.
  const fullCap = waterLevel(groups.map((g) => g.length), limits.full, 1);
  const compactCap = waterLevel(groups.map((g) => Math.max(0, g.length - fullCap)), limits.compact, 0);
  const mode = new Uint8Array(model.findings.length);
  let omitted = 0;
  for (const g of groups) {
    g.forEach((k, j) => {
      mode[k] = j < fullCap ? 2 : j - fullCap < compactCap ? 1 : 0;
      if (mode[k] === 0) omitted++;
    });
  }
  return { mode, omitted };
}

function anchorsOf(model: ComplianceModel, limits: { full: number; compact: number }): Anchors {
  const control = new Map<string, string>();
  const byControl = new Map<string, string>();
  model.frameworks.forEach((fw, i) =>
    fw.controls.forEach((c, j) => {
      control.set(c.id, `ctl-${i + 1}-${j + 1}`);
      byControl.set(c.id, `bc-${i + 1}-${j + 1}`);
    }),
  );
  const group = new Map<string, string>();
  model.documents.forEach((d, i) => {
    const rules = [...new Set(d.findings.map((f) => model.findings[f].finding.code))];
    rules.forEach((r, k) => group.set(`${i}\u0000${r}`, `${d.id}-r${k + 1}`));
  });
  return { control, byControl, group, ...planListing(model, limits) };
}

function docLabel(d: ReportDocument): string {
  return d.linted ? d.source : `${d.source} (${d.coverage ? 'referenced file' : 'not an API document'})`;
}

// ---------------------------------------------------------------------------------------------------------------
// Sections

function summarySection(model: ComplianceModel, anchors: Anchors): string {
  const out: string[] = ['<section id="summary" aria-labelledby="summary-h">', '<h2 id="summary-h">Summary</h2>'];
  const linted = model.documents.filter((d) => d.linted).length;
  out.push('<dl class="meta">');
  out.push(`<dt>Documents linted</dt><dd><span data-total="documents">${linted}</span>${model.inputErrors.length ? `, and <a href="#input-errors">${plural(model.inputErrors.length, 'file')} that could not be read</a>` : ''}</dd>`);
  out.push(`<dt>Ruleset</dt><dd>${esc(model.preset)}: ${plural(model.rulesActive, 'rule')} active${model.configs.length ? ` (configuration ${model.configs.map((c) => `<code>${esc(c)}</code>`).join(', ')})` : ''}</dd>`);
  out.push(`<dt>Tool</dt><dd>finlint ${esc(model.toolVersion)}</dd>`);
  out.push(`<dt>Date</dt><dd><time datetime="${esc(model.generatedAt.toISOString())}">${esc(model.date)} ${esc(model.generatedAt.toISOString().slice(11, 16))} UTC</time></dd>`);
  out.push('</dl>');
  if (model.inputErrors.length > 0) {
    out.push(`<p class="note bad" role="note">${plural(model.inputErrors.length, 'file')} could not be linted; the controls below say nothing about ${model.inputErrors.length === 1 ? 'it' : 'them'}. See <a href="#input-errors">Files that could not be read</a>.</p>`);
  }
  const hidden = (model.filtered?.baseline ?? 0) + (model.filtered?.changedSince ?? 0);
  if (hidden > 0) {
    out.push(`<p class="note bad" role="note">This run left out ${plural(hidden, 'finding')} (already in a baseline, or not new since a git ref). The statuses below count only the findings shown: a control can read as passed while a left-out finding fails it.</p>`);
  }

  const [e, w, i, h] = model.totals.open;
  out.push('<h3 id="totals-h">Findings by severity</h3>');
  out.push('<ul class="totals" aria-labelledby="totals-h">');
  const tile = (key: string, label: string, n: number) => `<li><span class="n" data-total="${key}">${n}</span>${esc(label)}</li>`;
  out.push(tile('error', n1(e, 'error'), e), tile('warn', n1(w, 'warning'), w), tile('info', i === 1 ? 'info' : 'infos', i), tile('hint', n1(h, 'hint'), h));
  out.push(tile('waived', 'waived', model.totals.waived), tile('findings', n1(model.totals.findings, 'finding') + ' in total', model.totals.findings));
  out.push('</ul>');
  out.push('<p class="muted">Waived findings (by a waivers file or an inline <code>x-finlint-ignore</code>) are counted apart from the open ones and never fail a run.</p>');

  out.push('<h3>Control coverage</h3>');
  out.push(
    `<p>For each framework, every control finlint maps, and its status across the ${plural(model.coverageDocuments.length, 'document')}: <strong>failed</strong> (an open finding), <strong>waived</strong> (only waived findings), <strong>passed</strong> (a rule providing evidence ran and found nothing), <strong>not applicable</strong> (no rule of this run checks it for that document). See <a href="#reading">how to read this report</a>.</p>`,
  );
  out.push(legend());
  for (const fw of model.frameworks) {
    const capId = `cov-${fw.id.replace(/[^a-z0-9-]/gi, '_')}`;
    out.push(`<figure class="coverage" aria-labelledby="${capId}" data-fw="${esc(fw.id)}">`);
    out.push(`<figcaption id="${capId}">${esc(fw.title)}: <span data-checked>${esc(checkedText(fw))}</span></figcaption>`);
    out.push(statusBar(fw.counts, `${fw.title} controls: ${countsText(fw.counts, 'control')}`, 'bar fwbar'));
    out.push(legend(fw.counts));
    out.push('<ol class="bars">');
    for (const c of fw.controls) {
      const text = countsText(c.counts, 'document');
      out.push(
        `<li><a class="c" href="#${anchors.control.get(c.id)}" title="${esc(c.title)}">${esc(c.clause)}</a>${statusBar(c.counts, `${c.id}: ${text}`)}<span class="t">${esc(compactCounts(c.counts))}</span></li>`,
      );
    }
    out.push('</ol></figure>');
  }

  out.push('<h3>Documents</h3>');
  out.push('<div class="scroll" role="region" aria-label="Documents" tabindex="0"><table class="cards"><thead><tr><th scope="col">Document</th><th scope="col">OAS</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th><th scope="col" class="num">Infos</th><th scope="col" class="num">Hints</th><th scope="col" class="num">Waived</th></tr></thead><tbody>');
  for (const d of model.documents) {
    const name = d.findings.length > 0 ? `<a href="#${d.id}">${esc(docLabel(d))}</a>` : esc(docLabel(d));
    out.push(
      `<tr><th scope="row" data-label="Document">${name}</th><td data-label="OAS">${esc(d.oasVersion ?? (d.linted ? '?' : '–'))}</td>${d.open.map((n, k) => `<td class="num" data-label="${['Errors', 'Warnings', 'Infos', 'Hints'][k]}">${n}</td>`).join('')}<td class="num" data-label="Waived">${d.waived}</td></tr>`,
    );
  }
  out.push('</tbody></table></div>');
  out.push('</section>');
  return out.join('\n');
}

function n1(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

function compactCounts(counts: Record<ControlStatus, number>): string {
  const parts = CONTROL_STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s === 'na' ? 'n/a' : s}`);
  return parts.join(' · ') || '–';
}

function ruleLink(id: string, model: ComplianceModel): string {
  const url = model.rules[id]?.documentationUrl ?? rulesById.get(id)?.definition.documentationUrl;
  const safe = safeUrl(url);
  return safe ? `<a href="${esc(safe)}" rel="noopener noreferrer"><code>${esc(id)}</code></a>` : `<code>${esc(id)}</code>`;
}

function controlsSection(model: ComplianceModel, anchors: Anchors): string {
  const out: string[] = ['<section id="controls" aria-labelledby="controls-h">', '<h2 id="controls-h">Controls by framework</h2>'];
  out.push(
    '<p>Each control with our short title (not the standard\u2019s wording), the rules that provide evidence for it (a rule marked <em>not run</em> exists but was off in this run), its status, its status per document, and its findings.</p>',
  );
  model.frameworks.forEach((fw, i) => out.push(frameworkTable(fw, i, model, anchors)));
  out.push('</section>');
  return out.join('\n');
}

function frameworkTable(fw: ReportFramework, i: number, model: ComplianceModel, anchors: Anchors): string {
  const out: string[] = [`<section class="fw" id="fw-${i + 1}" data-fw-section="${esc(fw.id)}" aria-labelledby="fw-${i + 1}-h">`];
  out.push(`<h3 id="fw-${i + 1}-h">${esc(fw.title)}</h3>`);
  out.push(`<p>${esc(checkedText(fw))}; ${fw.counts.na} not applicable (no rule of this run checks ${fw.counts.na === 1 ? 'it' : 'them'}).${fw.url ? ` Source: ${link(fw.url, fw.url)}` : ''}</p>`);
  out.push(`<div class="scroll" role="region" aria-label="${esc(fw.title)} controls" tabindex="0"><table class="cards ctl-table"><thead><tr><th scope="col">Control</th><th scope="col">Rules providing evidence</th><th scope="col">Status</th><th scope="col">Documents</th><th scope="col">Findings</th></tr></thead><tbody>`);
  for (const c of fw.controls) {
    const rules = c.rules.length
      ? c.rules.map((r) => `${ruleLink(r, model)}${c.activeRules.includes(r) ? '' : ' <span class="muted">(not run)</span>'}`).join('<br>')
      : '<span class="muted">No finlint rule checks this yet.</span>';
    const findings =
      c.findings.length > 0
        ? `<a href="#${anchors.byControl.get(c.id)}">${c.open} open${c.waived ? `, ${c.waived} waived` : ''}</a>${c.worst !== undefined ? ` ${severityBadge(c.worst)}` : ''}`
        : '<span class="muted">none</span>';
    out.push(
      `<tr id="${anchors.control.get(c.id)}" data-status="${c.status}"><th scope="row" data-label="Control"><code>${esc(c.id)}</code><br>${esc(c.title)}</th><td data-label="Evidence">${rules}</td><td data-label="Status">${statusBadge(c.status)}</td><td data-label="Documents">${statusBar(c.counts, `${c.id} across documents: ${countsText(c.counts, 'document')}`)}<span class="muted">${esc(compactCounts(c.counts))}</span></td><td data-label="Findings">${findings}</td></tr>`,
    );
  }
  out.push('</tbody></table></div>');
  out.push(`<h4 id="fw-${i + 1}-nc">Not checked statically</h4>`);
  if (fw.notCheckable.length > 0) {
    out.push(`<p>finlint reads the API contract, not the running system. It cannot show that these ${esc(fw.title)} requirements are met; they need other evidence (configuration review, runtime scans, conformance or penetration tests, process records):</p>`);
    out.push(`<ul>${fw.notCheckable.map((n) => `<li><strong>${esc(n.clauses)}</strong>: ${esc(n.text)}</li>`).join('')}</ul>`);
  } else {
    out.push('<p>No list is kept for this framework: treat every control not in the table above as not checked.</p>');
  }
  out.push('</section>');
  return out.join('\n');
}

function filterForm(model: ComplianceModel, omitted: number): string {
  const fwOptions = model.frameworks.map((fw) => `<option value="${esc(fw.id)}">${esc(fw.title)}</option>`).join('');
  const docOptions = model.documents
    .filter((d) => d.findings.length > 0)
    .map((d) => `<option value="${d.id}">${esc(d.source)}</option>`)
    .join('');
  return `<form id="filters" class="filters" role="search" aria-label="Filter findings" data-omitted="${omitted}" hidden>
<fieldset><legend>Severity</legend>${[0, 1, 2, 3].map((s) => `<label><input type="checkbox" name="sev" value="${s}" checked> ${severityLabel(s)}</label>`).join(' ')}
<label><input type="checkbox" id="f-waived" checked> include waived</label></fieldset>
<div class="row">
<label class="field" for="f-fw">Framework<select id="f-fw"><option value="">All frameworks</option>${fwOptions}</select></label>
<label class="field" for="f-doc">Document<select id="f-doc"><option value="">All documents</option>${docOptions}</select></label>
<label class="field" for="f-q">Search<input type="search" id="f-q" placeholder="rule, message, path, text" autocomplete="off"></label>
</div>
<div class="row"><button type="reset">Clear filters</button><button type="button" id="expand-all">Expand all</button><button type="button" id="collapse-all">Collapse all</button>
<output id="filter-status" for="f-fw f-doc f-q" aria-live="polite"></output></div>
</form>`;
}

function findingItem(rf: ReportFinding, model: ComplianceModel, anchors: Anchors, lines: readonly string[] | undefined): string {
  const f = rf.finding;
  const line = f.range.start.line + 1;
  const col = f.range.start.character + 1;
  const waived = f.suppression !== undefined;
  const out: string[] = [`<li ${findingAttrs(rf, model, '')}><details><summary>${severityBadge(f.severity)}${waived ? ` <span class="badge st-waived">${f.suppression!.kind === 'inline' ? 'ignored inline' : 'waived'}</span>` : ''} <span class="muted">line ${line}</span> <span class="msg">${esc(f.message)}</span></summary>`];
  out.push('<dl class="meta">');
  out.push(`<dt>Rule</dt><dd>${ruleLink(f.code, model)}</dd>`);
  out.push(`<dt>Location</dt><dd><code>${esc(`${f.source}:${line}:${col}`)}</code></dd>`);
  out.push(`<dt>Path</dt><dd><code>${esc(toPointer(f.path) || '/')}</code></dd>`);
  if (f.controls.length > 0) {
    out.push(`<dt>Controls</dt><dd class="links">${f.controls.map((c) => (anchors.control.has(c) ? `<a href="#${anchors.control.get(c)}"><code>${esc(c)}</code></a>` : `<code>${esc(c)}</code>`)).join(' ')}</dd>`);
  }
  out.push('</dl>');
  const ex = lines ? excerpt(lines, f.range) : undefined;
  if (ex) {
    out.push(
      `<pre class="excerpt" tabindex="0" aria-label="${esc(`Source excerpt, lines ${ex[0].number} to ${ex[ex.length - 1].number}`)}"><code>${ex
        .map((l) => `<span${l.hit ? ' class="hit"' : ''}><span class="ln">${l.number}</span>${l.cutStart ? '\u2026' : ''}${esc(l.text)}${l.cutEnd ? '\u2026' : ''}</span>`)
        .join('')}</code></pre>`,
    );
  } else {
    out.push('<p class="muted">No source excerpt: the file was not available when the report was written.</p>');
  }
  if (f.suppression) out.push(suppressionBlock(f.suppression, model));
  out.push('</details></li>');
  return out.join('');
}

function findingAttrs(rf: ReportFinding, model: ComplianceModel, extraClass: string): string {
  const f = rf.finding;
  const waived = f.suppression !== undefined;
  return `id="${rf.id}" class="finding${extraClass}${waived ? ' waived' : ''}" data-sev="${Math.min(3, Math.max(0, f.severity))}" data-waived="${waived ? 1 : 0}" data-fw="${esc(rf.frameworks.join(' '))}" data-doc="${model.documents[rf.document].id}" data-rule="${esc(f.code)}"`;
}

/** A finding listed by location only (large reports): severity, line, path and message, no excerpt. */
function compactItem(rf: ReportFinding, model: ComplianceModel): string {
  const f = rf.finding;
  const waived = f.suppression ? ` <span class="badge st-waived">${f.suppression.kind === 'inline' ? 'ignored inline' : 'waived'}</span>` : '';
  return `<li ${findingAttrs(rf, model, ' compact')}>${severityBadge(f.severity)}${waived} <span class="muted">line ${f.range.start.line + 1}</span> <code>${esc(toPointer(f.path) || '/')}</code> <span class="msg">${esc(f.message)}</span></li>`;
}

function suppressionBlock(s: NonNullable<ReportFinding['finding']['suppression']>, model: ComplianceModel): string {
  const rows = [`<dt>Reason</dt><dd>${esc(s.justification)}</dd>`];
  if (s.owner) rows.push(`<dt>Owner</dt><dd>${esc(s.owner)}</dd>`);
  if (s.ticket) rows.push(`<dt>Ticket</dt><dd>${esc(s.ticket)}</dd>`);
  if (s.expires) rows.push(`<dt>Expires</dt><dd>${esc(s.expires)}${expiryNote(s.expires, model.date)}</dd>`);
  rows.push(`<dt>Written at</dt><dd><code>${esc(s.location)}</code></dd>`);
  return `<div class="waiver"><strong>${s.kind === 'inline' ? 'Ignored inline (x-finlint-ignore)' : 'Waived (waivers file)'}</strong><dl class="meta">${rows.join('')}</dl></div>`;
}

function expiryNote(expires: string, today: string): string {
  const days = Math.round((Date.parse(`${expires}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (Number.isNaN(days)) return '';
  if (days < 0) return ' <span class="badge ws-expired">expired</span>';
  if (days <= 30) return ` <span class="badge ws-expiring">expires in ${plural(days, 'day')}</span>`;
  return '';
}

function findingsSection(model: ComplianceModel, anchors: Anchors, sources: Readonly<Record<string, string>> | undefined): string {
  const out: string[] = ['<section id="findings" aria-labelledby="findings-h">', '<h2 id="findings-h">Findings</h2>'];
  if (model.findings.length === 0) {
    out.push('<p>No findings.</p></section>');
    return out.join('\n');
  }
  out.push(filterForm(model, anchors.omitted));
  if (anchors.omitted > 0) {
    const listed = model.findings.length - anchors.omitted;
    out.push(
      `<p class="note" role="note">This report lists ${plural(listed, 'finding')} of ${model.findings.length}: where one rule reports very many findings in one document, the first ones are shown in full and some more by location, and the other ${anchors.omitted} are counted in every total, chart and status above but not listed. <code>finlint lint --format json</code> (or sarif) lists all of them; <code>finlint report --all-findings</code> writes a report that lists all of them.</p>`,
    );
  }
  out.push('<h3 id="findings-by-document-h">By document</h3><div id="findings-by-document">');
  out.push('<p class="muted">Each document lists its findings by rule; open a rule for why it matters and how to fix it, and a finding for its source excerpt.</p>');
  const clean = model.documents.filter((d) => d.linted && d.findings.length === 0);
  // A few documents open at once; in a large report each stays closed until asked for (it also renders faster).
  const openDocs = model.documents.filter((d) => d.findings.length > 0).length <= 6;
  model.documents.forEach((d, i) => {
    if (d.findings.length === 0) return;
    const text = sources?.[d.source];
    const lines = text !== undefined ? splitLines(text) : undefined;
    const sev = d.open.map((n, k) => (n ? plural(n, ['error', 'warning', 'info', 'hint'][k]) : '')).filter(Boolean);
    if (d.waived) sev.push(`${d.waived} waived`);
    out.push(`<details class="doc" id="${d.id}"${openDocs ? ' open' : ''}><summary>${esc(docLabel(d))} <span class="muted">(${esc(sev.join(', '))})</span></summary>`);
    const byRule = new Map<string, number[]>();
    for (const f of d.findings) {
      const code = model.findings[f].finding.code;
      push(byRule, code, f);
    }
    // Rules with open errors first, then warnings..., rules whose findings are all waived last.
    const groups = [...byRule].map(([code, idx]) => {
      const open = idx.filter((k) => !model.findings[k].finding.suppression);
      const worst = Math.min(...(open.length ? open : idx).map((k) => model.findings[k].finding.severity));
      return { code, idx, worst, waived: idx.length - open.length, rank: (open.length ? 0 : 10) + worst };
    });
    groups.sort((a, b) => a.rank - b.rank || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (const { code, idx, worst, waived } of groups) {
      const rule = model.rules[code];
      const listed = idx.filter((k) => anchors.mode[k] > 0).length;
      const count = `${waived === 0 ? plural(idx.length, 'finding') : waived === idx.length ? `${plural(idx.length, 'finding')}, waived` : `${plural(idx.length, 'finding')}, ${waived} waived`}${listed < idx.length ? ` (${listed} listed)` : ''}`;
      out.push(
        `<details class="rule-group" id="${anchors.group.get(`${i}\u0000${code}`)}"><summary>${severityBadge(worst)}${waived === idx.length ? ' <span class="badge st-waived">waived</span>' : ''} <code>${esc(code)}</code> <span class="muted">${count}<span class="shown"></span></span></summary>`,
      );
      out.push('<div class="rule-info">');
      if (rule?.description) out.push(`<p>${esc(rule.description)}</p>`);
      if (rule?.why) out.push(`<h5>Why</h5>${markdownLite(rule.why)}`);
      if (rule?.howToFix) out.push(`<h5>How to fix</h5><p>${esc(rule.howToFix)}</p>`);
      const url = safeUrl(rule?.documentationUrl);
      if (url) out.push(`<p><a href="${esc(url)}" rel="noopener noreferrer">Documentation of ${esc(code)}</a></p>`);
      out.push('</div>');
      const full = idx.filter((k) => anchors.mode[k] === 2);
      const compact = idx.filter((k) => anchors.mode[k] === 1);
      const left = idx.length - full.length - compact.length;
      out.push(`<ul class="findings">${full.map((k) => findingItem(model.findings[k], model, anchors, lines)).join('')}</ul>`);
      if (compact.length > 0) {
        out.push(`<p class="muted more">${plural(compact.length, 'more finding')} by location only:</p><ul class="findings compact">${compact.map((k) => compactItem(model.findings[k], model)).join('')}</ul>`);
      }
      if (left > 0) out.push(`<p class="note">${plural(left, 'more finding')} of this rule in this document ${left === 1 ? 'is' : 'are'} counted but not listed.</p>`);
      out.push('</details>');
    }
    out.push('</details>');
  });
  if (clean.length > 0) {
    out.push(`<h4>Documents without findings</h4><ul>${clean.map((d) => `<li><code>${esc(d.source)}</code></li>`).join('')}</ul>`);
  }
  out.push('</div>');

  out.push('<h3 id="findings-by-control-h">By control</h3>');
  out.push('<p class="muted">For each control with findings: the documents and rules that report them, with a link to every finding.</p>');
  model.frameworks.forEach((fw, i) => {
    const withFindings = fw.controls.filter((c) => c.findings.length > 0);
    if (withFindings.length === 0) return;
    out.push(`<section class="by-control-fw" data-fw-section="${esc(fw.id)}" aria-labelledby="bcf-${i + 1}"><h4 id="bcf-${i + 1}">${esc(fw.title)}</h4>`);
    for (const c of withFindings) out.push(byControlBlock(c, model, anchors));
    out.push('</section>');
  });
  out.push('</section>');
  return out.join('\n');
}

const MAX_LINKS = 40;

function byControlBlock(c: ReportControl, model: ComplianceModel, anchors: Anchors): string {
  const id = anchors.byControl.get(c.id)!;
  const out: string[] = [`<div class="ctl-findings" id="${id}"><h5>${statusBadge(c.status)} <code>${esc(c.id)}</code> ${esc(c.title)} <a href="#${anchors.control.get(c.id)}" class="muted">(control table)</a></h5>`];
  out.push(`<div class="scroll" role="region" aria-label="${esc(`Findings for ${c.id}`)}" tabindex="0"><table class="cards bc"><thead><tr><th scope="col">Document</th><th scope="col">Rule</th><th scope="col" class="num">Findings</th><th scope="col">Lines</th></tr></thead><tbody>`);
  const pairs = new Map<string, number[]>();
  for (const k of c.findings) {
    const rf = model.findings[k];
    const key = `${rf.document}\u0000${rf.finding.code}`;
    push(pairs, key, k);
  }
  for (const [key, idx] of pairs) {
    const [d, code] = key.split('\u0000');
    const doc = model.documents[Number(d)];
    const waived = idx.filter((k) => model.findings[k].finding.suppression).length;
    const listed = idx.filter((k) => anchors.mode[k] > 0);
    const links = listed
      .slice(0, MAX_LINKS)
      .map((k) => {
        const f = model.findings[k].finding;
        return `<a href="#${model.findings[k].id}">${f.range.start.line + 1}${f.suppression ? ' (waived)' : ''}</a>`;
      })
      .join(' ');
    const shown = Math.min(listed.length, MAX_LINKS);
    const more = idx.length > shown ? ` <a href="#${anchors.group.get(key)}">and ${idx.length - shown} more</a>` : '';
    out.push(
      `<tr class="by-control" data-f="${listed.map((k) => model.findings[k].id).join(' ')}"><td data-label="Document"><a href="#${doc.id}">${esc(doc.source)}</a></td><td data-label="Rule"><a href="#${anchors.group.get(key)}"><code>${esc(code)}</code></a></td><td class="num" data-label="Findings">${idx.length - waived}${waived ? ` + ${waived} waived` : ''}</td><td data-label="Lines" class="links">${links}${more}</td></tr>`,
    );
  }
  out.push('</tbody></table></div></div>');
  return out.join('');
}

function waiversSection(model: ComplianceModel, anchors: Anchors): string {
  const out: string[] = ['<section id="waivers" aria-labelledby="waivers-h">', '<h2 id="waivers-h">Waivers and inline ignores</h2>'];
  if (model.waivers.length === 0) {
    out.push('<p>No finding was waived and no waiver needs attention.</p></section>');
    return out.join('\n');
  }
  const problems = model.waivers.filter((w) => w.status === 'expired' || w.status === 'stale' || w.status === 'invalid').length;
  const expiring = model.waivers.filter((w) => w.status === 'expiring').length;
  out.push(
    `<p>Every accepted exception, who owns it and until when. ${problems ? `<strong>${plural(problems, 'waiver')} need${problems === 1 ? 's' : ''} attention</strong> (expired: the findings count again; stale: matches nothing; invalid: malformed or without a reason). ` : ''}${expiring ? `<strong>${expiring} expire${expiring === 1 ? 's' : ''} within 30 days.</strong>` : ''}</p>`,
  );
  out.push('<div class="scroll" role="region" aria-label="Waivers" tabindex="0"><table class="cards"><thead><tr><th scope="col">Status</th><th scope="col">Kind</th><th scope="col">Rule</th><th scope="col">Written at</th><th scope="col">Reason</th><th scope="col">Owner</th><th scope="col">Ticket</th><th scope="col">Expires</th><th scope="col">Findings</th></tr></thead><tbody>');
  for (const w of model.waivers) out.push(waiverRow(w, model, anchors));
  out.push('</tbody></table></div></section>');
  return out.join('\n');
}

function waiverRow(w: ReportWaiver, model: ComplianceModel, anchors: Anchors): string {
  const problem = w.problem !== undefined ? model.findings[w.problem] : undefined;
  const where = (k: number) => esc(`${model.findings[k].finding.source}:${model.findings[k].finding.range.start.line + 1}`);
  const listed = w.findings.filter((k) => anchors.mode[k] > 0).slice(0, MAX_LINKS);
  const rest = w.findings.length - listed.length;
  const findings = w.findings.length
    ? `${listed.map((k) => `<a href="#${model.findings[k].id}">${where(k)}</a>`).join('<br>')}${rest ? `<br>and ${rest} more` : ''}`
    : problem
      ? anchors.mode[w.problem!] > 0
        ? `<a href="#${problem.id}">the ${esc(problem.finding.code)} finding</a>`
        : `the ${esc(problem.finding.code)} finding`
      : '';
  const expires = w.expires
    ? `${esc(w.expires)}${w.daysLeft !== undefined && w.daysLeft < 0 ? ' <span class="badge ws-expired">expired</span>' : w.status === 'expiring' ? ` <span class="badge ws-expiring">in ${plural(Math.max(0, w.daysLeft ?? 0), 'day')}</span>` : ''}`
    : '';
  return `<tr id="${w.id}" class="ws-row-${w.status}"><td data-label="Status"><span class="badge ws-${w.status}">${esc(WAIVER_STATUS_LABELS[w.status])}</span></td><td data-label="Kind">${w.kind === 'inline' ? 'inline' : 'waivers file'}</td><td data-label="Rule">${w.rule ? `<code>${esc(w.rule)}</code>` : ''}</td><td data-label="Written at"><code>${esc(w.location)}</code>${w.target ? `<br><span class="muted">covers <code>${esc(w.target)}</code></span>` : ''}</td><td data-label="Reason">${esc(w.reason ?? '')}</td><td data-label="Owner">${esc(w.owner ?? '')}</td><td data-label="Ticket">${esc(w.ticket ?? '')}</td><td data-label="Expires">${expires}</td><td data-label="Findings">${findings}</td></tr>`;
}

function inputErrorsSection(model: ComplianceModel): string {
  if (model.inputErrors.length === 0) return '';
  return `<section id="input-errors" aria-labelledby="input-errors-h"><h2 id="input-errors-h">Files that could not be read</h2><ul>${model.inputErrors
    .map((e) => `<li><code>${esc(`${e.source}${e.line !== undefined ? `:${e.line}:${e.column ?? 1}` : ''}`)}</code>: ${esc(e.message)}</li>`)
    .join('')}</ul></section>`;
}

function readingSection(): string {
  return `<section id="reading" aria-labelledby="reading-h"><h2 id="reading-h">How to read this report</h2>
<p>finlint checks API descriptions (OpenAPI 2.0, 3.0 and 3.1), not running systems. A control is <strong>passed</strong> for a document when at least one rule that provides evidence for it ran on that document and reported nothing; that is evidence that the API design leaves room for the control, never proof that the control operates. It is <strong>failed</strong> when any of those rules reported an open finding of any severity (the findings\u2019 severities say how serious), <strong>waived</strong> when every finding was accepted by a waiver or an inline ignore, and <strong>not applicable</strong> when no rule of this run checks it for that document (the rule is off, or does not inspect that OpenAPI version). A file reached through <code>$ref</code> is listed as a document of its own: it can fail or be waived, and is otherwise not applicable, since it is checked only as part of the documents that reference it.</p>
<p>Control titles are short paraphrases of ours; read the standard for the requirement itself. Each framework ends with what finlint cannot check statically.</p>
</section>`;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * The HTML compliance report. `ctx.audit` (from `loadAuditInputs`) adds source excerpts, rule rationale, waiver
 * entries and per-document rule sets; `ctx.now` fixes the date. Filters by severity and document, waived findings
 * and `--quiet` do not apply: an audit report always shows everything.
 */
export const html: Formatter = (report, ctx = {}) => {
  const model = buildComplianceModel(report, ctx.audit, { now: ctx.now, toolVersion: ctx.toolVersion });
  const limits = ctx.listLimits === false ? { full: Infinity, compact: 0 } : { ...DEFAULT_LIST_LIMITS, ...ctx.listLimits };
  const anchors = anchorsOf(model, limits);
  const linted = model.documents.filter((d) => d.linted).length;
  const open = model.totals.open.reduce((a, b) => a + b, 0);
  const title = `finlint compliance report: ${plural(linted, 'document')}, ${plural(open, 'open finding')} (${model.date})`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="finlint ${esc(model.toolVersion)}">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<header class="top"><div class="wrap"><h1>API compliance report</h1><p>${esc(plural(linted, 'document'))} · ${esc(model.preset)} · finlint ${esc(model.toolVersion)} · ${esc(model.date)}</p></div></header>
<nav class="toc" aria-label="Sections"><div class="wrap"><ul>
<li><a href="#summary">Summary</a></li><li><a href="#controls">Controls</a></li><li><a href="#findings">Findings</a></li><li><a href="#waivers">Waivers</a></li>${model.inputErrors.length ? '<li><a href="#input-errors">Unreadable files</a></li>' : ''}<li><a href="#reading">How to read</a></li>
</ul></div></nav>
<main id="main" tabindex="-1"><div class="wrap">
${summarySection(model, anchors)}
${controlsSection(model, anchors)}
${findingsSection(model, anchors, ctx.audit?.sources)}
${waiversSection(model, anchors)}
${inputErrorsSection(model)}
${readingSection()}
</div></main>
<footer><div class="wrap">Written by <a href="${esc(FINLINT_URL)}" rel="noopener noreferrer">finlint</a> ${esc(model.toolVersion)} on ${esc(model.date)}. Control titles are our own paraphrases; this report is evidence about API design, not a certification.</div></footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
};
