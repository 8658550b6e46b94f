import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { FINLINT_VERSION } from '../version.js';

export type CiSystem = 'github' | 'gitlab' | 'none';
export const CI_SYSTEMS: readonly CiSystem[] = ['github', 'gitlab', 'none'];

export interface InitAnswers {
  ci: CiSystem;
  /** Files or globs to lint, as written on the command line of the workflow. */
  specs: string[];
}

/** The npm spec the generated workflows run: this finlint's major.minor, so patch releases are picked up. */
export function finlintSpec(version = FINLINT_VERSION): string {
  const [major, minor] = version.split('.');
  return `finlint@${major}.${minor}`;
}

function quoted(specs: readonly string[]): string {
  return specs.map((s) => `'${s.replace(/'/g, "'\\''")}'`).join(' ');
}

export function configTemplate(): string {
  return `# finlint configuration. finlint finds it by walking up from each linted file (or use --config).
# Reference: https://github.com/finlint/finlint#configuration
extends:
  - finlint:recommended # or finlint:all, or a profile: finlint:pci, finlint:gdpr, finlint:fapi2,
                        # finlint:psd2-berlin-group, finlint:uk-open-banking, finlint:strict (docs/profiles.md);
                        # also spectral:oas, ruleset files and npm packages
rules: {}
#   fin-transport-server-environment-declared: warn   # change a severity (error, warn, info, hint, off)
#   fin-auth-no-credentials-in-url:                    # or pass options to a rule's function
#     options: { ... }
overrides: []
#   - files: ["legacy/**/*.yaml"]                      # globs relative to this file, optionally with #/pointer
#     rules:
#       fin-auth-no-http-basic: warn
failSeverity: error
waivers: finlint.waivers.yaml
`;
}

export function waiversTemplate(): string {
  return `# Accepted exceptions to finlint findings. Review changes to this file like code.
# Each waiver names the rule, the file (a glob relative to this file), a JSON pointer (or a glob over pointers:
# * is one segment, ** any number), why, who owns it, an optional ticket and the last day it applies.
# A waived finding is reported as waived and does not fail the build. An expired waiver stops waiving and is
# reported; a waiver that matches no finding is reported as stale.
waivers: []
#   - rule: fin-auth-no-http-basic
#     file: legacy/payments.yaml
#     pointer: /securityDefinitions/basicAuth
#     reason: Partner integration that still sends Basic credentials; terminated at the gateway until migration.
#     owner: payments-platform@bank.example
#     ticket: PAY-1234
#     expires: 2026-06-30
`;
}

export function githubWorkflowTemplate(specs: readonly string[], spec = finlintSpec()): string {
  return `# finlint on GitHub Actions: annotations on the pull request, a job summary, and SARIF for code scanning.
# On pull requests only findings that are new relative to the base branch are reported.
name: finlint
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
  security-events: write # upload SARIF to code scanning
jobs:
  finlint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # --changed-since reads the base branch through git
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Lint OpenAPI documents
        run: >-
          npx --yes ${spec} lint ${quoted(specs)}
          --format github
          --format sarif --output finlint.sarif
          --format markdown --output finlint.md
          \${{ github.event_name == 'pull_request' && format('--changed-since origin/{0}', github.base_ref) || '' }}
      - name: Job summary
        if: \${{ !cancelled() && hashFiles('finlint.md') != '' }}
        run: cat finlint.md >> "$GITHUB_STEP_SUMMARY"
      - name: Upload SARIF to code scanning
        if: \${{ !cancelled() && hashFiles('finlint.sarif') != '' }}
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: finlint.sarif
          category: finlint
`;
}

export function gitlabCiTemplate(specs: readonly string[], spec = finlintSpec()): string {
  return `# finlint on GitLab CI: a JUnit report shown in merge requests, plus SARIF and a Markdown summary as artifacts.
# In merge request pipelines only findings that are new relative to the target branch are reported.
finlint:
  stage: test
  image: node:20
  variables:
    GIT_DEPTH: 0 # --changed-since reads the merge base through git
  script:
    - >-
      npx --yes ${spec} lint ${quoted(specs)}
      --format stylish
      --format junit --output finlint-junit.xml
      --format sarif --output finlint.sarif
      --format markdown --output finlint.md
      \${CI_MERGE_REQUEST_DIFF_BASE_SHA:+--changed-since "$CI_MERGE_REQUEST_DIFF_BASE_SHA"}
  artifacts:
    when: always
    reports:
      junit: finlint-junit.xml
    paths:
      - finlint.sarif
      - finlint.md
`;
}

export function preCommitTemplate(specs: readonly string[], spec = finlintSpec()): string {
  // The fixed directory in front of each spec (api/**/*.yaml -> api, docs/openapi.yaml -> docs).
  const dirs = [
    ...new Set(
      specs.map((s) => {
        const parts = s.replace(/^\.\//, '').split('/');
        const glob = parts.findIndex((p) => /[*?{[]/.test(p));
        return (glob === -1 ? parts.slice(0, -1) : parts.slice(0, glob)).join('/');
      }),
    ),
  ];
  const pattern = dirs.length === 1 && dirs[0] ? `^${dirs[0].replace(/[.+^$()|[\]\\]/g, '\\$&')}/.*\\.(ya?ml|json)$` : '\\.(ya?ml|json)$';
  return `# pre-commit (https://pre-commit.com) hook: lint the API documents you commit and block only on findings
# that are new since HEAD. Copy into .pre-commit-config.yaml; narrow "files" to your API documents.
repos:
  - repo: local
    hooks:
      - id: finlint
        name: finlint (new findings only)
        entry: npx --yes ${spec} lint --changed-since HEAD --quiet
        language: system
        files: '${pattern}'
        pass_filenames: true
`;
}

/** OpenAPI documents in a directory tree (first 2 KB of each YAML/JSON file under 4 levels), for the default spec list. */
export async function detectSpecs(cwd: string): Promise<string[]> {
  const candidates = (
    await glob('**/*.{yaml,yml,json}', {
      cwd,
      deep: 4,
      ignore: ['**/node_modules/**', '**/.git/**', '**/dist/**', 'finlint.*', '.finlintrc.*', '**/package*.json', '**/tsconfig*.json'],
    })
  ).sort();
  const found: string[] = [];
  for (const file of candidates.slice(0, 500)) {
    const handle = await open(path.join(cwd, file), 'r').catch(() => undefined);
    if (!handle) continue;
    try {
      const buf = Buffer.alloc(2048);
      const { bytesRead } = await handle.read(buf, 0, 2048, 0);
      const head = buf.subarray(0, bytesRead).toString('utf8');
      if (/^\s*["']?(openapi|swagger)["']?\s*:/m.test(head)) found.push(file);
    } finally {
      await handle.close();
    }
  }
  if (found.length === 0) return ['openapi.yaml'];
  if (found.length === 1) return found;
  const dirs = new Set(found.map((f) => path.posix.dirname(f)));
  const exts = new Set(found.map((f) => path.posix.extname(f)));
  if (dirs.size === 1 && exts.size === 1) {
    const dir = [...dirs][0];
    return [`${dir === '.' ? '' : `${dir}/`}*${[...exts][0]}`];
  }
  return found;
}

export function defaultCi(cwd: string): CiSystem {
  if (existsSync(path.join(cwd, '.gitlab-ci.yml'))) return 'gitlab';
  return 'github';
}

export interface PlannedFile {
  path: string;
  content: string;
  /** Shown after writing, e.g. how to include a GitLab file into an existing pipeline. */
  note?: string;
}

/** The files `finlint init` writes for these answers (paths relative to the working directory). */
export function plannedFiles(answers: InitAnswers, cwd: string): PlannedFile[] {
  const files: PlannedFile[] = [
    { path: 'finlint.config.yaml', content: configTemplate() },
    { path: 'finlint.waivers.yaml', content: waiversTemplate() },
  ];
  if (answers.ci === 'github') files.push({ path: '.github/workflows/finlint.yml', content: githubWorkflowTemplate(answers.specs) });
  if (answers.ci === 'gitlab') {
    if (existsSync(path.join(cwd, '.gitlab-ci.yml'))) {
      files.push({
        path: 'finlint.gitlab-ci.yml',
        content: gitlabCiTemplate(answers.specs),
        note: "add it to your pipeline with:  include: [{ local: 'finlint.gitlab-ci.yml' }]",
      });
    } else files.push({ path: '.gitlab-ci.yml', content: gitlabCiTemplate(answers.specs) });
  }
  return files;
}
