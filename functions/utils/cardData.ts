import type { JSONSchema7 } from 'json-schema';
import {
  classify,
  establishesContext,
  extendDefinition,
  normalisePhrase,
  tokenizeName,
  type Classification,
  type ClassifierConfig,
  type ClassifySubject,
  type ContextName,
  type DataClassDefinition,
} from './classify.js';
import { asArray, entries, isObject, type JsonObject, type JsonPath } from './guards.js';
import { containsPhrase } from './names.js';
import { memoPerDocument } from './memo.js';
import { describeOperation, oasVersion, type OperationRef } from './oas.js';
import { compilePattern, panCapacity, schemaTypes, type PanCapacityResult } from './pan.js';
import { parameterObjects, type ParameterRef } from './parameters.js';
import { componentSchemaName, mergeAllOf, schemaIndex, type SchemaContext, type SchemaVisit } from './schemaWalker.js';

/**
 * Cardholder data classes for the fin-pci rules (catalogue §4.2, PCI DSS glossary): PAN, sensitive authentication
 * data (card verification code, PIN / PIN block, track and chip-equivalent data) and card expiry, on top of the generic
 * classifier in classify.ts; plus the per-document indexes the rules share (classified schema visits, classified URL
 * parameters, card data per operation), each computed once per document and option set.
 */

// ---------------------------------------------------------------------------------------------------------------
// Dictionaries
// ---------------------------------------------------------------------------------------------------------------

/** Tokens that put a name in a card context: the name itself, its enclosing schema or property, or the path. */
export const CARD_CONTEXT: readonly string[] = ['card', 'cards', 'cc', 'creditcard', 'debitcard', 'pan'];

/**
 * Tokens that may follow the card word in the name of a schema, property or path segment that is about a card
 * (`CardDetails`, `card_input`, `CardWithSecrets`, `payment_method_details_card_present`). Anything else makes the card
 * a qualifier of something else (`DebitAccountCardLink`, `CardProgram`, `CardTransaction`), which is no card context.
 */
export const CARD_HEAD_TRAILING: readonly string[] = [
  'details',
  'detail',
  'data',
  'info',
  'information',
  'input',
  'inputs',
  'request',
  'response',
  'object',
  'result',
  'results',
  'with',
  'secrets',
  'sensitive',
  'full',
  'raw',
  'plain',
  'fields',
  'payload',
  'params',
  'parameters',
  'body',
  'dto',
  'model',
  'item',
  'items',
  'resource',
  'record',
  'create',
  'update',
  'new',
  'present',
  'stored',
  'saved',
  'entity',
  'view',
  'summary',
  'output',
  'representation',
  'public',
  'private',
  'v',
];

/** Schema shapes that hold no card value: containers, flags, and formats of other kinds of data. */
const NON_VALUE_FORMATS: ReadonlySet<string> = new Set(['uuid', 'email', 'idn-email', 'uri', 'url', 'uri-reference', 'iri', 'hostname', 'ipv4', 'ipv6', 'binary']);

/** Whether a schema is an object with properties: a container whose properties are judged by their own names. */
export function isContainer(schema: JsonObject): boolean {
  const types = schemaTypes(schema);
  return (types.length === 0 && isObject(schema.properties)) || (types.length > 0 && types.every((t) => t === 'object' || t === 'array'));
}

/**
 * `containers`: an object may hold the class as a whole (`pin: {encryptedBlock, keyId}`, `track2: {text}`); it is then
 * classified itself and its properties are not reported again.
 */
function refuteNonValue(schema: JsonObject, { dates, containers = false }: { dates: boolean; containers?: boolean }): string | undefined {
  const types = schemaTypes(schema);
  if (types.length > 0 && types.every((t) => t === 'boolean')) return 'it is a boolean';
  if (!containers && isContainer(schema)) return 'it is an object';
  const format = typeof schema.format === 'string' ? schema.format : undefined;
  if (format && (NON_VALUE_FORMATS.has(format) || (!dates && (format === 'date' || format === 'date-time')))) return `its format is ${format}`;
  return undefined;
}

/** A secret is never one of a published list of values: an enum or const (`[pass, fail]`, `[M, N, P]`) is a result code. */
function refuteEnumerated(schema: JsonObject): string | undefined {
  if (asArray(schema.enum).filter((v) => v !== null).length > 0) return 'it is an enumeration';
  if (schema.const !== undefined) return 'it is a constant';
  return undefined;
}

/** An enum of words (`[pass, fail, unavailable]`) describes a status, not a date. */
function refuteWordEnum(schema: JsonObject): string | undefined {
  const values = asArray(schema.enum).filter((v) => v !== null);
  if (values.length > 0 && values.every((v) => typeof v === 'string' && /[A-Za-z]/.test(v))) return 'its enum lists words, not dates';
  return undefined;
}

function patternFits(schema: JsonObject, samples: readonly string[], rejects: readonly string[]): boolean {
  const re = compilePattern(schema.pattern);
  return re !== undefined && samples.some((s) => re.test(s)) && !rejects.some((s) => re.test(s));
}

const STATUS_WORDS = [
  'check',
  'checks',
  'checked',
  'result',
  'results',
  'response',
  'status',
  'verified',
  'verification',
  'match',
  'matched',
  'present',
  'presence',
  'provided',
  'supported',
  'required',
  'requirement',
  'indicator',
  'capability',
  'capabilities',
  'policy',
  'optional',
  'hidden',
  'mode',
  'length',
  'type',
  'token',
  'id',
  'failure',
  'failed',
  'enabled',
  'is',
  'has',
  'flag',
  'outcome',
  'action',
  'rule',
  'rules',
  'method',
  'validation',
  'valid',
  'label',
  'field',
];

export const CVC_CLASS: DataClassDefinition = {
  id: 'sad',
  kind: 'cvc',
  label: 'a card verification code',
  entries: [
    { phrase: 'cvv' },
    { phrase: 'cvc' },
    { phrase: 'cvn' },
    { phrase: 'csc' },
    { phrase: 'cvd' },
    { phrase: 'cav 2' },
    { phrase: 'cvv 2' },
    { phrase: 'cvc 2' },
    { phrase: 'card verification value' },
    { phrase: 'card verification code' },
    { phrase: 'card verification number' },
    { phrase: 'card security code' },
    { phrase: 'security code', context: 'card', evidenceInsteadOfContext: true },
    { phrase: 'cid', exact: true, context: 'card', evidenceInsteadOfContext: true },
    { phrase: 'cv number', context: 'card', evidenceInsteadOfContext: true },
    { phrase: 'card cid' },
  ],
  vetoes: [...STATUS_WORDS, 'raw', 'update', 'collection', 'error', 'message', 'attempts'],
  refutes: (s) => refuteNonValue(s, { dates: false }) ?? refuteEnumerated(s),
  confirms: (s) =>
    patternFits(s, ['123', '1234'], ['12345', 'abc', '12'])
      ? `its pattern "${String(s.pattern)}" fits a 3-4 digit card verification code`
      : undefined,
};

/**
 * Names around a PIN that make it something other than a cardholder PIN: a postal code (India's PIN code), or the
 * passcode of a terminal menu, a device or an app.
 */
const NON_CARD_PIN_CONTEXT = [
  'address',
  'postal',
  'zip',
  'shipping',
  'billing',
  'location',
  'map',
  'geo',
  'delivery',
  'passcode',
  'passcodes',
  'terminal',
  'device',
  'settings',
];

export const PIN_CLASS: DataClassDefinition = {
  id: 'sad',
  kind: 'pin',
  label: 'a PIN or PIN block',
  entries: [
    { phrase: 'pin block', contextVetoes: NON_CARD_PIN_CONTEXT },
    { phrase: 'pinblock', contextVetoes: NON_CARD_PIN_CONTEXT },
    { phrase: 'pin code', contextVetoes: NON_CARD_PIN_CONTEXT },
    { phrase: 'pin', vetoes: ['code'], contextVetoes: NON_CARD_PIN_CONTEXT },
  ],
  vetoes: [
    ...STATUS_WORDS,
    'entry',
    'entered',
    'cpblties',
    'cpblty',
    'lngth',
    'frmt',
    'format',
    'pad',
    'inprtv',
    'set',
    'attempts',
    'tries',
    'retries',
    'count',
    'counter',
    'blocked',
    'locked',
    'lock',
    'change',
    'changed',
    'reset',
    'max',
    'min',
    'maximum',
    'minimum',
    'offline',
    'online',
    'setting',
    'settings',
    'embed',
    'url',
    'link',
    'key',
    'expiry',
    'expires',
    'updated',
    'created',
    'last',
    'hint',
    'address',
    'postal',
    'zip',
    'postcode',
    'location',
    'map',
    'pvv',
    'offset',
    'mailer',
    'reminder',
    // qualifiers of other PINs: terminal menus, devices, apps, staff
    'menu',
    'admin',
    'screen',
    'unlock',
    'refund',
    'terminal',
    'device',
    'app',
    'login',
    'user',
    'staff',
    'operator',
    'merchant',
    'supervisor',
    'manager',
    'parental',
    'sim',
    'phone',
    'wifi',
    'pairing',
  ],
  refutes: (s) => refuteNonValue(s, { dates: false, containers: true }) ?? refuteEnumerated(s),
};

export const TRACK_CLASS: DataClassDefinition = {
  id: 'sad',
  kind: 'track',
  label: 'track or chip-equivalent data',
  entries: [
    { phrase: 'track 1' },
    { phrase: 'track 2' },
    { phrase: 'track 3' },
    { phrase: 'track data' },
    { phrase: 'full track' },
    { phrase: 'trk 1' },
    { phrase: 'trk 2' },
    { phrase: 'trck 1' },
    { phrase: 'trck 2' },
    { phrase: 'trck 3' },
    { phrase: 'magstripe' },
    { phrase: 'mag stripe' },
    { phrase: 'magnetic stripe' },
    { phrase: 'track 2 equivalent' },
  ],
  vetoes: [
    ...STATUS_WORDS,
    'tracking',
    'shipment',
    'shipping',
    'capable',
    'read',
    'reader',
    'fallback',
    'format',
    'frmt',
    'cpblties',
    'only',
    'eligible',
  ],
  refutes: (s) => refuteNonValue(s, { dates: false, containers: true }) ?? refuteEnumerated(s),
};

export const EXPIRY_CLASS: DataClassDefinition = {
  id: 'card-expiry',
  kind: 'expiry',
  label: 'a card expiry date',
  entries: [
    { phrase: 'expiry', context: 'card' },
    { phrase: 'expiration', context: 'card' },
    { phrase: 'exp month', context: 'card' },
    { phrase: 'exp year', context: 'card' },
    { phrase: 'exp date', context: 'card' },
    { phrase: 'exp', exact: true, context: 'card' },
    { phrase: 'card exp' },
    { phrase: 'cc exp' },
    { phrase: 'valid thru', context: 'card' },
    { phrase: 'valid through', context: 'card' },
    { phrase: 'good thru', context: 'card' },
  ],
  vetoes: [
    'in',
    'at',
    'after',
    'before',
    'seconds',
    'minutes',
    'hours',
    'days',
    'ms',
    'duration',
    'period',
    'ttl',
    'session',
    'token',
    'link',
    'url',
    'key',
    'password',
    'consent',
    'authorization',
    'auth',
    'hold',
    'offer',
    'quote',
    'reservation',
    'upload',
    'download',
    'check',
    'result',
    'status',
    'policy',
    'notification',
    'reminder',
    'warning',
    'recurring',
    'mandate',
    'subscription',
    'agreement',
    'contract',
    'document',
    'id',
    'is',
    'has',
    'flag',
    'indicator',
    'behavior',
    'behaviour',
    'time',
    'timestamp',
    'datetime',
    'lvc',
    'format',
    'type',
  ],
  refutes: (s) => refuteNonValue(s, { dates: true }) ?? refuteWordEnum(s),
};

/** Tokens that keep a PAN a PAN but say it is masked or truncated (`panLast4`, `maskedCardNumber`, `cardBin`). */
const PAN_MASKED = [
  'last',
  'four',
  '4',
  'first',
  'bin',
  'iin',
  'masked',
  'mask',
  'truncated',
  'suffix',
  'prefix',
  'partial',
  'display',
  'obfuscated',
  'redacted',
  'hint',
  'summary',
  'tail',
  'ending',
  'short',
];

/** Tokens that say the value stands in for the PAN (`panToken`, `cardNumberHash`, `encryptedCardNumber`). */
const PAN_TOKEN = [
  'token',
  'tokenized',
  'tokenised',
  'hash',
  'hashed',
  'fingerprint',
  'digest',
  'encrypted',
  'enc',
  'ncrptd',
  'cipher',
  'ciphertext',
  'alias',
  'surrogate',
  'protected',
  'vault',
  'vaulted',
  'jwe',
];

/** Sibling names that hold the card number, so that an `accountNumber` next to them is some other account. */
const PAN_SIBLINGS = ['number', 'pan', 'card number', 'cardnumber', 'primary account number', 'card no', 'cc number', 'fpan', 'masked pan'];

export const PAN_CLASS: DataClassDefinition = {
  id: 'pan',
  kind: 'full',
  label: 'a card number (PAN)',
  entries: [
    { phrase: 'pan' },
    { phrase: 'fpan' },
    { phrase: 'card number' },
    { phrase: 'cardnumber' },
    { phrase: 'card no' },
    { phrase: 'card num' },
    { phrase: 'card nbr' },
    { phrase: 'cc number' },
    { phrase: 'cc no' },
    { phrase: 'cc num' },
    { phrase: 'ccnumber' },
    { phrase: 'credit card number' },
    { phrase: 'debit card number' },
    { phrase: 'primary account number' },
    { phrase: 'prmry acct nb' },
    { phrase: 'account number', context: 'card', vetoes: ['bank', 'iban', 'routing', 'ach', 'financial', 'wire'], yieldsTo: PAN_SIBLINGS },
    { phrase: 'acct number', context: 'card', yieldsTo: PAN_SIBLINGS },
    { phrase: 'number', exact: true, context: 'card' },
  ],
  vetoes: [
    'id',
    'ids',
    'ref',
    'reference',
    'type',
    'brand',
    'scheme',
    'network',
    'length',
    'country',
    'present',
    'presence',
    'provided',
    'available',
    'sequence',
    'seq',
    'entry',
    'mode',
    'source',
    'status',
    'expiry',
    'expiration',
    'exp',
    'range',
    'rg',
    'start',
    'end',
    'unique',
    'issuer',
    'product',
    'program',
    'count',
    'format',
    'pattern',
    'regex',
    'validation',
    'valid',
    'check',
    'checked',
    'verified',
    'verification',
    'luhn',
    'url',
    'link',
    'update',
    'updated',
    'changed',
    'is',
    'has',
    'required',
    'indicator',
    'flag',
    'capability',
    'method',
    'allowed',
    'enabled',
    'supported',
    'policy',
    'rule',
    'rules',
    'field',
    'label',
    'placeholder',
    'error',
    'message',
    'result',
    'paired',
    'list',
    'lookup',
    'search',
    'holder',
    'name',
    'level',
    'art',
    'image',
    'design',
    'category',
    'tax',
  ],
  derived: [
    { tokens: PAN_MASKED, kind: 'masked', label: 'a masked or truncated card number' },
    { tokens: PAN_TOKEN, kind: 'token', label: 'a token or encrypted form of a card number' },
  ],
  refutes: (s) => refuteNonValue(s, { dates: false }),
};

/** Names that say nothing by themselves; with a card context and a card-number pattern they are a PAN (`/cards/{number}`). */
const GENERIC_NAMES: ReadonlySet<string> = new Set(['card', 'cards', 'number', 'num', 'no', 'nr', 'value', 'cc', 'creditcard', 'debitcard']);

// ---------------------------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------------------------

export interface DictionaryOption {
  /** Extra names (token sequences such as `card ref number`, or names such as `cardRefNumber`). */
  names?: string[];
  /** Extra veto tokens. */
  vetoes?: string[];
}

/** Dictionary options shared by every fin-pci rule. */
export interface CardDataOptions {
  pan?: DictionaryOption;
  cvc?: DictionaryOption;
  pin?: DictionaryOption;
  track?: DictionaryOption;
  expiry?: DictionaryOption;
  /** Extra tokens that establish a card context (e.g. `plastic`). */
  cardContext?: string[];
}

const dictionaryOptionSchema = {
  type: 'object',
  properties: {
    names: { type: 'array', items: { type: 'string', minLength: 1 } },
    vetoes: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
  additionalProperties: false,
} as const;

/** JSON Schema properties of `CardDataOptions`. */
const cardDataOptionProperties = {
  pan: dictionaryOptionSchema,
  cvc: dictionaryOptionSchema,
  pin: dictionaryOptionSchema,
  track: dictionaryOptionSchema,
  expiry: dictionaryOptionSchema,
  cardContext: { type: 'array', items: { type: 'string', minLength: 1 } },
} as const;

const CARD_DATA_OPTIONS_HELP =
  'pan?, cvc?, pin?, track?, expiry?: { names?: string[], vetoes?: string[] }, cardContext?: string[]';

/** The option schema every card-data rule shares, with an error message that names the rule and shows an example. */
export function cardDataOptionsSchema(ruleId: string, example: string): JSONSchema7 & { errorMessage: string } {
  return {
    type: ['object', 'null'],
    properties: { ...cardDataOptionProperties } as JSONSchema7['properties'],
    additionalProperties: false,
    errorMessage: `"${ruleId}" options: { ${CARD_DATA_OPTIONS_HELP} }, e.g. ${example}.`,
  };
}

const configs = new Map<string, ClassifierConfig>();

function optionsKey(options: CardDataOptions | null | undefined): string {
  if (!options) return '{}';
  const { pan, cvc, pin, track, expiry, cardContext } = options;
  return JSON.stringify({ pan, cvc, pin, track, expiry, cardContext });
}

/** The classifier for cardholder data with an organisation's dictionary options applied. */
export function cardClassifier(options?: CardDataOptions | null): ClassifierConfig {
  const key = optionsKey(options);
  let config = configs.get(key);
  if (config) return config;
  config = {
    // SAD first, then expiry, then PAN: `panExpiry` is an expiry, `cardVerificationCode` a CVC.
    classes: [
      extendDefinition(CVC_CLASS, options?.cvc),
      extendDefinition(PIN_CLASS, options?.pin),
      extendDefinition(TRACK_CLASS, options?.track),
      extendDefinition(EXPIRY_CLASS, options?.expiry),
      extendDefinition(PAN_CLASS, options?.pan),
    ],
    contexts: { card: { words: [...CARD_CONTEXT, ...(options?.cardContext ?? []).map(normalisePhrase)], trailing: CARD_HEAD_TRAILING } },
    declared: {
      'pci-pan': { class: 'pan', kind: 'full', label: 'a card number (PAN)' },
      'pci-pan-masked': { class: 'pan', kind: 'masked', label: 'a masked card number' },
      'pci-pan-truncated': { class: 'pan', kind: 'masked', label: 'a truncated card number' },
      'pci-pan-token': { class: 'pan', kind: 'token', label: 'a card number token' },
      'pci-sad': { class: 'sad', kind: 'unspecified', label: 'sensitive authentication data', nameRefinesKind: true },
      'pci-chd': { context: 'card' },
      credential: { confirms: ['sad'] },
    },
  };
  configs.set(key, config);
  return config;
}

// ---------------------------------------------------------------------------------------------------------------
// Classifying visits and parameters
// ---------------------------------------------------------------------------------------------------------------

export interface CardClassification extends Classification {
  /** PAN only: whether the schema can hold a full card number. */
  capacity?: PanCapacityResult;
}

/** The schema that describes the value: for an array of scalars, its items. */
export function valueSchema(merged: JsonObject): JsonObject {
  const types = schemaTypes(merged);
  if (types.length === 1 && types[0] === 'array' && isObject(merged.items)) {
    const items = mergeAllOf(merged.items);
    const itemTypes = schemaTypes(items);
    if (!itemTypes.includes('object') && !itemTypes.includes('array') && !isObject(items.properties)) return items;
  }
  return merged;
}

/** Classifies a subject as cardholder data, refining PAN by schema evidence and trying PAN evidence for generic names. */
export function classifyCardData(subject: ClassifySubject, config: ClassifierConfig): CardClassification | undefined {
  const cls: CardClassification | undefined = classify(subject, config);
  // An object named like a PIN or track data (`pin: {...}`) is taken as a container of it only if its schema name
  // or title agrees (`EncryptedPinBlock`, "Track 2 Data"); `pin: {$ref: PinnedComment}` is something else.
  if (cls && cls.by === 'name' && isContainer(subject.schema) && (subject.aliases?.length ?? 0) > 0) {
    const agrees = (subject.aliases ?? []).some((a) => classify({ name: a.name, schema: subject.schema, annotated: [], context: subject.context }, config)?.class === cls.class);
    if (!agrees) return undefined;
  }
  if (cls && cls.class === 'pan') {
    const capacity = panCapacity(subject.schema);
    if (cls.kind === 'full' && cls.by !== 'declaration' && capacity.capacity === 'excludes') {
      return {
        ...cls,
        kind: 'masked',
        label: 'a masked or truncated card number',
        by: 'evidence',
        reason: `${cls.reason}, but ${capacity.reason}, so it cannot hold a full card number`,
        capacity,
      };
    }
    return { ...cls, capacity };
  }
  if (cls || subject.name === undefined) return cls;
  // A generic name (`number`, `card`, `value`) in a card context whose pattern accepts only digits, 12-19 of them.
  const tokens = tokenizeName(subject.name);
  if (tokens.length === 0 || !tokens.every((t) => GENERIC_NAMES.has(t))) return undefined;
  const card = config.contexts.card;
  const ownWord = card?.words.some((w) => containsPhrase(tokens, w));
  const ctx = ownWord ? { label: 'its name' } : card ? subject.context.find((c) => establishesContext(c.name, card)) : undefined;
  const capacity = panCapacity(subject.schema);
  const re = compilePattern(subject.schema.pattern);
  if (ctx === undefined || capacity.capacity !== 'admits' || re === undefined || re.test('abcdefghijklm')) return undefined;
  return {
    class: 'pan',
    kind: 'full',
    label: 'a card number (PAN)',
    by: 'evidence',
    reason: `${capacity.reason} in a card context (${ctx.label})`,
    capacity,
  };
}

/**
 * The path segment that says what a parameter belongs to: for a path parameter, the static segment right before it
 * (`cards` in `/cards/{number}`); otherwise the last static segment (`cards` in `/v1/cards?expiry=`).
 */
export function pathContextSegment(pathKey: string, paramName: string, location: string): string | undefined {
  const segments = pathKey.split('/').filter((s) => s.length > 0);
  const at = location === 'path' ? segments.findIndex((s) => s.includes(`{${paramName}}`)) : segments.length;
  for (let i = (at === -1 ? segments.length : at) - 1; i >= 0; i--) if (!segments[i].includes('{')) return segments[i];
  return undefined;
}

export function pathContext(pathKeys: readonly string[], paramName: string, location: string): ContextName[] {
  const out: ContextName[] = [];
  for (const key of pathKeys) {
    const segment = pathContextSegment(key, paramName, location);
    if (segment !== undefined) out.push({ label: `path ${key}`, name: segment });
  }
  return out;
}

/** The schemas that declare a property: the holder itself and/or the `allOf` members (at any depth) that list it. */
export function declaringSchemas(holder: JsonObject, name: string, seen: Set<object> = new Set()): JsonObject[] {
  if (seen.has(holder)) return [];
  seen.add(holder);
  const out: JsonObject[] = [];
  for (const member of asArray(holder.allOf)) if (isObject(member)) out.push(...declaringSchemas(member, name, seen));
  if (isObject(holder.properties) && name in holder.properties) out.push(holder);
  return out;
}

function visitContext(root: JsonObject, visit: SchemaVisit): ContextName[] {
  const out: ContextName[] = [];
  if (visit.parentName !== undefined) out.push({ label: `property "${visit.parentName}"`, name: visit.parentName });
  if (visit.parent) {
    const holders = visit.name !== undefined ? [...declaringSchemas(visit.parent, visit.name), visit.parent] : [visit.parent];
    for (const holder of new Set(holders)) {
      const component = componentSchemaName(root, holder);
      if (component !== undefined) out.push({ label: `schema "${component}"`, name: component });
      if (typeof holder.title === 'string') out.push({ label: `schema "${holder.title}"`, name: holder.title });
    }
  }
  if (visit.isParameter && visit.ctx.operation && visit.name !== undefined) {
    out.push(...pathContext([visit.ctx.operation.pathKey], visit.name, visit.ctx.location));
  }
  return out;
}

/** Other names of a value: the component name of its schema and its title. */
export function valueAliases(root: JsonObject, schemas: readonly JsonObject[]): ContextName[] {
  const out: ContextName[] = [];
  for (const schema of schemas) {
    const component = componentSchemaName(root, schema);
    if (component !== undefined && !out.some((a) => a.name === component)) out.push({ label: `its schema "${component}"`, name: component });
    if (typeof schema.title === 'string' && !out.some((a) => a.name === schema.title)) out.push({ label: `its title "${schema.title}"`, name: schema.title });
  }
  return out;
}

function siblingNames(parent: JsonObject | undefined): string[] {
  if (!parent) return [];
  const merged = mergeAllOf(parent);
  return isObject(merged.properties) ? Object.keys(merged.properties) : [];
}

export interface CardDataIndex {
  config: ClassifierConfig;
  /** Classification of a named schema visit (property, parameter or header value), cached. */
  visit(visit: SchemaVisit): CardClassification | undefined;
  /** Every named visit classified as cardholder data. */
  visits: readonly { visit: SchemaVisit; cls: CardClassification }[];
  /** Every value carried in a URL or header parameter and classified as cardholder data. */
  parameters: readonly ParameterHit[];
  /** The first PAN (full or of unknown masking) or SAD an operation carries, in its request or responses. */
  operationCardData(op: OperationRef): { visit: SchemaVisit; cls: CardClassification } | undefined;
}

/** A Parameter Object value (or a property of an object-valued parameter) that a classifier recognised. */
export interface ParameterValueHit<C> {
  parameter: ParameterRef;
  /** Parameter name, or the nested property name for object-valued parameters. */
  name: string;
  /** Where to report: the Parameter Object, or the nested property schema. */
  path: JsonPath;
  /** `in` of the parameter. */
  location: string;
  /** True when the value is a property of an object-valued parameter (deepObject, JSON in a query string). */
  nested: boolean;
  cls: C;
  /** Object identity for de-duplication. */
  node: object;
  /** The objects that may carry a declaration. */
  annotated: readonly JsonObject[];
}

export type ParameterHit = ParameterValueHit<CardClassification>;

export interface ParameterClassifying<C> {
  classify: (subject: ClassifySubject) => C | undefined;
  /** Which Parameter Objects to look at. */
  include: (ref: ParameterRef) => boolean;
  /** Whether a classification of the whole value is kept (else the value is searched like an unclassified one). */
  acceptWhole: (cls: C, schema: JsonObject, ref: ParameterRef) => boolean;
}

/**
 * Classifies every Parameter Object's value once, wherever it is defined, and for parameters in the URL or headers
 * also the properties of object-valued ones (deepObject, JSON content): their properties travel in the URL too.
 * Shared by the cardholder-data and personal-data indexes, which differ only in the classifier and what they keep.
 */
export function classifyParameterValues<C>(root: JsonObject, how: ParameterClassifying<C>): ParameterValueHit<C>[] {
  const hits: ParameterValueHit<C>[] = [];
  const isOas2 = oasVersion(root) === '2.0';
  for (const ref of parameterObjects(root)) {
    if (!how.include(ref)) continue;
    const paramContext = pathContext(ref.pathKeys, ref.name, ref.in);
    for (const [raw, sPath] of parameterValueSchemas(ref.parameter, ref.path, isOas2)) {
      const merged = mergeAllOf(raw);
      const schema = valueSchema(merged);
      const annotated = [ref.parameter, raw, merged, schema].filter(isObject);
      const cls = how.classify({ name: ref.name, schema, annotated, context: paramContext, aliases: valueAliases(root, [raw, schema]) });
      if (cls && how.acceptWhole(cls, schema, ref)) {
        hits.push({ parameter: ref, name: ref.name, path: ref.path, location: ref.in, nested: false, cls, node: ref.parameter, annotated });
        continue;
      }
      if (!URL_LOCATIONS.has(ref.in)) continue;
      const seen = new Set<object>();
      const nested = (s: JsonObject, p: JsonPath, holderName: string) => {
        if (seen.has(s)) return;
        seen.add(s);
        const m = mergeAllOf(s);
        for (const [name, value] of entries(m.properties)) {
          if (!isObject(value)) continue;
          const propPath = findPropertyPath(s, p, name);
          const vm = mergeAllOf(value);
          const vs = valueSchema(vm);
          const c = how.classify({
            name,
            schema: vs,
            annotated: [value, vm, vs],
            context: [{ label: `parameter "${holderName}"`, name: holderName }, ...paramContext],
            aliases: valueAliases(root, [value, vs]),
            siblings: Object.keys(m.properties as JsonObject),
          });
          if (c) hits.push({ parameter: ref, name, path: propPath, location: ref.in, nested: true, cls: c, node: value, annotated: [value, vm, vs] });
          else nested(value, propPath, name);
        }
        if (isObject(m.items)) nested(m.items, [...p, 'items'], holderName);
      };
      nested(raw, sPath, ref.name);
    }
  }
  return hits;
}

/** `in` values that put the value in the URL or in headers (logged by proxies, servers and browsers). */
export const URL_LOCATIONS: ReadonlySet<string> = new Set(['path', 'query', 'querystring', 'header', 'cookie']);

export function parameterValueSchemas(param: JsonObject, path: JsonPath, isOas2: boolean): [JsonObject, JsonPath][] {
  if (isObject(param.schema)) return [[param.schema, [...path, 'schema']]];
  const out: [JsonObject, JsonPath][] = [];
  for (const [mediaType, media] of entries(param.content)) {
    if (isObject(media) && isObject(media.schema)) out.push([media.schema, [...path, 'content', mediaType, 'schema']]);
  }
  if (out.length === 0 && isOas2) out.push([param, path]);
  return out;
}

function isSensitiveHit(cls: CardClassification): boolean {
  return cls.class === 'sad' || (cls.class === 'pan' && cls.kind === 'full');
}

/** The cardholder-data index of a document for an option set, computed once and shared by the fin-pci rules. */
export function cardDataIndex(root: JsonObject, options?: CardDataOptions | null): CardDataIndex {
  const key = optionsKey(options);
  return memoPerDocument(root, `cardDataIndex:${key}`, () => {
    const config = cardClassifier(options);
    const index = schemaIndex(root);
    const cache = new Map<SchemaVisit, CardClassification | null>();
    const classifyVisit = (visit: SchemaVisit): CardClassification | undefined => {
      if (visit.name === undefined) return undefined;
      const cached = cache.get(visit);
      if (cached !== undefined) return cached ?? undefined;
      const schema = valueSchema(visit.merged);
      const annotated = [visit.holder, visit.schema, visit.merged, schema].filter(isObject);
      const cls = classifyCardData(
        {
          name: visit.name,
          schema,
          annotated,
          context: visitContext(root, visit),
          aliases: valueAliases(root, [visit.schema, schema]),
          siblings: siblingNames(visit.parent),
        },
        config,
      );
      cache.set(visit, cls ?? null);
      return cls;
    };
    const visits: { visit: SchemaVisit; cls: CardClassification }[] = [];
    // Objects classified as SAD as a whole (`pin: {encryptedBlock}`): their properties are part of that finding.
    const sadContainers = new Set<object>();
    for (const v of index.visits) {
      if (v.parent && sadContainers.has(v.parent)) {
        if (isContainer(v.merged)) sadContainers.add(v.schema);
        continue;
      }
      const cls = classifyVisit(v);
      if (!cls) continue;
      if (cls.class === 'sad' && isContainer(v.merged)) sadContainers.add(v.schema);
      visits.push({ visit: v, cls });
    }

    // URL and header parameters, and the properties of object-valued ones.
    const parameters = classifyParameterValues(root, {
      classify: (subject) => classifyCardData(subject, config),
      include: (ref) => URL_LOCATIONS.has(ref.in),
      acceptWhole: () => true,
    });

    // Per operation: memoised search of each (schema, context) subtree for PAN or SAD.
    const subtree = new Map<object, Map<string, { visit: SchemaVisit; cls: CardClassification } | null>>();
    const IN_PROGRESS = null;
    const search = (visit: SchemaVisit): { visit: SchemaVisit; cls: CardClassification } | undefined => {
      const own = classifyVisit(visit);
      if (own && isSensitiveHit(own)) return { visit, cls: own };
      return searchChildren(visit.schema, visit.ctx);
    };
    const searchChildren = (schema: object, ctx: SchemaContext): { visit: SchemaVisit; cls: CardClassification } | undefined => {
      const k = `${ctx.direction}:${ctx.outbound}`;
      let byCtx = subtree.get(schema);
      if (!byCtx) subtree.set(schema, (byCtx = new Map()));
      if (byCtx.has(k)) return byCtx.get(k) ?? undefined;
      byCtx.set(k, IN_PROGRESS);
      let found: { visit: SchemaVisit; cls: CardClassification } | undefined;
      for (const child of index.childVisits(schema, ctx)) {
        found = search(child);
        if (found) break;
      }
      byCtx.set(k, found ?? null);
      return found;
    };
    const perOperation = new Map<OperationRef, { visit: SchemaVisit; cls: CardClassification } | null>();
    const operationCardData = (op: OperationRef) => {
      if (perOperation.has(op)) return perOperation.get(op) ?? undefined;
      let found: { visit: SchemaVisit; cls: CardClassification } | undefined;
      for (const rootVisit of index.operationRoots.get(op) ?? []) {
        found = search(rootVisit);
        if (found) break;
      }
      perOperation.set(op, found ?? null);
      return found;
    };

    return { config, visit: classifyVisit, visits, parameters, operationCardData };
  });
}

/** The path of a property as written: in the schema itself or in one of its `allOf` members. */
export function findPropertyPath(schema: JsonObject, path: JsonPath, name: string): JsonPath {
  if (isObject(schema.properties) && name in schema.properties) return [...path, 'properties', name];
  const members = asArray(schema.allOf);
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    if (isObject(m) && isObject(mergeAllOf(m).properties) && name in (mergeAllOf(m).properties as JsonObject)) {
      return findPropertyPath(m, [...path, 'allOf', i], name);
    }
  }
  return [...path, 'properties', name];
}

// ---------------------------------------------------------------------------------------------------------------
// Message helpers and exemptions
// ---------------------------------------------------------------------------------------------------------------

/** A non-blank string extension value: the documented, auditable reason for an exemption. */
export function hasJustification(holder: unknown, key: string): boolean {
  if (!isObject(holder)) return false;
  const v = holder[key];
  return typeof v === 'string' && v.trim().length > 0;
}

/** Whether an exemption extension is recorded on the value (property or parameter), its operation or the document `info`. */
export function exempted(root: JsonObject, key: string, nodes: readonly unknown[], op?: OperationRef): boolean {
  if (nodes.some((n) => hasJustification(n, key))) return true;
  if (op && hasJustification(op.operation, key)) return true;
  return hasJustification(root.info, key);
}

/** `the 200 response of GET /cards/{id}`, `the request of webhook "card.created"`. */
export function whereCarried(ctx: SchemaContext): string {
  const op = ctx.operation;
  if (op === undefined) return ctx.direction === 'response' ? 'a response' : 'a request';
  const name =
    op.kind === 'webhook'
      ? `webhook "${op.pathKey}"`
      : op.kind === 'callback'
        ? `callback ${describeOperation(op)}`
        : op.path[0] === 'components'
          ? `${op.method.toUpperCase()} of reusable path item "${op.pathKey}"`
          : describeOperation(op);
  if (ctx.location === 'header') return ctx.direction === 'response' ? `a header of the ${ctx.status} response of ${name}` : `a header of the request of ${name}`;
  return ctx.direction === 'response' ? `the ${ctx.status} response of ${name}` : `the request of ${name}`;
}

const LOCATION_WORDS: Record<string, string> = {
  path: 'Path parameter',
  query: 'Query parameter',
  querystring: 'Query string',
  header: 'Header parameter',
  cookie: 'Cookie parameter',
};

/** `Query parameter "cvv" of /payments` or `Property "number" of query parameter "card" of /payments`. */
export function describeParameterHit(hit: ParameterHit): string {
  const where = hit.parameter.pathKeys.length === 0
    ? ' (defined in components)'
    : ` of ${hit.parameter.pathKeys[0]}${hit.parameter.pathKeys.length > 1 ? ` (and ${hit.parameter.pathKeys.length - 1} more)` : ''}`;
  const kind = LOCATION_WORDS[hit.location] ?? `Parameter (in: ${hit.location})`;
  if (hit.nested) return `Property "${hit.name}" of ${kind.toLowerCase()} "${hit.parameter.name}"${where}`;
  return `${kind} "${hit.name}"${where}`;
}

/** Where a URL/header value ends up, for messages. */
export function urlPlace(location: string): string {
  if (location === 'header') return 'a request header';
  if (location === 'cookie') return 'a cookie';
  return 'the URL';
}
