import { Worker } from 'node:worker_threads';

/**
 * Starts a lint worker. Built (dist/cli.js, or the editor extension's bundle), the worker is the file
 * `lsp-worker.js` next to the running bundle. Run from the sources (tsx, in tests), it is src/lsp/worker.ts, loaded
 * through tsx's loader, which worker threads do not inherit.
 */
export function spawnLintWorker(): Worker {
  const here = import.meta.url;
  const options = { stdout: true, stderr: true };
  if (here.endsWith('.ts')) {
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./worker.ts', here).href;
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(boot, { ...options, eval: true });
  }
  return new Worker(new URL('./lsp-worker.js', here), options);
}
