import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { credentialNames } from './utils/dictionaries.js';
import { isObject, type JsonObject } from './utils/guards.js';
import { extendClass, matchName, tokenize, type NameClass } from './utils/names.js';
import { parameterObjects, type ParameterRef } from './utils/parameters.js';

export interface NoCredentialsInUrlOptions {
  /** Extra credential phrases, e.g. `partner key` (tokenised like names: `partnerKey` = `partner key`). */
  names?: string[];
  /** Extra veto phrases: a name containing one outside the matched phrase is not a credential. */
  vetoes?: string[];
}

/** Parameter locations that end up in the request URL (3.2 adds `querystring`). */
const URL_LOCATIONS: Readonly<Record<string, string>> = { query: 'Query', path: 'Path', querystring: 'Query string' };

/** Names seen in URLs of real APIs that the shared credential dictionary does not list. */
const URL_CREDENTIALS: NameClass = {
  ...credentialNames,
  entries: [
    ...credentialNames.entries,
    { phrase: 'api token' },
    { phrase: 'private token' },
    { phrase: 'subscription key' },
    { phrase: 'authorization', exact: true },
  ],
};

const phraseList = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
  errorMessage: '"noCredentialsInUrl" function expects "names" and "vetoes" to be lists of non-empty phrases, e.g. ["partner key"]',
} as const;

/** The schema describing the parameter's value: 3.x `schema`, else the 2.0 parameter itself. */
function valueSchema(parameter: JsonObject): JsonObject {
  return isObject(parameter.schema) ? parameter.schema : parameter;
}

function classificationOf(parameter: JsonObject): string | undefined {
  const value = parameter['x-data-classification'] ?? valueSchema(parameter)['x-data-classification'];
  return typeof value === 'string' ? value.trim().toLowerCase() : undefined;
}

function singular(token: string): string {
  return token.length > 3 && token.endsWith('s') ? token.slice(0, -1) : token;
}

/**
 * A path parameter ending in `id` that names the collection segment right before it, in every path that uses
 * it (`/sessions/{sessionId}`, `/payment-sessions/{paymentSessionId}`), identifies a resource; it is not the
 * secret itself.
 */
function isCollectionIdentifier(ref: ParameterRef): boolean {
  const tokens = tokenize(ref.name);
  if (tokens.length < 2 || tokens[tokens.length - 1] !== 'id' || ref.pathKeys.length === 0) return false;
  const subject = tokens[tokens.length - 2];
  return ref.pathKeys.every((key) => {
    const segments = key.split('/');
    const at = segments.indexOf(`{${ref.name}}`);
    if (at < 1) return false;
    const before = tokenize(segments[at - 1]);
    return before.length > 0 && singular(before[before.length - 1]) === subject;
  });
}

/**
 * fin-auth-no-credentials-in-url: no query or path parameter (3.2 `querystring` too) carries a credential, at
 * path-item, operation, callback, webhook and component level, 2.0 and 3.x. A parameter is a credential when its
 * `x-data-classification` (on the parameter or its schema) is `credential`, when its schema has
 * `format: password`, or when its name matches the credential dictionary (§4.2), extendable with rule options.
 * Any other explicit classification wins over the name, and boolean parameters are flags, not secrets.
 */
export const noCredentialsInUrl = createRulesetFunction<JsonObject, NoCredentialsInUrlOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { names: phraseList, vetoes: phraseList },
      additionalProperties: false,
      errorMessage: {
        type: '"noCredentialsInUrl" function has invalid options specified. Example valid options: null (no options), { "names": ["partner key"], "vetoes": ["public"] }',
        additionalProperties:
          '"noCredentialsInUrl" function accepts only the options "names" and "vetoes", e.g. { "names": ["partner key"], "vetoes": ["public"] }',
      },
    },
  },
  function noCredentialsInUrl(root, options) {
    const nameClass = extendClass(URL_CREDENTIALS, options ?? undefined);
    const results: IFunctionResult[] = [];
    for (const ref of parameterObjects(root)) {
      const location = URL_LOCATIONS[ref.in.toLowerCase()];
      if (location === undefined) continue;
      const classification = classificationOf(ref.parameter);
      let evidence: string;
      if (classification === 'credential') {
        evidence = 'is classified as a credential';
      } else {
        if (classification !== undefined) continue;
        const schema = valueSchema(ref.parameter);
        if (schema.type === 'boolean') continue;
        const phrase = matchName(ref.name, nameClass);
        if (phrase !== undefined && !(ref.in === 'path' && isCollectionIdentifier(ref))) {
          evidence = `carries a credential ("${phrase}")`;
        } else if (schema.format === 'password') {
          evidence = 'carries a credential (format: password)';
        } else {
          continue;
        }
      }
      results.push({
        message: `${location} parameter "${ref.name}" ${evidence}; URLs are recorded in server, proxy and browser logs, so send it in the Authorization header or the request body.`,
        path: [...ref.path, 'name'],
      });
    }
    return results;
  },
);
