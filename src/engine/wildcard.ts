/**
 * `*` / `?` wildcard matching of a whole string, in O(text × pattern) time whatever the pattern. (The waivers
 * file's pointer globs used to become regular expressions, where `*a*a*a*a*b` backtracks polynomially on a long
 * key from the document.) `*` matches any run of characters, `?` any one character; nothing else is special.
 */
export function wildcardMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || (pattern[p] !== '*' && pattern[p] === text[t]))) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
