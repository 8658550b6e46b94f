import { createRequire } from 'node:module';

let tuned = false;

/**
 * Turns off immer's auto-freeze for the copy of immer that Spectral's `$ref` resolver (@stoplight/json-ref-resolver)
 * uses. The resolver builds the resolved document with immer, which by default deep-freezes every result: on
 * GitHub's 13 MB description that is ~0.7 s of CPU and ~80 MB of memory per lint, for no benefit to a linter
 * (rules never mutate the document; the findings pin in test/corpus proves the output identical).
 *
 * It changes a module-wide immer setting, so only finlint's own entry points call it — the CLI process and
 * finlint's worker threads — never the library, whose host process may use the same copy of immer for its own
 * purposes. Any failure (a different dependency layout) leaves everything as it was: this is speed, not behaviour.
 */
export function tuneDependenciesForSpeed(): void {
  if (tuned) return;
  tuned = true;
  try {
    const fromCore = createRequire(createRequire(import.meta.url).resolve('@stoplight/spectral-core'));
    const fromRefResolver = createRequire(fromCore.resolve('@stoplight/spectral-ref-resolver'));
    const fromJsonRefResolver = createRequire(fromRefResolver.resolve('@stoplight/json-ref-resolver'));
    const immer = fromJsonRefResolver('immer') as { setAutoFreeze?: (on: boolean) => void };
    immer.setAutoFreeze?.(false);
  } catch {
    // leave immer as it is
  }
}
