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

const EXAMPLE_RULESET = path.join(root, 'examples/.spectral.yaml');

describe.each([
  ['examples/.spectral.yaml (spectral:oas + finlint, with an override)', null],
  ['extends: finlint/ruleset (all)', 'extends:\n  - [finlint/ruleset, all]\n'],
])('spectral lint with %s', (_name, rulesetYaml) => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(path.join(tmpdir(), 'finlint-spectral-'));
    await mkdir(path.join(project, 'node_modules'));
    await symlink(root, path.join(project, 'node_modules', 'finlint'), 'dir');
    if (rulesetYaml === null) await copyFile(EXAMPLE_RULESET, path.join(project, '.spectral.yaml'));
    else await writeFile(path.join(project, '.spectral.yaml'), rulesetYaml);
    for (const f of EXAMPLES) await copyFile(path.join(root, 'examples', f), path.join(project, f));
  });

  it.each(EXAMPLES)('reports exactly what finlint lint --ruleset reports with the same file on %s', async (file) => {
    const ours = await lint([file], { cwd: project, ruleset: '.spectral.yaml' });
    expect(ours.inputErrors).toEqual([]);
    const theirs = await spectral(project, file);
    const key = (code: string, p: (string | number)[], severity: number) => `${code} ${p.map(String).join('/')} ${severity}`;
    expect(theirs.map((r) => key(r.code, r.path, r.severity)).sort()).toEqual(
      ours.findings.map((f) => key(f.code, f.path, f.severity)).sort(),
    );
    const finFindings = theirs.filter((r) => r.code.startsWith('fin-'));
    if (file !== 'payments-compliant.yaml') expect(finFindings.length).toBeGreaterThan(5);
    if (rulesetYaml === null) {
      // the example ruleset's override and severity change took effect in both tools
      expect(theirs.some((r) => r.code === 'fin-auth-no-http-basic' && file === 'swagger2-payments.yaml')).toBe(false);
      expect(theirs.filter((r) => r.code === 'fin-transport-doc-links-https').every((r) => r.severity === 1)).toBe(true);
      expect(theirs.some((r) => r.code === 'info-license')).toBe(false);
    }
  });
});
