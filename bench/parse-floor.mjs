// The parse floor of the benchmark (bench/run.ts): read one document and parse it, nothing else, in a child
// process of its own, so that its wall time and peak RSS compare fairly with a `finlint lint` or `spectral lint`
// child (same Node start-up, same measurement by GNU time). Plain JavaScript on purpose: a TypeScript loader
// would add its own start-up time to the floor.
//
//   node bench/parse-floor.mjs <file>
//
// Prints one JSON line: { bytes, readMs, parseMs, format } (the in-process times, without Node's start-up).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/parse-floor.mjs <file>\n');
  process.exit(2);
}
const t0 = performance.now();
const text = readFileSync(file, 'utf8');
const t1 = performance.now();
const isJson = /\.json$/i.test(file) || /^\s*[{[]/.test(text.slice(0, 64));
// Duplicate keys and many aliases occur in real documents; the floor parses them rather than failing.
const data = isJson ? JSON.parse(text) : parse(text, { uniqueKeys: false, maxAliasCount: -1 });
const t2 = performance.now();
if (data === null || typeof data !== 'object') {
  process.stderr.write(`${file}: not a mapping\n`);
  process.exit(1);
}
process.stdout.write(
  `${JSON.stringify({ bytes: Buffer.byteLength(text), readMs: +(t1 - t0).toFixed(1), parseMs: +(t2 - t1).toFixed(1), format: isJson ? 'json' : 'yaml' })}\n`,
);
