import { createRulesetFunction as spectralCreate, type RulesetFunctionWithValidator } from '@stoplight/spectral-core';
import { describe, expect, it } from 'vitest';
import * as finlintFunctions from '../../functions/index.js';
import { createRulesetFunction, type RulesetFunctionSchemas } from '../../functions/utils/rulesetFunction.js';

// functions/utils/rulesetFunction.ts compiles ajv validators on first need; it must behave exactly like Spectral's
// createRulesetFunction, which compiles them eagerly. Each case runs both and compares.

type Fn = RulesetFunctionWithValidator<unknown, unknown>;

/** What calling the validator does: nothing, or the error it throws (class and message, nested ones included). */
function validatorOutcome(fn: Fn, options: unknown): string {
  try {
    fn.validator(options);
    return 'ok';
  } catch (e) {
    const nested = (e as { errors?: unknown[] }).errors;
    const messages = Array.isArray(nested) ? nested.map((n) => (n as Error).message) : [];
    return `${(e as Error).constructor.name}: ${(e as Error).message}${messages.length ? ` [${messages.join(' | ')}]` : ''}`;
  }
}

/** What calling the function does: its return value, or the error it throws. */
function callOutcome(fn: Fn, input: unknown, options: unknown): unknown {
  try {
    return { returned: fn(input, options, {} as never) ?? null };
  } catch (e) {
    return { threw: (e as Error).message };
  }
}

const echo = function echo(input: unknown, options: unknown) {
  return [{ message: JSON.stringify({ input, options }) }];
};

const OPTION_SCHEMAS: Record<string, RulesetFunctionSchemas['options']> = {
  none: null,
  'object or null': { type: ['object', 'null'], properties: { n: { type: 'integer', minimum: 1 } }, additionalProperties: false },
  'object only': { type: 'object', properties: { n: { type: 'integer' } }, additionalProperties: false },
  'null with enum': { type: ['object', 'null'], enum: [{ n: 1 }] },
  'null with errorMessage': { type: ['object', 'null'], properties: { n: { type: 'string' } }, additionalProperties: false, errorMessage: 'options: { n?: string }' },
};
const INPUT_SCHEMAS: Record<string, RulesetFunctionSchemas['input']> = {
  object: { type: 'object' },
  none: null,
  'object with required': { type: 'object', properties: { a: {} }, required: ['a'] },
};
const OPTION_VALUES: unknown[] = [null, undefined, {}, { n: 2 }, { n: 0 }, { n: 'x' }, { other: true }, [], 'text', 0];
const INPUT_VALUES: unknown[] = [{}, { a: 1 }, [], null, 'text', 7, undefined];

describe('createRulesetFunction (lazy validators)', () => {
  for (const [optionsName, options] of Object.entries(OPTION_SCHEMAS)) {
    for (const [inputName, input] of Object.entries(INPUT_SCHEMAS)) {
      for (const errorOnInvalidInput of [false, true]) {
        const schemas = { input, options, errorOnInvalidInput };
        it(`behaves like Spectral's: input ${inputName}, options ${optionsName}, errorOnInvalidInput ${errorOnInvalidInput}`, () => {
          const ours = createRulesetFunction(schemas, echo) as Fn;
          const theirs = spectralCreate(schemas, echo) as Fn;
          for (const o of OPTION_VALUES) expect(validatorOutcome(ours, o), `validator(${JSON.stringify(o)})`).toBe(validatorOutcome(theirs, o));
          for (const i of INPUT_VALUES) {
            for (const o of OPTION_VALUES) {
              expect(callOutcome(ours, i, o), `fn(${JSON.stringify(i)}, ${JSON.stringify(o)})`).toEqual(callOutcome(theirs, i, o));
            }
          }
          expect(ours.name).toBe('echo');
          expect(ours.schemas).toEqual(theirs.schemas);
          expect(Object.keys(ours)).toEqual(Object.keys(theirs));
        });
      }
    }
  }

  // Spectral's eager compile would throw at import for a schema ajv rejects; the lazy one throws on first use. Every
  // finlint function's schemas are compiled here by Spectral's createRulesetFunction, so none can fail late.
  it("accepts and rejects every finlint function's options as Spectral would", () => {
    const fns = Object.entries(finlintFunctions).filter(([, f]) => typeof f === 'function' && 'validator' in f) as [string, Fn][];
    expect(fns.length).toBeGreaterThan(90);
    for (const [name, fn] of fns) {
      const theirs = spectralCreate(fn.schemas as RulesetFunctionSchemas, echo) as Fn;
      for (const o of [null, {}, { bogus: 1 }, 'text']) {
        const a = validatorOutcome(fn, o);
        const b = validatorOutcome(theirs, o).replace(/"echo"/g, `"${fn.name}"`);
        expect(a, `${name}.validator(${JSON.stringify(o)})`).toBe(b);
      }
    }
  });
});
