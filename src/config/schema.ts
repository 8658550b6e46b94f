/**
 * JSON Schemas (draft-07) of finlint.config.yaml and finlint.waivers.yaml. Validation errors name the bad key with
 * line and column (src/config/validate.ts); `errorMessage` texts are for values whose shape has several options.
 */

export const OUTPUT_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'html'] as const;
export const FAIL_SEVERITIES = ['error', 'warn', 'info', 'hint', 'none'] as const;
const RULE_SEVERITIES = ['error', 'warn', 'info', 'hint', 'off'];

const stringList = { type: 'array', items: { type: 'string', minLength: 1 } };

const ruleObject = {
  type: 'object',
  additionalProperties: false,
  properties: {
    severity: { enum: RULE_SEVERITIES },
    options: { type: 'object', errorMessage: 'must be a mapping of the rule function\'s options' },
    description: { type: 'string' },
    message: { type: 'string' },
    given: { anyOf: [{ type: 'string' }, stringList], errorMessage: 'must be a JSONPath expression or a list of them' },
    then: {
      anyOf: [{ type: 'object' }, { type: 'array', items: { type: 'object' } }],
      errorMessage: 'must be a mapping (field, function, functionOptions) or a list of them',
    },
    formats: {
      type: 'array',
      items: { enum: ['oas2', 'oas3', 'oas3_0', 'oas3_1'] },
    },
    recommended: { type: 'boolean' },
    resolved: { type: 'boolean' },
    documentationUrl: { type: 'string' },
    controls: stringList,
    howToFix: { type: 'string' },
    category: { type: 'string' },
  },
};

const ruleValue = {
  if: { type: 'object' },
  then: ruleObject,
  else: {
    enum: [...RULE_SEVERITIES, true, false],
    errorMessage: 'must be a severity (error, warn, info, hint, off), true/false, or a mapping with severity and options',
  },
};

const rulesMap = {
  type: 'object',
  propertyNames: { pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$', errorMessage: 'rule ids use letters, digits, -, _ and .' },
  additionalProperties: ruleValue,
};

const extendsEntry = {
  if: { type: 'array' },
  then: {
    type: 'array',
    items: [{ type: 'string', minLength: 1 }, { enum: ['recommended', 'all', 'off'] }],
    minItems: 2,
    maxItems: 2,
    errorMessage: 'must be [ruleset, recommended|all|off]',
  },
  else: { type: 'string', minLength: 1, errorMessage: 'must be a preset (finlint:recommended, finlint:all, finlint:off, a profile such as finlint:pci or finlint:uk-open-banking, spectral:oas), a file or an npm package' },
};

export const configSchema = {
  $id: 'https://github.com/finlint/finlint/schemas/finlint.config.json',
  title: 'finlint configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    extends: {
      if: { type: 'array' },
      then: { type: 'array', items: extendsEntry },
      else: extendsEntry,
    },
    rules: rulesMap,
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files', 'rules'],
        properties: {
          files: { ...stringList, minItems: 1, errorMessage: 'must be a non-empty list of file globs (optionally with #/json/pointer)' },
          rules: { ...rulesMap, minProperties: 1 },
        },
      },
    },
    functionsDir: { type: 'string', minLength: 1 },
    failSeverity: { enum: FAIL_SEVERITIES },
    formats: {
      type: 'array',
      items: {
        if: { type: 'object' },
        then: {
          type: 'object',
          additionalProperties: false,
          required: ['format'],
          properties: { format: { enum: OUTPUT_FORMATS }, output: { type: 'string', minLength: 1 } },
        },
        else: { enum: OUTPUT_FORMATS },
      },
    },
    waivers: { type: 'string', minLength: 1 },
  },
} as const;

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

export const waiversSchema = {
  $id: 'https://github.com/finlint/finlint/schemas/finlint.waivers.json',
  title: 'finlint waivers',
  type: 'object',
  additionalProperties: false,
  required: ['waivers'],
  properties: {
    $schema: { type: 'string' },
    version: { enum: [1] },
    waivers: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'file', 'pointer', 'reason', 'owner', 'expires'],
        properties: {
          rule: { type: 'string', minLength: 1 },
          file: { type: 'string', minLength: 1 },
          pointer: {
            type: 'string',
            pattern: '^#?(/.*)?$',
            errorMessage: 'must be a JSON pointer such as /paths/~1payments/post (or a glob over pointers such as /paths/*/post or /paths/**)',
          },
          reason: { type: 'string', minLength: 10, errorMessage: 'must explain the exception (at least 10 characters)' },
          owner: { type: 'string', minLength: 1 },
          ticket: { type: 'string', minLength: 1 },
          expires: { type: 'string', pattern: DATE, errorMessage: 'must be a date written YYYY-MM-DD' },
        },
      },
    },
  },
} as const;

type Schema = { properties?: Record<string, Schema>; additionalProperties?: Schema | boolean; items?: Schema | Schema[]; then?: Schema; if?: Schema };

/** Allowed keys of the mapping at a data path, read from the schema (for "unknown key" hints). */
export function keysAt(schema: object, segments: readonly (string | number)[], data: unknown): string[] {
  let s: Schema | undefined = schema as Schema;
  let d: unknown = data;
  const pick = (sch: Schema | undefined, value: unknown): Schema | undefined => {
    if (sch?.if && sch.then) {
      const wantsObject = (sch.if as { type?: string }).type === 'object' || (sch.if as { type?: string }).type === 'array';
      const isIt = (sch.if as { type?: string }).type === 'array' ? Array.isArray(value) : typeof value === 'object' && value !== null && !Array.isArray(value);
      return wantsObject && isIt ? sch.then : sch;
    }
    return sch;
  };
  s = pick(s, d);
  for (const seg of segments) {
    if (!s) return [];
    const next: unknown = typeof d === 'object' && d !== null ? (d as Record<string | number, unknown>)[seg] : undefined;
    if (typeof seg === 'number') s = Array.isArray(s.items) ? s.items[seg] : s.items;
    else s = s.properties?.[seg] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
    d = next;
    s = pick(s, d);
  }
  return Object.keys(s?.properties ?? {});
}
