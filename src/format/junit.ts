import type { Finding } from '../engine/types.js';
import { toPointer } from '../engine/fingerprint.js';
import type { Formatter } from './types.js';
import { describedRules, severityName, waiverText } from './util.js';

// XML 1.0 allows tab, LF, CR and characters from U+0020 up (minus surrogates and U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/g;

function xml(text: string): string {
  return text
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function findingLine(f: Finding): string {
  const where = `${f.source}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
  const lines = [`${where} ${severityName(f.severity)} ${f.message} (at ${toPointer(f.path) || '/'})`];
  if (f.suppression) lines.push(`  ${waiverText(f)}`);
  else if (f.howToFix) lines.push(`  How to fix: ${f.howToFix}`);
  if (f.controls.length > 0) lines.push(`  Controls: ${f.controls.join(' ')}`);
  if (f.documentationUrl) lines.push(`  Docs: ${f.documentationUrl}`);
  return lines.join('\n');
}

/**
 * JUnit XML: one test suite per file, one test case per rule and linted file. A rule with findings in a file is a
 * failed test case (every finding listed in the failure); a rule whose findings there are all waived is a skipped
 * one; an unreadable input is a test case with an error.
 */
export const junit: Formatter = (report) => {
  const rules = describedRules(report);
  const sources = [...new Set([...report.files, ...report.findings.map((f) => f.source)])].sort();
  const byKey = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const key = `${f.source}\u0000${f.code}`;
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  let totalErrors = 0;
  let totalSkipped = 0;
  for (const source of sources) {
    const cases: string[] = [];
    let failures = 0;
    let skipped = 0;
    // A linted file gets a test case for every rule that ran; engine diagnostics (waivers, $refs) and files that
    // only have findings (a $ref'd file, the waivers file) get one where something was reported.
    const linted = report.files.includes(source);
    const caseRules = rules.filter((r) => (linted && r.category !== 'engine') || byKey.has(`${source}\u0000${r.id}`));
    for (const rule of caseRules) {
      const found = byKey.get(`${source}\u0000${rule.id}`) ?? [];
      const active = found.filter((f) => f.suppression === undefined);
      const waived = found.filter((f) => f.suppression !== undefined);
      const open = `    <testcase name="${xml(rule.id)}" classname="${xml(source)}" time="0"`;
      if (active.length > 0) {
        failures++;
        const worst = Math.min(...active.map((f) => f.severity));
        const message = `${active.length} ${severityName(worst)}${active.length === 1 ? '' : ' or lower'} finding${active.length === 1 ? '' : 's'}: ${active[0].message}`;
        const body = [...active, ...waived].map(findingLine).join('\n');
        cases.push(`${open}>\n      <failure message="${xml(message)}" type="${severityName(worst)}">${xml(body)}</failure>\n    </testcase>`);
      } else if (waived.length > 0) {
        skipped++;
        cases.push(`${open}>\n      <skipped message="${xml(`${waived.length} waived: ${waived[0].suppression!.justification}`)}"/>\n      <system-out>${xml(waived.map(findingLine).join('\n'))}</system-out>\n    </testcase>`);
      } else {
        cases.push(`${open}/>`);
      }
    }
    totalTests += caseRules.length;
    totalFailures += failures;
    totalSkipped += skipped;
    suites.push(
      `  <testsuite name="${xml(source)}" tests="${caseRules.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  for (const e of report.inputErrors) {
    totalTests++;
    totalErrors++;
    const where = e.line !== undefined ? `${e.source}:${e.line}:${e.column ?? 1}` : e.source;
    suites.push(
      `  <testsuite name="${xml(e.source)}" tests="1" failures="0" errors="1" skipped="0" time="0">\n    <testcase name="read" classname="${xml(e.source)}" time="0">\n      <error message="${xml(e.message)}" type="input">${xml(`${where}: ${e.message}`)}</error>\n    </testcase>\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="finlint" tests="${totalTests}" failures="${totalFailures}" errors="${totalErrors}" skipped="${totalSkipped}" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
