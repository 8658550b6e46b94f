import { createRulesetFunction as spectralCreateRulesetFunction, type RulesetFunction, type RulesetFunctionWithValidator } from '@stoplight/spectral-core';

/** The schemas a rule function declares, exactly as Spectral's createRulesetFunction takes them. */
export type RulesetFunctionSchemas = Parameters<typeof spectralCreateRulesetFunction>[0];
type Schema = RulesetFunctionSchemas['options'];

/** Keywords that could reject `null` even when `type` allows it; anything else only constrains other types. */
const NULL_REJECTING_KEYWORDS = ['enum', 'const', 'not', 'anyOf', 'oneOf', 'allOf', 'if', '$ref', '$dynamicRef'];

/** Whether a schema certainly accepts `null`, decided without compiling it: its `type` allows null and nothing else applies to null. */
function acceptsNull(schema: Schema): boolean {
  if (schema === null) return true; // Spectral's "no options" validator accepts exactly null
  const type = (schema as { type?: unknown }).type;
  const allowsNull = type === 'null' || (Array.isArray(type) && type.includes('null'));
  return allowsNull && !NULL_REJECTING_KEYWORDS.some((k) => k in schema);
}

const isPlainObjectSchema = (schema: Schema): boolean =>
  schema !== null && Object.keys(schema).length === 1 && (schema as { type?: unknown }).type === 'object';

const isJsonObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Spectral's `createRulesetFunction`, with its ajv validators compiled when first needed instead of when the module
 * loads. Spectral compiles the input and the options schema of every function eagerly, ~1-2 ms each: for finlint's
 * ~100 functions that was ~200 ms of every start-up, in the CLI's main thread and again in its lint worker.
 *
 * Behaviour is Spectral's, and it is Spectral's own function (built on first need) that validates:
 * - The input schema every finlint function declares, `{ type: 'object' }`, is checked as ajv checks it (a non-null,
 *   non-array object); an input that fails it makes the function return nothing, as in Spectral.
 * - `null` options (what Spectral passes for a rule without `functionOptions`) are accepted without ajv when the
 *   options schema certainly accepts null (its `type` allows null and no keyword could reject it).
 * - Everything else — other inputs, options objects, `validator()` on real options, `errorOnInvalidInput` — goes to
 *   the function Spectral's createRulesetFunction builds, so its errors and messages are unchanged.
 * - A schema ajv rejects would throw on first use rather than at import; that test compiles every finlint
 *   function's schemas with Spectral's own createRulesetFunction, so none can.
 * test/functions/ruleset-function.test.ts compares both on valid and invalid inputs and options.
 */
export function createRulesetFunction<I, O>(
  schemas: RulesetFunctionSchemas,
  fn: RulesetFunction<I, O>,
): RulesetFunctionWithValidator<I, O> {
  let built: RulesetFunctionWithValidator<I, O> | undefined;
  const spectral = (): RulesetFunctionWithValidator<I, O> => (built ??= spectralCreateRulesetFunction<I, O>(schemas, fn));
  const quickInput = isPlainObjectSchema(schemas.input) && schemas.errorOnInvalidInput !== true;
  const quickNull = acceptsNull(schemas.options);

  // Spectral calls a rule function with exactly (input, options, context); no rest array on this hot path.
  const wrapped = function (input: I, options: O, context: Parameters<RulesetFunction<I, O>>[2]) {
    if (quickInput && quickNull && options === null) {
      if (!isJsonObject(input)) return;
      return fn(input, options, context);
    }
    return spectral()(input, options, context);
  } as RulesetFunctionWithValidator<I, O>;
  Reflect.defineProperty(wrapped, 'name', { value: fn.name });
  wrapped.validator = (options: unknown): void => {
    if (options === null && quickNull) return;
    const real: RulesetFunctionWithValidator<I, O> = spectral();
    real.validator(options);
  };
  Reflect.defineProperty(wrapped, 'schemas', { enumerable: false, value: { input: schemas.input, options: schemas.options } });
  return wrapped;
}
