import { parentPort } from 'node:worker_threads';
import { ignoreEdit } from './ignoreEdit.js';
import { lintDocument } from './lintDocument.js';
import type { WorkerMessage, WorkerReply, WorkerRequest } from './protocol.js';
import { tuneDependenciesForSpeed } from '../engine/tuning.js';

tuneDependenciesForSpeed();

/**
 * A lint worker of the language server: lints (and parses, for code actions) off the editor's main loop. It does
 * one request at a time; the server cancels a request by terminating the worker.
 */
async function handle(request: WorkerRequest): Promise<unknown> {
  if (request.kind === 'lint') return lintDocument(request);
  return ignoreEdit(request.text, request.file, request.path, request.rule);
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (message: WorkerMessage) => {
    handle(message.request).then(
      (result) => port.postMessage({ id: message.id, ok: true, result } satisfies WorkerReply),
      (e: unknown) => port.postMessage({ id: message.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies WorkerReply),
    );
  });
}
