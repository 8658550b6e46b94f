import { execFile } from 'node:child_process';
import { mkdtemp, symlink, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const spectralBin = path.join(root, 'node_modules/@stoplight/spectral-cli/dist/index.js');
const EXAMPLES = ['payments-noncompliant.yaml', 'swagger2-payments.yaml', 'payments-compliant.yaml'];

interface SpectralResult {
  code: string;
  path: string[];
  severity: number;
}

/**
 * The real `spectral lint` (@stoplight/spectral-cli) with a `.spectral.yaml` that extends finlint, in a project
 * where finlint is installed as a package (node_modules/finlint -> this checkout, built by npm ci / pretest).
 */
async function spectral(project: string, file: string): Promise<SpectralResult[]> {
  try {
    const { stdout } = await run(process.execPath, [spectralBin, 'lint', '--format', 'json', '--quiet', '--fail-severity', 'hint', file], {
      cwd: project,
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout || '[]') as SpectralResult[];
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; code?: number };
    if (err.code === 1 && err.stdout) return JSON.parse(err.stdout) as SpectralResult[];
    throw new Error(`spectral failed (${err.code}): ${err.stderr}`);
  }
}

describe.each([
  ['extends: finlint (all)', 'extends:\n  - spectral:oas\n  - [finlint, all]\n'],
  ['extends: finlint/ruleset (all)', 'extends:\n  - [finlint/ruleset, all]\n'],
])('spectral lint with %s', (_name, rulesetYaml) => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(path.join(tmpdir(), 'finlint-spectral-'));
    await mkdir(path.join(project, 'node_modules'));
    await symlink(root, path.join(project, 'node_modules', 'finlint'), 'dir');
    await writeFile(path.join(project, '.spectral.yaml'), rulesetYaml);
    for (const f of EXAMPLES) await copyFile(path.join(root, 'examples', f), path.join(project, f));
  });

  it.each(EXAMPLES)('reports the same finlint findings as finlint itself on %s', async (file) => {
    const ours = await lint([file], { cwd: project, preset: 'all' });
    const theirs = (await spectral(project, file)).filter((r) => r.code.startsWith('fin-'));
    const key = (code: string, p: (string | number)[], severity: number) => `${code} ${p.map(String).join('/')} ${severity}`;
    expect(theirs.map((r) => key(r.code, r.path, r.severity)).sort()).toEqual(
      ours.findings.filter((f) => f.code.startsWith('fin-')).map((f) => key(f.code, f.path, f.severity)).sort(),
    );
    if (file !== 'payments-compliant.yaml') expect(theirs.length).toBeGreaterThan(0);
  });
});
