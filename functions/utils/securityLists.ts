import type { JsonPath } from './guards.js';

/**
 * Orders entries so that those written under `components` come first (stable otherwise). A rule that visits a
 * shared node once (deduplicating by object identity) then reports it at its direct path in `components`, not
 * through a local `$ref`: Spectral cuts paths it maps through a `$ref` at keys such as `{$request.body#/url}`.
 */
export function componentsFirst<T extends { path: JsonPath }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Number(b.path[0] === 'components') - Number(a.path[0] === 'components'));
}
