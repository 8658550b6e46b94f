import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject, JsonPath } from './utils/guards.js';
import { describeOperation } from './utils/oas.js';
import {
  DEFAULT_IDEMPOTENCY_HEADERS,
  IDEMPOTENCY_OPTION_PROPERTIES,
  idempotencyMechanism,
  PAYMENT_OPERATION_OPTION_PROPERTIES,
  paymentOperations,
  type IdempotencyOptions,
  type PaymentOperationOptions,
} from './utils/paymentOperations.js';

export interface IdempotencyKeyRequiredOptions extends PaymentOperationOptions, IdempotencyOptions {
  /** Accept an idempotency key the client may omit (default false: the key must be required). */
  allowOptional?: boolean;
}

interface OptionalKey {
  name: string;
  path: JsonPath;
  ops: string[];
}

/**
 * fin-idempotency-key-required: payment operations (a literal path segment or a tag ending with a payment phrase, or
 * `x-payment-operation: true`) declare a required idempotency key: a header (`Idempotency-Key`, `X-Idempotency-Key`,
 * any name containing "idempotency", or configured names), a request-body field named like one (`idempotency_key`),
 * a body field named by `x-idempotency: { field: <name> }`, or the declaration `x-idempotency: body-field`.
 * A missing key is reported at the operation. An optional key is reported once where it is written, naming the payment
 * operations that use it (a shared `components.parameters` entry is one finding), unless `allowOptional` is set.
 */
export const idempotencyKeyRequired = createRulesetFunction<JsonObject, IdempotencyKeyRequiredOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { ...PAYMENT_OPERATION_OPTION_PROPERTIES, ...IDEMPOTENCY_OPTION_PROPERTIES, allowOptional: { type: 'boolean' } },
      additionalProperties: false,
      errorMessage:
        '"fin-idempotency-key-required" options: { paths?: string[], tags?: string[], vetoSegments?: string[], methods?: ("post"|"patch"|"put"|"delete")[], headerNames?: string[], allowOptional?: boolean }, e.g. { paths: ["payments", "transfers"], headerNames: ["x-idempotency-key"] }.',
    },
  },
  function idempotencyKeyRequired(root, options) {
    const results: IFunctionResult[] = [];
    const names = (options?.headerNames ?? DEFAULT_IDEMPOTENCY_HEADERS).join(' or ');
    const optional = new Map<object, OptionalKey>();
    const allowOptional = options?.allowOptional === true;
    for (const { op, reason } of paymentOperations(root, options)) {
      const label = `${describeOperation(op)} (${reason})`;
      const mechanism = idempotencyMechanism(root, op, options);
      if (mechanism === undefined) {
        results.push({
          message: `Payment operation ${label} declares no idempotency key; add a required ${names} header parameter.`,
          path: op.path,
        });
      } else if (mechanism.kind === 'header' && !mechanism.required && !allowOptional) {
        const key = optional.get(mechanism.ref.header) ?? { name: mechanism.ref.name, path: mechanism.ref.path, ops: [] };
        key.ops.push(label);
        optional.set(mechanism.ref.header, key);
      } else if (mechanism.kind === 'body-field' && !mechanism.required && !allowOptional) {
        const why = mechanism.declared ? 'the x-idempotency field' : 'its idempotency key field';
        results.push({
          message: `Payment operation ${label}: ${why} "${mechanism.name}" is not a required property of the request body.`,
          path: mechanism.path,
        });
      }
    }
    for (const key of optional.values()) {
      const n = key.ops.length;
      const used = n === 1 ? `payment operation ${key.ops[0]}` : `${n} payment operations, e.g. ${key.ops[0]}`;
      results.push({
        message: `Idempotency key header "${key.name}" is optional, but ${used} ${n === 1 ? 'relies' : 'rely'} on it; make it required so that a retried request cannot execute a payment twice.`,
        path: key.path,
      });
    }
    return results;
  },
);
