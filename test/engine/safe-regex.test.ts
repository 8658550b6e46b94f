import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSafePattern, MAX_STATES } from '../../functions/utils/safeRegex.js';
import { wildcardMatch } from '../../src/engine/wildcard.js';
import { pointerMatcher } from '../../src/engine/waivers.js';

describe('compileSafePattern', () => {
  const cases: [string, string, string, boolean][] = [
    ['^[0-9]{12,19}$', 'u', '4111111111111111', true],
    ['^[0-9]{12,19}$', 'u', '41111111111111111111', false],
    ['^(\\d{4}[- ]?){3}\\d{4}$', 'u', '4111 1111 1111 1111', true],
    ['^read:|:read$', 'i', 'ACCOUNTS:READ', true],
    ['\\bfoo\\b', '', 'a foo b', true],
    ['\\bfoo\\b', '', 'afoob', false],
    ['\\Bfoo', '', 'afoo', true],
    ['^\\p{Lu}+$', 'u', 'ÄÖ', true],
    ['^.$', 'u', '\u{1F600}', true],
    ['^..$', '', '\u{1F600}', true],
    ['^[^]$', '', '\n', true],
    ['^.$', 's', '\n', true],
    ['^.$', '', '\n', false],
    ['^b$', 'm', 'a\nb\nc', true],
    ['x{,3}', '', 'x{,3}', true],
    ['(?<year>\\d{4})-\\d{2}', 'u', '2024-01', true],
    ['a|', '', 'zzz', true],
    ['[]', '', 'a', false],
    ['\\u0041\\x42\\cJ', '', 'AB\n', true],
    ['(?:a*)*b', '', 'aaab', true],
  ];
  it.each(cases)('%s /%s on %j is %s, like RegExp', (pattern, flags, input, expected) => {
    expect(new RegExp(pattern, flags).test(input)).toBe(expected);
    expect(compileSafePattern(pattern, flags)?.test(input)).toBe(expected);
  });

  it('does not run look-around, back-references, invalid patterns or oversized repetitions', () => {
    for (const p of ['(?=a)a', '(?!a)b', '(?<=a)b', '(?<!a)b', '(a)\\1', '(?<n>a)\\k<n>', '(', 'a{3,2}', `.{1,${MAX_STATES + 1}}`, '(a{1000}){1000}']) {
      expect(compileSafePattern(p, 'u'), p).toBeUndefined();
    }
  });

  it('matches catastrophic patterns in linear time (each within a few milliseconds per kilobyte)', () => {
    const hostile: [string, string][] = [
      ['^(a+)+$', `${'a'.repeat(5000)}!`],
      ['^(a|a)+$', `${'a'.repeat(5000)}!`],
      ['^(a|aa)+$', `${'a'.repeat(5000)}!`],
      ['^(?:\\d*){20}x', '4'.repeat(2000)],
      ['(\\d?){60}\\d{60}', '1'.repeat(5000)],
      ['^(\\w+\\s?)*$', `${'word '.repeat(1000)}!`],
      ['(.*a){12}', 'a'.repeat(3000)],
    ];
    for (const [pattern, input] of hostile) {
      const re = compileSafePattern(pattern);
      expect(re, pattern).toBeDefined();
      const started = performance.now();
      re!.test(input);
      expect(performance.now() - started, pattern).toBeLessThan(3000);
    }
  });

  // Differential test: random patterns from a small grammar agree with the JavaScript engine on short inputs.
  const atom = fc.constantFrom('a', 'b', 'B', '.', '[ab]', '[^a]', '[a-z]', '\\d', '\\w', '\\W', '\\s', '1', ' ');
  const regex: fc.Arbitrary<string> = fc.letrec<{ re: string; term: string }>((tie) => ({
    term: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atom,
      fc.tuple(tie('re'), fc.constantFrom('(', '(?:')).map(([r, open]) => `${open}${r})`),
    ),
    re: fc
      .array(
        fc.tuple(tie('term'), fc.constantFrom('', '', '*', '+', '?', '{2}', '{0,2}', '{1,}', '*?', '??')).map(([t, q]) => t + q),
        { minLength: 0, maxLength: 4 },
      )
      .chain((terms) => fc.constantFrom(terms.join(''), `^${terms.join('')}`, `${terms.join('')}$`, `${terms.join('')}|b`, `\\b${terms.join('')}`)),
  })).re;

  it('agrees with RegExp on random patterns and inputs', () => {
    fc.assert(
      fc.property(regex, fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'B', '1', ' ', '\n', 'é'), maxLength: 10 }), fc.constantFrom('', 'i', 'u', 's', 'm'), (pattern, input, flags) => {
        const re = compileSafePattern(pattern, flags);
        expect(re, pattern).toBeDefined();
        expect(re!.test(input)).toBe(new RegExp(pattern, flags).test(input));
      }),
      { seed: 7, numRuns: 3000 },
    );
  });
});

describe('wildcard matching of waiver pointer segments', () => {
  it('matches * and ? like the glob it replaces', () => {
    expect(wildcardMatch('*Card*', 'paymentCardNumber')).toBe(true);
    expect(wildcardMatch('card?', 'cards')).toBe(true);
    expect(wildcardMatch('card?', 'card')).toBe(false);
    expect(wildcardMatch('a*b*c', 'axxbyyc')).toBe(true);
    expect(wildcardMatch('a*b*c', 'axxbyy')).toBe(false);
    expect(wildcardMatch('*', '')).toBe(true);
    expect(wildcardMatch('a.b', 'axb')).toBe(false);
  });
  it('agrees with the equivalent regular expression', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '*', '?', '.'), maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', 'b', '.'), maxLength: 10 }), (glob, text) => {
        const re = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
        expect(wildcardMatch(glob, text)).toBe(re.test(text));
      }),
      { seed: 11, numRuns: 3000 },
    );
  });
  it('is fast on the inputs that made the regular-expression version backtrack', () => {
    const started = performance.now();
    expect(pointerMatcher('/paths/*a*a*a*a*a*a*a*a*b')(['paths', 'a'.repeat(20_000)])).toBe(false);
    expect(pointerMatcher('/**/**/**/**/**/**/**/x')(Array.from({ length: 400 }, () => 'y'))).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
