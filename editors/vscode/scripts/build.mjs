// Builds the extension: the client (dist/extension.js) and the finlint language server it starts
// (dist/server/cli.js with its worker files), bundled from this repository's sources, plus the rule pages the
// server shows in hovers (dist/docs). `npm run package` then makes the .vsix with @vscode/vsce.
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const ext = path.resolve(here, '..');
const repo = path.resolve(ext, '../..');
const dist = path.join(ext, 'dist');

await rm(dist, { recursive: true, force: true });

// The client: CommonJS, as VS Code loads extensions; `vscode` is provided by the editor.
await build({
  entryPoints: [path.join(ext, 'src/extension.ts')],
  outfile: path.join(dist, 'extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  sourcemap: true,
  logLevel: 'warning',
});

// The server: finlint's CLI (`lsp --stdio`) and the two worker files it starts from next to itself, as ES modules
// (the code finds its workers and docs through import.meta.url, relative to the entry or chunk it is in: workers are
// looked for next to the file, docs/ above it). CommonJS dependencies inside an ES module bundle
// need `require`, hence the banner. esbuild stays out: it is a native binary that finlint loads only to
// compile an organisation's TypeScript functions (functionsDir); with the bundled server those need finlint
// installed in the workspace, which the extension then uses instead.
await build({
  entryPoints: {
    cli: path.join(repo, 'src/cli/bin.ts'),
    'lsp-worker': path.join(repo, 'src/lsp/worker.ts'),
    'lint-worker': path.join(repo, 'src/engine/lintWorker.ts'),
  },
  outdir: path.join(dist, 'server'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true, // the three entries share most of their code: one copy of it, in chunk files next to them (not in a
  // subfolder: code finds the worker files relative to the file it is in)
  external: ['esbuild', 'fsevents'],
  // ES module builds first: jsonc-parser's UMD build (main) requires its own files at run time, which a bundle lacks.
  mainFields: ['module', 'main'],
  banner: { js: "import { createRequire as __finlintCreateRequire } from 'node:module';\nconst require = __finlintCreateRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});
await writeFile(path.join(dist, 'server', 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);

// Rule pages: the hover's "Why" comes from docs/rules/<id>.md (found by walking up from the server).
await mkdir(path.join(dist, 'docs'), { recursive: true });
await cp(path.join(repo, 'docs', 'rules'), path.join(dist, 'docs', 'rules'), { recursive: true });
await cp(path.join(repo, 'docs', 'engine.md'), path.join(dist, 'docs', 'engine.md'));
console.log(`built ${path.relative(process.cwd(), dist)}`);
