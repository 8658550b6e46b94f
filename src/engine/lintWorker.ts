/**
 * Worker-thread entry of the per-document time limit (src/engine/isolate.ts): builds the ruleset from its recipe,
 * parses the document text (the same checks as the loader), lints it with Spectral and posts the results back.
 * The main thread stops the thread when the time is up, which is the only way to stop Spectral's synchronous rule
 * evaluation (or its parsers).
 */
import { parentPort } from 'node:worker_threads';
import type { Ruleset } from '@stoplight/spectral-core';
import { rulesById } from '../../rulesets/registry.js';
import { parseInput } from './parse.js';
import { rulesetFromRecipe, runSpectral } from './spectralRun.js';
import { documentFacts } from './walk.js';
import type { DescribeRequest, PrepareRequest, WorkerReply, WorkerRequest } from './isolate.js';
import { summarizeRuleset } from './rulesetSummary.js';
import { tuneDependenciesForSpeed } from './tuning.js';

tuneDependenciesForSpeed();

const port = parentPort;
const rulesets = new Map<string, Promise<Ruleset>>();

function rulesetFor(request: Pick<WorkerRequest, 'recipe' | 'generation'>): Promise<Ruleset> {
  // Presets never change; ruleset and configuration files are built again for every lint() call (generation).
  const key = request.recipe.kind === 'preset' ? `preset:${request.recipe.name}` : `${request.generation}:${JSON.stringify(request.recipe)}`;
  let p = rulesets.get(key);
  if (!p) {
    if (rulesets.size >= 8) rulesets.clear();
    p = rulesetFromRecipe(request.recipe);
    rulesets.set(key, p);
  }
  return p;
}

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  try {
    const ruleset = await rulesetFor(request);
    port!.postMessage({ id: request.id, type: 'started' } satisfies WorkerReply);
    const loaded = parseInput(request.read);
    if (!('document' in loaded)) return { id: request.id, type: 'input-error', error: loaded };
    const outcome = await runSpectral(ruleset, loaded.document, request.policy);
    return { id: request.id, type: 'done', ...outcome, facts: documentFacts(loaded, outcome) };
  } catch (e) {
    return { id: request.id, type: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
}

if (port) {
  port.on('message', (request: WorkerRequest | PrepareRequest | DescribeRequest) => {
    if ('type' in request && request.type === 'prepare') {
      // errors surface with the first document that needs the ruleset
      rulesetFor(request).catch(() => undefined);
      return;
    }
    if ('type' in request) {
      const { id } = request;
      void rulesetFor(request).then(
        (ruleset) => port.postMessage({ id, type: 'ruleset', summary: summarizeRuleset(ruleset, rulesById.keys()) } satisfies WorkerReply),
        (e: unknown) => port.postMessage({ id, type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies WorkerReply),
      );
      return;
    }
    void handle(request).then((reply) => {
      try {
        port.postMessage(reply);
      } catch (e) {
        // A reply that cannot be copied to the main thread (a value the structured clone refuses) is a failure of
        // this document, reported as such, never a silent hang or an error without a message.
        port.postMessage({ id: request.id, type: 'failed', message: `internal error: ${e instanceof Error ? e.message : String(e)}` } satisfies WorkerReply);
      }
    });
  });
}
