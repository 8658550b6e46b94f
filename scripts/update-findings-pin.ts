/**
 * Regenerates test/corpus/findings-pin.json: per corpus document and rule, the count and a digest of finlint's
 * findings with `--preset all`. Run it only when a change is *meant* to change findings (a new rule, a fixed false
 * positive), and say so in the commit; performance work must leave the pin untouched.
 *
 *   npx tsup --silent && npx tsx scripts/update-findings-pin.ts [--only <substring>]... [--new-rules-only] [--dist <dir>]
 *
 * `--new-rules-only` keeps every existing pin and adds only rules that have none yet (for a newly added rule).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pinFindings, type PinFile, type PinFinding } from '../test/corpus/pin.js';

const root = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(root, '../shared/corpus/real');
const out = path.join(root, 'test/corpus/findings-pin.json');
const only: string[] = [];
let newRulesOnly = false;
let dist = path.join(root, 'dist');
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--only') only.push(process.argv[++i]);
  else if (a === '--new-rules-only') newRulesOnly = true;
  else if (a === '--dist') dist = path.resolve(process.argv[++i]);
  else throw new Error(`unknown argument ${a}`);
}

const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort()
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
const pin: PinFile = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as PinFile) : {};
// The rules the built CLI has (not the source tree's), so that the pin matches what was run.
const ruleIds = (JSON.parse(execFileSync(process.execPath, [path.join(dist, 'cli.js'), 'rules', '--format', 'json'], { encoding: 'utf8' })) as { id: string }[]).map((r) => r.id);
for (const rel of files) {
  const started = Date.now();
  const stdout = execFileSync(process.execPath, [path.join(dist, 'cli.js'), 'lint', rel, '--preset', 'all', '--format', 'json', '--fail-severity', 'none', '--timeout', '0'], {
    cwd: corpus,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const fresh = pinFindings(JSON.parse(stdout) as PinFinding[], ruleIds);
  pin[rel] = newRulesOnly ? { ...fresh, ...(pin[rel] ?? {}) } : fresh;
  const total = Object.values(pin[rel]).reduce((n, p) => n + p.count, 0);
  process.stdout.write(`${rel}: ${total} findings (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
const sortKeys = <T>(o: Record<string, T>): Record<string, T> => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
const sorted = Object.fromEntries(Object.keys(pin).sort().map((k) => [k, sortKeys(pin[k])]));
writeFileSync(out, `${JSON.stringify(sorted, null, 1)}\n`);
