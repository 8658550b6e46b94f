import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { findHeader, findRequestHeader, headerValueSchema } from './utils/headers.js';
import { findDefaultResponseHeader } from './utils/headerValues.js';
import { describeOperation, operations } from './utils/oas.js';
import {
  collectParameterProblem,
  inScope,
  operationsLabel,
  PSD2_SCOPE_OPTION_PROPERTIES,
  type ParameterProblem,
  type Psd2ScopeOptions,
} from './utils/psd2.js';
import { andList } from './utils/lists.js';
import { operationResponses } from './utils/responses.js';

export interface Psd2RequestIdOptions extends Pick<Psd2ScopeOptions, 'consentPaths' | 'scaPaths' | 'onlyOpenBanking'> {
  /** The request-id header (default `X-Request-ID`, Berlin Group). */
  header?: string;
  /** The `format` its schema must declare (default `uuid`); null accepts any. */
  format?: string | null;
  /** Every response must return the header (default true). */
  echo?: boolean;
  /** The request header must be `required: true` (default true). */
  required?: boolean;
}

/**
 * fin-psd2-request-id: every operation requires the request-id header (Berlin Group `X-Request-ID`, a UUID) and every
 * response returns it.
 *
 * Judged only in access-to-account documents (they create consents or have SCA-step sub-resources);
 * `onlyOpenBanking: false` judges every document.
 *
 * A document where no operation accepts the header and no response returns it gets one finding at `paths`. Otherwise
 * each operation that does not accept it, or has responses that do not return it, gets one finding listing what is
 * missing; a header parameter that is optional or not of the expected format is reported once where it is written
 * (a shared `components.parameters` entry is one finding naming the operations that use it).
 */
export const psd2RequestId = createRulesetFunction<JsonObject, Psd2RequestIdOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        header: { type: 'string', minLength: 1 },
        format: { type: ['string', 'null'] },
        echo: { type: 'boolean' },
        required: { type: 'boolean' },
        consentPaths: PSD2_SCOPE_OPTION_PROPERTIES.consentPaths,
        scaPaths: PSD2_SCOPE_OPTION_PROPERTIES.scaPaths,
        onlyOpenBanking: PSD2_SCOPE_OPTION_PROPERTIES.onlyOpenBanking,
      },
      additionalProperties: false,
      errorMessage:
        '"fin-psd2-request-id" options: { header?: string, format?: string | null, echo?: boolean, required?: boolean, consentPaths?: string[], scaPaths?: string[], onlyOpenBanking?: boolean }, e.g. { header: "X-Request-ID", format: "uuid" }.',
    },
  },
  function psd2RequestId(root, options) {
    const name = options?.header ?? 'X-Request-ID';
    const format = options?.format === undefined ? 'uuid' : options.format;
    const echo = options?.echo !== false;
    const mustRequire = options?.required !== false;
    const ops = operations(root);
    if (ops.length === 0 || !inScope(root, options)) return [];

    const echoedByDefault = findDefaultResponseHeader(root, [name]) !== undefined;
    const opFindings: IFunctionResult[] = [];
    const params = new Map<object, ParameterProblem>();
    let accepting = 0;
    let returning = echoedByDefault ? 1 : 0;

    for (const op of ops) {
      const header = findRequestHeader(root, op, name);
      let silent: string[] = [];
      if (header !== undefined) {
        const problems: string[] = [];
        if (mustRequire && header.header.required !== true) problems.push('optional');
        const schema = headerValueSchema(root, header.header);
        if (format !== null && schema?.format !== format) problems.push(`not format: ${format}`);
        collectParameterProblem(root, params, op, header, problems);
        accepting++;
      }
      if (echo && !echoedByDefault) {
        for (const response of operationResponses(root, op)) {
          if (findHeader(root, response.response, response.path, name) === undefined) silent = [...silent, response.status];
          else returning++;
        }
      }
      const responses = `${andList(silent)} response${silent.length === 1 ? '' : 's'}`;
      const verb = silent.length === 1 ? 'does' : 'do';
      if (header === undefined) {
        const tail = silent.length > 0 ? `, and its ${responses} ${verb} not return it` : '';
        opFindings.push({ message: `${describeOperation(op)} does not accept the ${name} request header${tail}.`, path: op.path });
      } else if (silent.length > 0) {
        opFindings.push({ message: `The ${responses} of ${describeOperation(op)} ${verb} not return the ${name} header.`, path: op.path });
      }
    }

    if (accepting === 0 && (returning === 0 || !echo)) {
      return [
        {
          message: `No operation accepts the ${name} request header${echo ? ' and no response returns it' : ''}; ${ops.length === 1 ? 'the operation lacks' : `all ${ops.length} operations lack`} a request id.`,
          path: ['paths'],
        },
      ];
    }

    const results: IFunctionResult[] = [];
    for (const p of params.values()) {
      results.push({
        message: `The ${p.name} header of ${operationsLabel(p.ops)} is ${andList(p.problems)}; give it ${andList(p.problems.map((x) => (x === 'optional' ? 'required: true' : x.replace(/^not /, ''))))}, so every call carries a unique, traceable id.`,
        path: p.path,
      });
    }
    return [...results, ...opFindings];
  },
);
