import * as fs from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Document, Ruleset, Spectral } from '@stoplight/spectral-core';
import parsers from '@stoplight/spectral-parsers';
import { bundleRuleset } from '@stoplight/spectral-ruleset-bundler';
import { commonjs } from '@stoplight/spectral-ruleset-bundler/plugins/commonjs';
import { stdin } from '@stoplight/spectral-ruleset-bundler/plugins/stdin';
import { runtime } from '@stoplight/spectral-ruleset-bundler/presets/runtime';
import { migrateRuleset } from '@stoplight/spectral-ruleset-migrator';
import { build, type Options } from 'tsup';
import { beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import tsupConfig from '../../tsup.config.js';

// dist/finlint.spectral.js is for Spectral set-ups that cannot resolve npm packages, above all Stoplight's Spectral
// VS Code extension. That extension's server (stoplightio/vscode-spectral, server/src/linter.ts) loads a ruleset
// file like this: migrate a YAML/JSON ruleset to an ES module, bundle it with @stoplight/spectral-ruleset-bundler's
// `runtime` plugins (Spectral's own packages from the running Spectral, other package imports from a CDN, files
// from the file system) into an IIFE, and evaluate it. These tests do exactly that, with a `fetch` that fails, so
// a bundle that needed a package from the network would fail here too.

const REPO = path.resolve(__dirname, '../..');
const EXAMPLES = ['payments-noncompliant.yaml', 'swagger2-payments.yaml', 'payments-compliant.yaml'];
const { Yaml } = parsers;

let project: string;
let bundleText: string;
const fetched: string[] = [];
const io = {
  fs,
  fetch: (async (url: string) => {
    fetched.push(String(url));
    throw new Error(`network access in a test: ${String(url)}`);
  }) as unknown as typeof fetch,
};

/** The Spectral VS Code extension's ruleset loading. */
async function loadLikeVsCodeSpectral(rulesetFile: string): Promise<Ruleset> {
  let input = rulesetFile;
  const plugins = [...runtime(io), commonjs()];
  if (/\.(json|ya?ml)$/.test(rulesetFile)) {
    input = path.join(path.dirname(rulesetFile), '.spectral.js');
    plugins.unshift(stdin(await migrateRuleset(rulesetFile, { format: 'esm', fs: io.fs as never, fetch: io.fetch as never }), input));
  }
  const code = await bundleRuleset(input, { target: 'runtime', format: 'iife', plugins });
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- what the extension does with the bundle
  return new Ruleset(Function(`return ${code}`)(), { severity: 'recommended', source: input });
}

async function spectralFindings(ruleset: Ruleset, file: string): Promise<string[]> {
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  const results = await spectral.run(new Document(await readFile(file, 'utf8'), Yaml, file));
  return results.map((r) => `${String(r.code)} ${r.path.join('/')} ${r.severity}`).sort();
}

async function finlintFindings(file: string): Promise<string[]> {
  const report = await lint([file], { preset: 'all', cwd: path.dirname(file) });
  expect(report.inputErrors).toEqual([]);
  return report.findings.map((f) => `${f.code} ${f.path.join('/')} ${f.severity}`).sort();
}

beforeAll(async () => {
  // Build dist/finlint.spectral.js with the tsup configuration entry itself, into a folder of our own (not dist/,
  // which other test runs may be rebuilding).
  const entry = (tsupConfig as Options[]).find((c) => c.entry && !Array.isArray(c.entry) && typeof c.entry === 'object' && 'finlint.spectral' in c.entry);
  expect(entry).toBeDefined();
  project = await mkdtemp(path.join(tmpdir(), 'finlint-spectral-bundle-'));
  const outDir = path.join(project, 'node_modules/finlint/dist');
  await build({ ...entry!, outDir, silent: true, config: false, clean: false });
  bundleText = await readFile(path.join(outDir, 'finlint.spectral.js'), 'utf8');
  for (const f of EXAMPLES) await copyFile(path.join(REPO, 'examples', f), path.join(project, f));
}, 120_000);

describe('dist/finlint.spectral.js', () => {
  it('is one ES module that imports nothing but the Spectral packages Spectral supplies', () => {
    const imports = [...bundleText.matchAll(/^import\s[^;]*?from\s*["']([^"']+)["']/gm)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.every((id) => /^@stoplight\/spectral-(core|formats|functions)$/.test(id))).toBe(true);
    expect(bundleText).not.toMatch(/\brequire\(/);
    expect(bundleText).toMatch(/export\s*\{[^}]*\bas default\b/);
  });

  it.each([
    ['.spectral.yaml', 'extends:\n  - [./node_modules/finlint/dist/finlint.spectral.js, all]\n'],
    ['.spectral.js', "import finlint from './node_modules/finlint/dist/finlint.spectral.js';\nexport default { extends: [[finlint, 'all']] };\n"],
  ])('loads from a %s the way the Spectral VS Code extension loads rulesets, and reports what finlint reports', async (name, content) => {
    const dir = path.join(project, name.replace('.', ''));
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, name), content.replaceAll('./node_modules', '../node_modules'));
    const ruleset = await loadLikeVsCodeSpectral(path.join(dir, name));
    expect(fetched).toEqual([]);
    expect(Object.keys(ruleset.rules).filter((id) => id.startsWith('fin-')).length).toBeGreaterThan(30);
    for (const example of EXAMPLES) {
      const file = path.join(project, example);
      expect(await spectralFindings(ruleset, file), example).toEqual(await finlintFindings(file));
    }
  }, 120_000);

  it('keeps the rules finlint defines: documentation URL, controls and how to fix', async () => {
    const dir = path.join(project, 'meta');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, '.spectral.yaml'), 'extends:\n  - [../node_modules/finlint/dist/finlint.spectral.js, all]\n');
    const rule = (await loadLikeVsCodeSpectral(path.join(dir, '.spectral.yaml'))).rules['fin-transport-https-only'];
    expect(rule.documentationUrl).toBe('https://github.com/finlint/finlint/blob/main/docs/rules/fin-transport-https-only.md');
    expect(rule.extensions).toMatchObject({ controls: expect.arrayContaining(['pci-dss-4.0.1:4.2.1']), howToFix: expect.stringContaining('https://') });
  }, 120_000);
});
