import * as path from 'node:path';
import picomatch from 'picomatch';
import type { WaiverSet } from '../config/waivers.js';
import { engineFinding } from './diagnostics.js';
import { fingerprintOf, fromPointer } from './fingerprint.js';
import type { Finding } from './types.js';
import { wildcardMatch } from './wildcard.js';

export interface WaiverContext {
  cwd: string;
  /** Today, for expiry; waivers apply through their expiry day (UTC). */
  now: Date;
  /** Rules enabled in this run: a waiver for a rule that did not run cannot be judged stale. */
  activeRules: ReadonlySet<string>;
  /** Every rule id that exists (enabled or not); a waiver naming none of them is a typo and is reported as stale. */
  knownRules: ReadonlySet<string>;
  /** Absolute paths of the files linted in this run. */
  lintedFiles: readonly string[];
}

export interface WaiverOutcome {
  /** The same findings, with `suppression` set on those a waiver covers. */
  findings: Finding[];
  /** `waiver-expired` and `waiver-stale` findings about the waivers file. */
  problems: Finding[];
  /** Keys (`<waivers file>#<index>`) of waivers that covered at least one finding. */
  used: string[];
}

/** A segment glob (`*`, `?`), matched in linear-bounded time (wildcard.ts), never as a backtracking RegExp. */
function segmentRegex(glob: string): { test(segment: string): boolean } {
  return { test: (segment) => wildcardMatch(glob, segment) };
}

/**
 * Matches a pointer pattern against a finding's key path: the pattern names a node, and the waiver covers that node
 * and everything below it. `*` stands for one segment (or part of one), `**` for any number of segments.
 */
export function pointerMatcher(pattern: string): (segments: readonly string[]) => boolean {
  const parts = fromPointer(pattern.trim());
  const matchers = parts.map((p) => (p === '**' ? null : p.includes('*') || p.includes('?') ? segmentRegex(p) : p));
  // memoised on (i, j): several `**` in one pattern would otherwise try every split of the path
  const match = (i: number, segs: readonly string[], j: number, seen: Set<number>): boolean => {
    if (i === matchers.length) return true;
    const key = i * (segs.length + 1) + j;
    if (seen.has(key)) return false;
    seen.add(key);
    const m = matchers[i];
    if (m === null) {
      for (let k = j; k <= segs.length; k++) if (match(i + 1, segs, k, seen)) return true;
      return false;
    }
    if (j >= segs.length) return false;
    const ok = typeof m === 'string' ? m === segs[j] : m.test(segs[j]);
    return ok && match(i + 1, segs, j + 1, seen);
  };
  return (segments) => match(0, segments, 0, new Set());
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Applies a waivers file to the findings of one run. Never mutates its input. */
export function applyWaivers(findings: readonly Finding[], set: WaiverSet, ctx: WaiverContext): WaiverOutcome {
  const today = ctx.now.toISOString().slice(0, 10);
  const relToWaivers = (absolute: string) => toPosix(path.relative(set.dir, absolute));
  const findingFiles = findings.map((f) => relToWaivers(path.resolve(ctx.cwd, f.source)));
  const runFiles = new Set([...ctx.lintedFiles.map(relToWaivers), ...findingFiles]);
  const out = findings.map((f) => ({ ...f }));
  const problems: Finding[] = [];
  const used: string[] = [];

  set.waivers.forEach((w, i) => {
    const fileMatch = picomatch(w.file.replace(/^\.\//, ''), { dot: true });
    const relevant = [...runFiles].some((f) => fileMatch(f));
    if (!relevant) return;
    const where = `${w.file}${w.pointer.startsWith('#') ? w.pointer : `#${w.pointer}`}`;
    const owner = `owner ${w.owner}${w.ticket ? `, ticket ${w.ticket}` : ''}`;
    const pos = set.positions[i];
    if (w.expires < today) {
      problems.push({
        ...engineFinding(
          'waiver-expired',
          `Waiver for ${w.rule} on ${where} expired on ${w.expires} (${owner}); the findings it covered count again.`,
          set.displayName,
          ['waivers', i, 'expires'],
          pos.expires.start,
          pos.expires.end,
        ),
        fingerprint: fingerprintOf('waiver-expired', [w.rule, w.file, w.pointer]),
      });
      return;
    }
    const pointerMatch = pointerMatcher(w.pointer);
    let hits = 0;
    out.forEach((f, k) => {
      if (f.code !== w.rule || !fileMatch(findingFiles[k]) || !pointerMatch(f.path.map(String))) return;
      hits++;
      if (f.suppression) return; // an inline ignore already covers it; the waiver still counts as used
      f.suppression = {
        kind: 'waiver',
        justification: w.reason,
        owner: w.owner,
        ...(w.ticket ? { ticket: w.ticket } : {}),
        expires: w.expires,
        location: `${set.displayName}:${pos.entry.start.line + 1}`,
      };
    });
    if (hits > 0) used.push(`${set.file}#${i}`);
    else if (ctx.activeRules.has(w.rule) || !ctx.knownRules.has(w.rule)) {
      const why = ctx.knownRules.has(w.rule) ? 'matches no finding' : `names ${w.rule}, which is not a rule`;
      problems.push({
        ...engineFinding(
          'waiver-stale',
          `Waiver for ${w.rule} on ${where} (${owner}) ${why}; delete it or correct its rule, file or pointer.`,
          set.displayName,
          ['waivers', i],
          pos.entry.start,
          pos.entry.end,
        ),
        fingerprint: fingerprintOf('waiver-stale', [w.rule, w.file, w.pointer]),
      });
    }
  });
  return { findings: out, problems, used };
}
