/**
 * Lints every document of ../shared/corpus/real with preset `all` and prints, per rule family, how many findings
 * fire on each document: `npx tsx scripts/corpus-report.ts [--prefix fin-pci] [--json out.json] [--max-mb N]`.
 * Used to review precision on real specs (what fires, and whether it is true).
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { lint } from '../src/engine/lint.js';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const prefix = opt('--prefix') ?? 'fin-';
const maxBytes = Number(opt('--max-mb') ?? '100') * 1024 * 1024;
const corpus = path.resolve(import.meta.dirname, '../../shared/corpus/real');
const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .filter((f) => statSync(path.join(corpus, f)).size <= maxBytes)
  .sort();

const byRule = new Map<string, Map<string, number>>();
const rows: { file: string; seconds: number; findings: number; inputErrors: number }[] = [];
for (const file of files) {
  const started = performance.now();
  const report = await lint([file], { cwd: corpus, preset: 'all' });
  const seconds = (performance.now() - started) / 1000;
  let count = 0;
  for (const f of report.findings) {
    if (!f.code.startsWith(prefix)) continue;
    count++;
    const perFile = byRule.get(f.code) ?? new Map<string, number>();
    perFile.set(file, (perFile.get(file) ?? 0) + 1);
    byRule.set(f.code, perFile);
  }
  rows.push({ file, seconds, findings: count, inputErrors: report.inputErrors.length });
  process.stderr.write(`${file}: ${count} findings in ${seconds.toFixed(1)} s\n`);
}

const families = new Map<string, number>();
for (const [rule, perFile] of byRule) {
  const family = rule.split('-')[1];
  families.set(family, (families.get(family) ?? 0) + [...perFile.values()].reduce((a, b) => a + b, 0));
}
const lines = ['| family | findings |', '| --- | --- |', ...[...families].map(([f, n]) => `| ${f} | ${n} |`), ''];
lines.push('| rule | total | documents | top documents |', '| --- | --- | --- | --- |');
for (const [rule, perFile] of [...byRule].sort()) {
  const total = [...perFile.values()].reduce((a, b) => a + b, 0);
  const top = [...perFile].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([f, n]) => `${f} (${n})`).join(', ');
  lines.push(`| ${rule} | ${total} | ${perFile.size} | ${top} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
const out = opt('--json');
if (out) writeFileSync(out, JSON.stringify({ rows, byRule: Object.fromEntries([...byRule].map(([r, m]) => [r, Object.fromEntries(m)])) }, null, 2));
