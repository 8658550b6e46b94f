import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';

/**
 * Lints the shared corpus of real published OpenAPI documents (../shared/corpus/real, never edited) and asserts
 * no crash: exit code 0 or 1, nothing on stderr. The default run covers documents up to DEFAULT_MAX_BYTES;
 * `npm run test:corpus` (FINLINT_CORPUS=full) covers all of them, GitHub's 13 MB spec included.
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

describe('real-world corpus', () => {
  it('is present next to the repository (../shared/corpus/real)', () => {
    expect(files.length).toBeGreaterThan(full ? 30 : 15);
  });
  it.each(files.map((f) => [path.relative(CORPUS, f), f]))('%s lints without crashing', async (_name, file) => {
    const r = await runCli(['lint', file, '--preset', 'all', '--format', 'json'], { cwd: CORPUS });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
  }, 600_000);
});
