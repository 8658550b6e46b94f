/** Lists in messages: `a`, `a and b`, `a, b and c`; `orList` the same with "or". The one place these are phrased. */
export function andList(items: readonly string[]): string {
  return joinWith(items, 'and');
}

export function orList(items: readonly string[]): string {
  return joinWith(items, 'or');
}

function joinWith(items: readonly string[], conjunction: 'and' | 'or'): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
