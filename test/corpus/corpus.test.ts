import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';
import { pinDifferences, pinFindings, type PinFile, type PinFinding } from './pin.js';

/**
 * Lints the shared corpus of real published OpenAPI documents (../shared/corpus/real, never edited) and asserts
 * no crash: exit code 0 or 1, nothing on stderr. The default run covers documents up to DEFAULT_MAX_BYTES;
 * `npm run test:corpus` (FINLINT_CORPUS=full) covers all of them, GitHub's 13 MB spec included.
 *
 * Each run is also compared with the findings pin (findings-pin.json, see pin.ts): per rule, the same findings as
 * when the pin was recorded. Performance work must not change it; a change meant to alter findings regenerates it
 * with scripts/update-findings-pin.ts and says why in the commit.
 */
const CORPUS = path.resolve(__dirname, '../../../shared/corpus/real');
const DEFAULT_MAX_BYTES = 1_500_000;
const full = process.env.FINLINT_CORPUS === 'full';

function corpusFiles(): string[] {
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => path.join(CORPUS, f))
    .filter((f) => full || statSync(f).size <= DEFAULT_MAX_BYTES)
    .sort();
}

const files = corpusFiles();
const pins = JSON.parse(readFileSync(path.join(__dirname, 'findings-pin.json'), 'utf8')) as PinFile;

describe('real-world corpus', () => {
  it('is present next to the repository (../shared/corpus/real)', () => {
    expect(files.length).toBeGreaterThan(full ? 30 : 15);
  });
  it.each(files.map((f) => [path.relative(CORPUS, f), f]))('%s lints without crashing', async (_name, file) => {
    const r = await runCli(['lint', file, '--preset', 'all', '--format', 'json'], { cwd: CORPUS });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    const findings = JSON.parse(r.stdout) as PinFinding[];
    expect(Array.isArray(findings)).toBe(true);
    const pin = pins[path.relative(CORPUS, file).split(path.sep).join('/')];
    expect(pin, 'document missing from findings-pin.json').toBeDefined();
    expect(pinDifferences(pin, pinFindings(findings, []))).toEqual([]);
  }, 600_000);
});
