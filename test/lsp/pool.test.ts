import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { Cancelled, TERMINATE_ABOVE_CHARS, WorkerPool } from '../../src/lsp/pool.js';
import type { LintRequest } from '../../src/lsp/protocol.js';

// A stand-in worker: answers each request with its `file` after busy-waiting `cwd` milliseconds (synchronous work,
// like Spectral's rule evaluation, which only terminating the thread can stop).
const WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, request }) => {
  const until = Date.now() + Number(request.cwd);
  while (Date.now() < until);
  parentPort.postMessage({ id, ok: true, result: request.file });
});
`;

function pool(size = 2) {
  const started: Worker[] = [];
  const p = new WorkerPool({
    spawn: () => {
      const w = new Worker(WORKER, { eval: true });
      started.push(w);
      return w;
    },
    size,
    log: () => undefined,
  });
  return { pool: p, started };
}

const job = (file: string, ms: number, chars = 10): LintRequest => ({ kind: 'lint', file, text: 'x'.repeat(chars), cwd: String(ms) });

describe('the lint worker pool', () => {
  it('runs jobs in workers, at most `size` at once', async () => {
    const { pool: p, started } = pool(2);
    const results = await Promise.all([p.run(job('a', 50)), p.run(job('b', 50)), p.run(job('c', 50))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(started).toHaveLength(2);
    await p.close();
  });

  it('drops a queued job when a newer one with the same key comes', async () => {
    const { pool: p } = pool(1);
    const busy = p.run(job('busy', 300));
    const older = p.run(job('v1', 10), 'doc');
    const newer = p.run(job('v2', 10), 'doc');
    await expect(older).rejects.toBeInstanceOf(Cancelled);
    expect(await newer).toBe('v2');
    expect(await busy).toBe('busy');
    await p.close();
  });

  it('stops a running lint of a large text by terminating its worker, and starts a fresh one', async () => {
    const { pool: p, started } = pool(1);
    const t0 = Date.now();
    const older = p.run(job('v1', 20_000, TERMINATE_ABOVE_CHARS), 'doc');
    await new Promise((r) => setTimeout(r, 200));
    const newer = p.run(job('v2', 10, TERMINATE_ABOVE_CHARS), 'doc');
    await expect(older).rejects.toBeInstanceOf(Cancelled);
    expect(await newer).toBe('v2');
    expect(Date.now() - t0).toBeLessThan(10_000); // did not wait for the 20 s of the older lint
    expect(started).toHaveLength(2);
    await p.close();
  });

  it('lets a running lint of a small text finish and drops its result (cheaper than a new worker)', async () => {
    const { pool: p, started } = pool(1);
    const older = p.run(job('v1', 300), 'doc');
    await new Promise((r) => setTimeout(r, 50));
    const newer = p.run(job('v2', 10), 'doc');
    await expect(older).rejects.toBeInstanceOf(Cancelled);
    expect(await newer).toBe('v2');
    expect(started).toHaveLength(1);
    await p.close();
  });
});
