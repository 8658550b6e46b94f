import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './protocol.js';

/** The request was superseded (a newer edit of the same document) or the pool was closed. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

interface Job {
  id: number;
  key?: string;
  request: WorkerRequest;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
  /** Cancelled, but left to finish (its result is dropped): cheaper than restarting the worker. */
  abandoned?: boolean;
}

/**
 * Running lints of texts at least this long are stopped by terminating their worker. A shorter one finishes in a
 * fraction of the time a new worker takes to start, so it is left to finish and its result is dropped.
 */
export const TERMINATE_ABOVE_CHARS = 512 * 1024;

interface Slot {
  worker: Worker;
  job?: Job;
}

export interface PoolOptions {
  /** Starts a worker. */
  spawn: () => Worker;
  /** At most this many workers (and so lints) at once. */
  size: number;
  /** Where workers' stdout/stderr and crashes are reported (never the LSP stream). */
  log: (message: string) => void;
}

/**
 * Worker threads that lint off the main loop. A job may carry a key (the document URI): a new job with the same
 * key supersedes the older one, which is dropped if it is still queued and, if it is running a large document,
 * stopped at once by terminating its worker (a lint is synchronous work in long stretches; only termination stops
 * it). A replacement worker is started in the background, so the next job does not pay for the start-up.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  /** Starts the workers ahead of the first job (they load the rules once, at start). */
  warm(count = 1): void {
    while (!this.closed && this.slots.length < Math.min(count, this.options.size)) this.slots.push(this.start());
  }

  run<T>(request: WorkerRequest, key?: string): Promise<T> {
    if (this.closed) return Promise.reject(new Cancelled());
    if (key !== undefined) this.cancel(key);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, key, request, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Cancels the queued and the running job with this key, if any. */
  cancel(key: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].key === key) this.queue.splice(i, 1)[0].reject(new Cancelled());
    }
    for (const slot of [...this.slots]) {
      const job = slot.job;
      if (job?.key !== key || job.abandoned) continue;
      if (job.request.kind === 'lint' && job.request.text.length < TERMINATE_ABOVE_CHARS) {
        job.abandoned = true;
        job.reject(new Cancelled());
      } else {
        this.kill(slot, new Cancelled());
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Cancelled());
    await Promise.all(
      this.slots.splice(0).map((s) => {
        s.job?.reject(new Cancelled());
        return s.worker.terminate();
      }),
    );
  }

  private start(): Slot {
    const worker = this.options.spawn();
    const slot: Slot = { worker };
    worker.stdout?.on('data', (d: Buffer) => this.options.log(d.toString().trimEnd()));
    worker.stderr?.on('data', (d: Buffer) => this.options.log(d.toString().trimEnd()));
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = undefined;
      if (!job.abandoned) {
        if (reply.ok) job.resolve(reply.result);
        else job.reject(new Error(reply.error));
      }
      this.dispatch();
    });
    worker.on('error', (e) => {
      this.options.log(`finlint: lint worker failed: ${e.stack ?? e.message}`);
      this.kill(slot, e);
    });
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) {
        if (code !== 0) this.options.log(`finlint: lint worker exited with code ${code}`);
        this.kill(slot, new Error(`the lint worker exited (code ${code})`));
      }
    });
    return slot;
  }

  private kill(slot: Slot, reason: unknown): void {
    const i = this.slots.indexOf(slot);
    if (i === -1) return;
    this.slots.splice(i, 1);
    const job = slot.job;
    slot.job = undefined;
    void slot.worker.terminate();
    job?.reject(reason);
    if (!this.closed && this.slots.length < this.options.size) this.slots.push(this.start()); // keep one warm
    this.dispatch();
  }

  private dispatch(): void {
    while (!this.closed && this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot) {
        if (this.slots.length >= this.options.size) return;
        slot = this.start();
        this.slots.push(slot);
      }
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, request: job.request });
    }
  }
}
