/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): where the self time goes, by package and by function.
 *
 *   node --cpu-prof --cpu-prof-dir /tmp/prof dist/cli.js lint <file> --preset all --format json > /dev/null
 *   npx tsx bench/profile.ts /tmp/prof [--top N] [--callers <package or function name>]...
 *
 * The argument is a .cpuprofile file or a directory (its newest .cpuprofile is used). Frames of bundled files
 * (dist/cli.js) are mapped back to their TypeScript sources through the bundle's source map, so finlint's own
 * code shows up by source file (functions/..., rulesets/..., src/...) and bundled dependencies by package.
 * Output: markdown tables of self time by package, of time by package anywhere on the stack (inclusive),
 * of self time by finlint source file, and of the top functions by self and by inclusive time. `--callers X` adds,
 * for the self time spent in package (or function) X, the first frames outside X that called it: who makes
 * immer, ajv or the garbage collector busy.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives, after source mapping. */
interface Location {
  /** Package name, `finlint`, `node (internal)`, or a V8 pseudo-frame such as `(garbage collector)`. */
  pkg: string;
  /** Source file relative to its package (or to the repository for finlint). */
  file: string;
  line: number;
  name: string;
}

function usage(message?: string): never {
  if (message) process.stderr.write(`profile: ${message}\n`);
  process.stderr.write('usage: npx tsx bench/profile.ts <file.cpuprofile | directory> [--top N] [--callers <package or function>]...\n');
  process.exit(2);
}

function packageOf(file: string): { pkg: string; file: string } | undefined {
  const i = file.lastIndexOf('/node_modules/');
  if (i < 0) return undefined;
  const rest = file.slice(i + '/node_modules/'.length).split('/');
  const n = rest[0].startsWith('@') ? 2 : 1;
  return { pkg: rest.slice(0, n).join('/'), file: rest.slice(n).join('/') };
}

/**
 * Phases, by priority: a sample belongs to the first phase any frame of its stack matches. A heuristic (async
 * continuations lose their callers), but it separates parsing, $ref resolution, rule execution and positions.
 */
const PHASES: [string, (l: Location) => boolean][] = [
  ['garbage collection', (l) => l.pkg === '(garbage collector)'],
  ['positions of findings (getRangeForJsonPath)', (l) => l.name === 'getRangeForJsonPath' || l.name.endsWith('.getRangeForJsonPath')],
  [
    'parsing (loader, Spectral parsers, limits)',
    (l) =>
      ['@stoplight/spectral-parsers', '@stoplight/yaml', '@stoplight/yaml-ast-parser', 'yaml', 'jsonc-parser'].includes(l.pkg) ||
      (l.pkg === 'finlint' && /^src\/engine\/(loader|limits)\.ts$/.test(l.file)),
  ],
  [
    '$ref resolution (json-ref-resolver, immer, dependency-graph)',
    (l) => ['@stoplight/json-ref-resolver', '@stoplight/spectral-ref-resolver', 'dependency-graph', 'immer'].includes(l.pkg) || (l.pkg === 'finlint' && l.file === 'src/engine/resolver.ts'),
  ],
  ['rule execution (nimma traversal + rule functions)', (l) => l.pkg === 'nimma' || (l.pkg === '@stoplight/spectral-core' && /runner\//.test(l.file))],
  ['findings to report (lint.ts, fingerprints, formatters)', (l) => l.pkg === 'finlint' && /^src\/(engine|format)\//.test(l.file)],
  ['start-up (module loading, compilation)', (l) => l.pkg === 'node (internal)' && l.file.startsWith('internal/modules/')],
];

const maps = new Map<string, { map: SourceMap; dir: string } | null>();
function sourceMapFor(file: string): { map: SourceMap; dir: string } | null {
  if (!maps.has(file)) {
    let entry: { map: SourceMap; dir: string } | null = null;
    const mapFile = `${file}.map`;
    // Only our own bundles (outside node_modules) are mapped; dependencies are attributed by package path.
    if (!file.includes('/node_modules/') || file.includes('/node_modules/.cache/')) {
      if (existsSync(mapFile)) {
        try {
          entry = { map: new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))), dir: path.dirname(mapFile) };
        } catch {
          entry = null;
        }
      }
    }
    maps.set(file, entry);
  }
  return maps.get(file) ?? null;
}

const locations = new Map<string, Location>();
function locate(cf: CallFrame): Location {
  const key = `${cf.url}|${cf.lineNumber}|${cf.columnNumber}|${cf.functionName}`;
  const cached = locations.get(key);
  if (cached) return cached;
  let loc: Location;
  const name = cf.functionName || '(anonymous)';
  if (!cf.url) {
    loc = { pkg: cf.functionName.startsWith('(') ? cf.functionName : '(V8 native)', file: '', line: 0, name };
  } else if (cf.url.startsWith('node:')) {
    loc = { pkg: 'node (internal)', file: cf.url.slice(5), line: cf.lineNumber + 1, name };
  } else {
    let file = cf.url.startsWith('file://') ? fileURLToPath(cf.url) : cf.url;
    let line = cf.lineNumber + 1;
    const sm = sourceMapFor(file);
    let unmapped = false;
    if (sm) {
      const e = sm.map.findEntry(cf.lineNumber, cf.columnNumber) as { originalSource?: string; originalLine?: number };
      if (e.originalSource) {
        file = e.originalSource.startsWith('file://') ? fileURLToPath(e.originalSource) : path.resolve(sm.dir, e.originalSource);
        line = (e.originalLine ?? 0) + 1;
      } else unmapped = true;
    }
    const inPkg = unmapped ? undefined : packageOf(file);
    if (unmapped) loc = { pkg: 'finlint', file: `${path.basename(file)} (bundle, unmapped)`, line, name };
    else if (inPkg) loc = { pkg: inPkg.pkg, file: inPkg.file, line, name };
    else if (file.startsWith(`${REPO}/`)) loc = { pkg: 'finlint', file: path.relative(REPO, file), line, name };
    else loc = { pkg: '(other)', file, line, name };
  }
  locations.set(key, loc);
  return loc;
}

function pickProfile(arg: string): string {
  if (!existsSync(arg)) usage(`${arg} not found`);
  if (!statSync(arg).isDirectory()) return arg;
  const files = readdirSync(arg)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(arg, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (files.length === 0) usage(`no .cpuprofile in ${arg}`);
  return files[0];
}

function main(): void {
  const args = process.argv.slice(2);
  let top = 25;
  let input: string | undefined;
  const callersOf: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--top') top = Number(args[++i]) || usage('--top needs a number');
    else if (args[i] === '--callers') callersOf.push(args[++i] ?? usage('--callers needs a package or function name'));
    else if (args[i] === '-h' || args[i] === '--help') usage();
    else if (input === undefined) input = args[i];
    else usage(`unexpected argument ${args[i]}`);
  }
  if (input === undefined) usage();
  const file = pickProfile(input);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }

  // Duration of sample i = time to the next sample (the last one runs to endTime), in microseconds.
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const durations = times.map((ti, i) => (i + 1 < times.length ? times[i + 1] : profile.endTime) - ti);

  const selfByFn = new Map<string, { loc: Location; us: number }>();
  const inclByFn = new Map<string, { loc: Location; us: number }>();
  const selfByPkg = new Map<string, number>();
  const inclByPkg = new Map<string, number>();
  const selfByFinlintFile = new Map<string, number>();
  const byPhase = new Map<string, number>();
  const byRuleFunction = new Map<string, number>();
  const callers = new Map<string, Map<string, { loc: Location; us: number }>>(callersOf.map((c) => [c, new Map()]));
  const isOf = (l: Location, what: string): boolean => l.pkg === what || l.name === what;
  let total = 0;
  const fnKey = (l: Location): string => `${l.pkg}|${l.file}|${l.line}|${l.name}`;
  const add = (m: Map<string, number>, k: string, us: number): void => {
    m.set(k, (m.get(k) ?? 0) + us);
  };

  for (let i = 0; i < profile.samples.length; i++) {
    const us = durations[i];
    if (!(us > 0)) continue;
    const node = byId.get(profile.samples[i]);
    if (!node) continue;
    total += us;
    const self = locate(node.callFrame);
    const sk = fnKey(self);
    const s = selfByFn.get(sk) ?? { loc: self, us: 0 };
    s.us += us;
    selfByFn.set(sk, s);
    add(selfByPkg, self.pkg, us);
    if (self.pkg === 'finlint') add(selfByFinlintFile, self.file, us);
    // Inclusive: every function and package on the stack, once per sample (recursion counted once).
    const seenFn = new Set<string>();
    const seenPkg = new Set<string>();
    const stack: Location[] = [];
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id);
      if (!n || n.callFrame.functionName === '(root)') continue;
      const loc = locate(n.callFrame);
      stack.push(loc);
      const k = fnKey(loc);
      if (!seenFn.has(k)) {
        seenFn.add(k);
        const e = inclByFn.get(k) ?? { loc, us: 0 };
        e.us += us;
        inclByFn.set(k, e);
      }
      if (!seenPkg.has(loc.pkg)) {
        seenPkg.add(loc.pkg);
        add(inclByPkg, loc.pkg, us);
      }
    }
    add(byPhase, PHASES.find(([, match]) => stack.some(match))?.[0] ?? 'other', us);
    // The rule function a sample runs under: the outermost finlint functions/*.ts frame (helpers in
    // functions/utils count for the function that called them) or a Spectral core function.
    let ruleFn: Location | undefined;
    for (const l of stack) {
      if ((l.pkg === 'finlint' && l.file.startsWith('functions/') && !l.file.startsWith('functions/utils/')) || l.pkg === '@stoplight/spectral-functions') ruleFn = l;
    }
    if (ruleFn) add(byRuleFunction, ruleFn.pkg === 'finlint' ? ruleFn.file : `${ruleFn.pkg}: ${ruleFn.name}`, us);
    for (const [what, m] of callers) {
      if (!isOf(self, what)) continue;
      const caller = stack.find((l) => !isOf(l, what)) ?? { pkg: '(none)', file: '', line: 0, name: '(stack ends)' };
      const k = fnKey(caller);
      const e = m.get(k) ?? { loc: caller, us: 0 };
      e.us += us;
      m.set(k, e);
    }
  }

  const ms = (us: number): string => (us / 1000).toFixed(0);
  const pct = (us: number): string => `${((100 * us) / total).toFixed(1)} %`;
  const where = (l: Location): string => (l.file ? `${l.file}:${l.line}` : '');
  const out: string[] = [];
  out.push(
    `# CPU profile ${path.basename(file)}`,
    '',
    `${profile.samples.length} samples, ${(total / 1e6).toFixed(2)} s sampled (${((profile.endTime - profile.startTime) / 1e6).toFixed(2)} s profiled).`,
    '',
    '## Time by phase (heuristic)',
    '',
    '| phase | ms | % |',
    '| --- | ---: | ---: |',
    ...[...byPhase].sort((a, b) => b[1] - a[1]).map(([phase, us]) => `| ${phase} | ${ms(us)} | ${pct(us)} |`),
    '',
    'Each sample counts for the first phase, in the order of the PHASES table in bench/profile.ts, that a frame of its stack matches.',
    '',
    '## Self time by package',
    '',
    '| package | self ms | self % | inclusive % |',
    '| --- | ---: | ---: | ---: |',
  );
  for (const [pkg, us] of [...selfByPkg].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    out.push(`| ${pkg} | ${ms(us)} | ${pct(us)} | ${pct(inclByPkg.get(pkg) ?? 0)} |`);
  }
  out.push(
    '',
    '"inclusive %": share of samples with the package anywhere on the stack (callbacks included). Stacks after an `await` start at the continuation, so inclusive times of async callers are too low.',
    '',
  );
  if (selfByFinlintFile.size > 0) {
    out.push('## finlint self time by source file', '', '| file | self ms | self % |', '| --- | ---: | ---: |');
    for (const [f, us] of [...selfByFinlintFile].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`| ${f} | ${ms(us)} | ${pct(us)} |`);
    out.push('');
  }
  if (byRuleFunction.size > 0) {
    out.push(
      '## Rule functions (inclusive, helpers included)',
      '',
      '| rule function | ms | % |',
      '| --- | ---: | ---: |',
      ...[...byRuleFunction].sort((a, b) => b[1] - a[1]).slice(0, top).map(([f, us]) => `| ${f} | ${ms(us)} | ${pct(us)} |`),
      '',
    );
  }
  out.push(`## Top ${top} functions by self time`, '', '| function | package | where | self ms | self % |', '| --- | --- | --- | ---: | ---: |');
  for (const { loc, us } of [...selfByFn.values()].sort((a, b) => b.us - a.us).slice(0, top)) {
    out.push(`| \`${loc.name}\` | ${loc.pkg} | ${where(loc)} | ${ms(us)} | ${pct(us)} |`);
  }
  out.push('', `## Top ${top} functions by inclusive time`, '', '| function | package | where | total ms | total % |', '| --- | --- | --- | ---: | ---: |');
  for (const { loc, us } of [...inclByFn.values()].sort((a, b) => b.us - a.us).slice(0, top)) {
    out.push(`| \`${loc.name}\` | ${loc.pkg} | ${where(loc)} | ${ms(us)} | ${pct(us)} |`);
  }
  for (const [what, m] of callers) {
    out.push('', `## Callers of ${what} (its self time, by the first frame outside it)`, '', '| caller | package | where | ms | % |', '| --- | --- | --- | ---: | ---: |');
    for (const { loc, us } of [...m.values()].sort((a, b) => b.us - a.us).slice(0, top)) {
      out.push(`| \`${loc.name}\` | ${loc.pkg} | ${where(loc)} | ${ms(us)} | ${pct(us)} |`);
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
