// The engine floor of the benchmark (bench/run.ts): what any Spectral-based linter pays on a document before its
// first rule, in a child process of its own like the other measurements. It parses the document with Spectral's
// parsers (positions, key order) and runs Spectral with no rules, which still resolves every `$ref` (Spectral's
// resolver: json-ref-resolver, immer, dependency-graph), as finlint's pipeline does, immer's auto-freeze off as in
// finlint (src/engine/tuning.ts). finlint's time minus this is what its rules and reporting cost.
//
//   node bench/engine-floor.mjs <file>
//
// Prints one JSON line: { bytes, loadMs, parseMs, resolveMs } (in-process times, without Node's start-up).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const t0 = performance.now();
const require = createRequire(import.meta.url);
const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/engine-floor.mjs <file>\n');
  process.exit(2);
}
const core = require('@stoplight/spectral-core');
const { Json, Yaml } = require('@stoplight/spectral-parsers');
const { Resolver } = require('@stoplight/spectral-ref-resolver');
const fromCore = createRequire(require.resolve('@stoplight/spectral-core'));
const fromRefResolver = createRequire(fromCore.resolve('@stoplight/spectral-ref-resolver'));
createRequire(fromRefResolver.resolve('@stoplight/json-ref-resolver'))('immer').setAutoFreeze(false);
const t1 = performance.now();

const text = readFileSync(file, 'utf8');
const isJson = /\.json$/i.test(file) || /^\s*[{[]/.test(text.slice(0, 64));
const document = new core.Document(text, isJson ? Json : Yaml, file);
if (document.data === null || typeof document.data !== 'object') {
  process.stderr.write(`${file}: not a mapping\n`);
  process.exit(1);
}
const t2 = performance.now();
const spectral = new core.Spectral({ resolver: new Resolver() });
spectral.setRuleset(new core.Ruleset({ rules: {} }));
await spectral.run(document, { ignoreUnknownFormat: true });
const t3 = performance.now();
process.stdout.write(
  `${JSON.stringify({ bytes: Buffer.byteLength(text), loadMs: +(t1 - t0).toFixed(1), parseMs: +(t2 - t1).toFixed(1), resolveMs: +(t3 - t2).toFixed(1) })}\n`,
);
