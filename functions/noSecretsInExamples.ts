import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { detectSecret, EXAMPLE_KEYWORD_LABEL, exampleValues, stringLeaves, type SecretOptions } from './utils/secrets.js';

export interface NoSecretsInExamplesOptions {
  allowPrefixes?: string[];
  allowValues?: string[];
  prefixes?: string[];
}

/**
 * fin-auth-no-secrets-in-examples: no example, default, enum or const value contains a live-looking secret (a JWT, a
 * bearer token, a provider key with a live prefix, a PEM private key). Each offending string is reported at its own
 * path, inside the example value.
 */
export const noSecretsInExamples = createRulesetFunction<JsonObject, NoSecretsInExamplesOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        allowPrefixes: { type: 'array', items: { type: 'string', minLength: 1 } },
        allowValues: { type: 'array', items: { type: 'string', minLength: 1 } },
        prefixes: { type: 'array', items: { type: 'string', minLength: 3 } },
      },
      additionalProperties: false,
      errorMessage:
        '"fin-auth-no-secrets-in-examples" options: { allowPrefixes?: string[], allowValues?: string[], prefixes?: string[] }, e.g. { allowPrefixes: ["acme_sandbox_"], prefixes: ["acme_live_"] }.',
    },
  },
  function noSecretsInExamples(root, options) {
    const secretOptions: SecretOptions = options ?? {};
    const results: IFunctionResult[] = [];
    for (const { value, path, keyword } of exampleValues(root)) {
      for (const leaf of stringLeaves(value, path)) {
        const match = detectSecret(leaf.text, secretOptions);
        if (match === undefined) continue;
        results.push({
          message: `The ${EXAMPLE_KEYWORD_LABEL[keyword]} contains what looks like ${match.label}; use an obvious placeholder such as "<access-token>".`,
          path: leaf.path,
        });
      }
    }
    return results;
  },
);
