import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { findPanCandidates, scalarLeaves, type PanOptions } from './utils/pan.js';
import { EXAMPLE_KEYWORD_LABEL, exampleValues } from './utils/secrets.js';

export interface NoLivePanInExamplesOptions {
  /** Extra public test card numbers to accept (spaces and dashes are ignored). */
  testNumbers?: string[];
  /** Accept numbers with a run of six or more identical digits as generated samples (default true). */
  allowSyntheticRuns?: boolean;
}

/**
 * fin-pci-no-live-pan-in-examples: no example, default, enum or const value (in any OAS version: schema `example` and
 * `examples`, parameter and media-type examples, Example Object values, 2.0 `x-example` and response `examples`)
 * contains a number that looks like a live card number: 12-19 digits, Luhn-valid, with a major network's prefix and
 * length, and not a published test number. Each number is reported at the string or integer that holds it, and the
 * message shows it masked (BIN and last four) so the report does not copy the number.
 */
export const noLivePanInExamples = createRulesetFunction<JsonObject, NoLivePanInExamplesOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        testNumbers: { type: 'array', items: { type: 'string', pattern: '^[0-9 -]{12,30}$' } },
        allowSyntheticRuns: { type: 'boolean' },
      },
      additionalProperties: false,
      errorMessage:
        '"fin-pci-no-live-pan-in-examples" options: { testNumbers?: string[] (12-19 digits), allowSyntheticRuns?: boolean }, e.g. { testNumbers: ["4012001037141112"] }.',
    },
  },
  function noLivePanInExamples(root, options) {
    const panOptions: PanOptions = options ?? {};
    const results: IFunctionResult[] = [];
    const seen = new Set<string>();
    for (const { value, path, keyword } of exampleValues(root)) {
      for (const leaf of scalarLeaves(value, path)) {
        const candidates = findPanCandidates(leaf.text, panOptions);
        if (candidates.length === 0) continue;
        const key = JSON.stringify(leaf.path);
        if (seen.has(key)) continue;
        seen.add(key);
        const c = candidates[0];
        const more = candidates.length > 1 ? ` (and ${candidates.length - 1} more)` : '';
        results.push({
          message: `The ${EXAMPLE_KEYWORD_LABEL[keyword] ?? 'example'} contains what looks like a live ${c.network} card number, ${c.masked}${more}: it passes the Luhn check, has a ${c.network} prefix and length, and is not a known test number.`,
          path: leaf.path,
        });
      }
    }
    return results;
  },
);
