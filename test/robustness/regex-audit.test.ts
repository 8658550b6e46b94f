import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * ReDoS smoke test of finlint's own regular expressions (issue 7). Every regular-expression literal in functions/,
 * rulesets/ and src/ runs on long strings built from the characters it mentions (and a few usual suspects),
 * each followed by a newline and a character that makes most matches fail: the shapes that make a backtracking
 * engine super-linear (`\s+$`, `[?#].*$`, `(a+)+`). Each attempt must take a few hundred milliseconds at most on
 * 20 000 characters, which a quadratic pattern does not. Patterns taken from documents or configuration never
 * reach the JavaScript engine at all (functions/utils/safeRegex.ts); this test is about the literals.
 */

const ROOT = path.resolve(__dirname, '../..');
const N = 20_000;
const BUDGET_MS = 400;

interface Literal {
  where: string;
  re: RegExp;
}

function literals(): Literal[] {
  const out: Literal[] = [];
  for (const dir of ['functions', 'rulesets', 'src']) {
    for (const rel of readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
      if (!rel.endsWith('.ts')) continue;
      const file = path.join(dir, rel);
      const sf = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022, true);
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const text = node.getText(sf);
          const slash = text.lastIndexOf('/');
          try {
            out.push({ where: `${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1} ${text}`, re: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
          } catch {
            // a literal this Node cannot compile would fail its own tests
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }
  return out;
}

/** Characters to pump: the literal characters of the pattern plus representatives of the usual classes. */
function pumps(re: RegExp): string[] {
  const chars = new Set(['a', 'A', '0', '1', ' ', '\t', '-', '_', '.', '/', ':', '?', '#', '%', '@', ',', '=', '"', "'", '*', 'x', 'é']);
  for (const c of re.source.replace(/\\[a-zA-Z]/g, '')) if (/[\x20-\x7e]/.test(c)) chars.add(c);
  return [...chars];
}

/**
 * Known super-linear literals left as they are, with the reason. Each is bounded by the per-document time limit.
 * Keep this list short: rewrite a literal instead (anchor it, or start it only at the beginning of a run with a
 * look-behind such as `(?<!\/)\/+$`, or exclude the opening character from the repeated class: `\{([^{}]+)\}`).
 */
const KNOWN: Record<string, string> = {
  'src/report/model.ts /\\d+$/': 'sorts short identifiers of finlint\'s own report; in active development (report command)',
  'src/format/html.ts /\\[([^\\]]+)\\]\\(([^)\\s]+)\\)/g': 'renders finlint\'s own rule documentation; in active development (html format)',
};
const isKnown = (where: string) => Object.keys(KNOWN).some((k) => where.startsWith(k.split(' ')[0]) && where.endsWith(k.slice(k.indexOf(' ') + 1)));

const all = literals();

describe("finlint's own regular expressions", () => {
  it('are found in the sources', () => {
    expect(all.length).toBeGreaterThan(100);
  });
  it(`run in linear time on ${N}-character strings`, () => {
    const slow: string[] = [];
    for (const { where, re } of all) {
      if (isKnown(where)) continue;
      for (const c of pumps(re)) {
        for (const subject of [c.repeat(N) + '\n!', `${c} `.repeat(N / 2) + '\n!']) {
          re.lastIndex = 0;
          const started = performance.now();
          re.test(subject);
          const ms = performance.now() - started;
          if (ms > BUDGET_MS) slow.push(`${where} on ${JSON.stringify(subject.slice(0, 6))}...: ${ms.toFixed(0)} ms`);
        }
      }
    }
    expect(slow).toEqual([]);
  }, 300_000);
});
