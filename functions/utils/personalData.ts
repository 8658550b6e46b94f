import type { JSONSchema7 } from 'json-schema';
import {
  classify,
  CLASSIFICATION_VOCABULARY,
  declaredClassifications,
  establishesContext,
  extendDefinition,
  normalisePhrase,
  tokenizeName,
  type Classification,
  type ClassifierConfig,
  type ClassifySubject,
  type ContextDefinition,
  type ContextName,
  type DataClassDefinition,
  type DeclaredValue,
} from './classify.js';
import { classifyParameterValues, declaringSchemas, type DictionaryOption, isContainer, type ParameterValueHit, pathContext, pathContextSegment, URL_LOCATIONS, valueAliases, valueSchema } from './cardData.js';

export { valueSchema };
import { asArray, entries, isObject, type JsonObject, type JsonPath } from './guards.js';
import { memoPerDocument } from './memo.js';
import { containsPhrase } from './names.js';
import type { OperationRef } from './oas.js';
import { compilePattern, schemaTypes } from './pan.js';
import { componentSchemaName, mergeAllOf, schemaIndex, type SchemaContext, type SchemaVisit } from './schemaWalker.js';

/**
 * Personal data classes for the fin-gdpr rules (catalogue §4.2, GDPR Art. 4(1), 9, 10 and 87), on the generic
 * classifier in classify.ts, next to the cardholder-data classes of cardData.ts:
 *
 * - `personal`: direct identifiers and contact data (a person's name, email, phone, postal address, date of birth,
 *   IP address, device identifier, geolocation, bank account number or IBAN, gender and nationality);
 * - `national-id`: national identification numbers (SSN, national id, tax id, passport, driving licence...);
 * - `special-category`: the special categories of Art. 9 (health, biometrics, ethnicity, religion, political
 *   opinion, trade-union membership, sex life or orientation, genetic data);
 * - `criminal-offence`: criminal convictions and offences (Art. 10).
 *
 * Explicit declarations win as everywhere in the engine: `x-data-classification: personal | national-id |
 * special-category | criminal-offence` decides the class (the name still picks the kind for messages), any other
 * value of the vocabulary (`public`, `internal`, `financial`, `pci-*`, `credential`) says it is something else, and
 * `x-pii: true` / `x-pii: false` is read as `personal` / "not personal". Schema evidence: `format: email` and
 * `format: ipv4|ipv6` classify a value whatever its name (unless the name or its surroundings are about a business or
 * infrastructure); booleans, enumerations, ids and objects are not personal values (except objects named as one, such
 * as `address: {line1, postalCode}` or `dob: {day, month, year}`, which are reported as a whole).
 *
 * The per-document index (`personalDataIndex`) is computed once per document and option set and shared by the rules.
 */

// ---------------------------------------------------------------------------------------------------------------
// Context words
// ---------------------------------------------------------------------------------------------------------------

/** Words that make a surrounding name (schema, property) about a natural person, as its head. */
export const PERSON_CONTEXT: readonly string[] = [
  'person', 'persons', 'people', 'personal', 'individual', 'individuals', 'natural person', 'customer', 'customers',
  'consumer', 'user', 'users', 'employee', 'employees', 'member', 'members', 'holder', 'holders', 'cardholder',
  'owner', 'owners', 'applicant', 'applicants', 'beneficiary', 'beneficiaries', 'payee', 'payer', 'debtor',
  'creditor', 'psu', 'contact', 'contacts', 'party', 'parties', 'representative', 'director', 'directors',
  'shareholder', 'signer', 'signatory', 'guarantor', 'borrower', 'patient', 'profile', 'kyc', 'billing details',
  'shipping', 'recipient', 'sender',
];

/** Tokens that may follow a person word in the name of a schema or property about that person (`CustomerDetails`). */
export const PERSON_HEAD_TRAILING: readonly string[] = [
  'details', 'detail', 'data', 'info', 'information', 'profile', 'record', 'request', 'response', 'object', 'summary',
  'identity', 'identification', 'input', 'create', 'update', 'new', 'dto', 'model', 'entity', 'view', 'resource',
  'public', 'private', 'full', 'basic', 'contact', 'individual', 'v',
];

/**
 * Surrounding names that make data about a business, not a natural person (`merchantEmail`, `Company.address`,
 * `support_phone`): the catalogue's exclusion tokens for legal-person data.
 */
export const BUSINESS_WORDS: readonly string[] = [
  'merchant', 'merchants', 'company', 'companies', 'business', 'businesses', 'organisation', 'organisations',
  'organization', 'organizations', 'org', 'orgs', 'corporate', 'corporation', 'enterprise', 'firm', 'institution',
  'institutions', 'provider', 'vendor', 'supplier', 'brand', 'store', 'shop', 'branch', 'platform', 'issuer',
  'acquirer', 'aspsp', 'tpp', 'support', 'agent', 'bank', 'banks', 'sponsor', 'processor', 'facilitator', 'acceptor',
  'terminal', 'atm', 'office', 'venue', 'site', 'website', 'app', 'application', 'partner', 'sales', 'headquarters',
  'registered', 'dba', 'server', 'employer', 'location', 'locations', 'servicer', 'lender', 'invoicer', 'school',
  'trust', 'partnership', 'association', 'charity',
];

// ---------------------------------------------------------------------------------------------------------------
// Schema evidence
// ---------------------------------------------------------------------------------------------------------------

const ID_FORMATS: ReadonlySet<string> = new Set(['uuid', 'uri', 'url', 'uri-reference', 'iri', 'hostname', 'binary', 'byte', 'password']);

/** Status, metadata and flag words: a name with one of them is about the data, not the data (`emailVerified`). */
const META_WORDS: readonly string[] = [
  'id', 'ids', 'type', 'types', 'kind', 'format', 'pattern', 'regex', 'status', 'state', 'verified', 'verification',
  'verify', 'validated', 'validation', 'valid', 'check', 'checks', 'match', 'matched', 'matches', 'result', 'results',
  'score', 'required', 'requirement', 'provided', 'present', 'presence', 'available', 'enabled', 'disabled',
  'supported', 'allowed', 'is', 'has', 'flag', 'indicator', 'count', 'length', 'max', 'min', 'label', 'placeholder',
  'field', 'fields', 'hint', 'template', 'url', 'uri', 'link', 'changed', 'change', 'updated', 'update', 'updates',
  'setting', 'settings', 'preference', 'preferences', 'consent', 'opt', 'optin', 'error', 'errors', 'message',
  'source', 'sources', 'method', 'methods', 'mode', 'policy', 'rule', 'rules', 'config', 'configuration',
  'sensitivity', 'language', 'locale', 'tab', 'tabs',
];

function refuteBoolean(schema: JsonObject): string | undefined {
  const types = schemaTypes(schema);
  if (types.length > 0 && types.every((t) => t === 'boolean' || t === 'null')) return 'it is a boolean';
  return undefined;
}

function refuteNumber(schema: JsonObject): string | undefined {
  const types = schemaTypes(schema);
  if (types.length > 0 && types.every((t) => t === 'integer' || t === 'number' || t === 'null')) return 'it is a number';
  return undefined;
}

/** An enumeration of words (`[home, work]`, `[ACME, Globex]`) is a category, not someone's value. */
function refuteWordEnum(schema: JsonObject): string | undefined {
  const values = asArray(schema.enum).filter((v) => v !== null);
  if (values.length > 0) return 'it is an enumeration';
  if (schema.const !== undefined) return 'it is a constant';
  return undefined;
}

function refuteFormat(schema: JsonObject, { dates }: { dates: boolean }): string | undefined {
  const format = typeof schema.format === 'string' ? schema.format : undefined;
  if (format && (ID_FORMATS.has(format) || (!dates && (format === 'date' || format === 'date-time')))) return `its format is ${format}`;
  return undefined;
}

const CHAIN_ADDRESS = /^(0x[0-9a-fA-F]{40}|[1-9A-HJ-NP-Za-km-z]{32,44}|(bc1|tb1)[0-9a-z]{20,80})$/;

/** Blockchain addresses (`0x` + 40 hex digits, base58, bech32) are not postal addresses. */
function refuteChainAddress(schema: JsonObject): string | undefined {
  const samples = [schema.example, ...asArray(schema.examples), schema.default].filter((v): v is string => typeof v === 'string');
  const sample = samples.find((v) => CHAIN_ADDRESS.test(v));
  if (sample !== undefined) return `its example "${sample.length > 16 ? `${sample.slice(0, 12)}...` : sample}" is a blockchain address`;
  const re = compilePattern(schema.pattern);
  if (re !== undefined && (re.test('0x52908400098527886E0F7030069857D2E4169EE7') || re.test('9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin')) && !re.test('1 Main Street')) {
    return 'its pattern fits a blockchain address';
  }
  const description = typeof schema.description === 'string' ? schema.description : '';
  if (/\b(blockchain|on-?chain|wallet|EVM|Solana|Ethereum|Bitcoin|smart contract|hex-encoded|0x)\b/i.test(description)) {
    return 'its description is about a blockchain address';
  }
  return undefined;
}

interface RefuteOptions {
  dates?: boolean;
  containers?: boolean;
  numbers?: boolean;
  enums?: boolean;
}

function refuteValue(schema: JsonObject, { dates = false, containers = false, numbers = false, enums = false }: RefuteOptions): string | undefined {
  const flag = refuteBoolean(schema);
  if (flag) return flag;
  if (!containers && isContainer(schema)) return 'it is an object';
  if (!numbers) {
    const n = refuteNumber(schema);
    if (n) return n;
  }
  if (!enums) {
    const e = refuteWordEnum(schema);
    if (e) return e;
  }
  return refuteFormat(schema, { dates });
}

const HEALTH_DESCRIPTION = /\b(health|medical|illness|disabilit(y|ies)|disabled|mental|diagnos[ie]s|condition|bereavement|pregnan(t|cy)|impairment)\b/i;

// ---------------------------------------------------------------------------------------------------------------
// Classes
// ---------------------------------------------------------------------------------------------------------------

const PARTIAL_WORDS = ['safe', 'last', 'four', '4', 'first', 'masked', 'mask', 'truncated', 'suffix', 'prefix', 'partial', 'hint', 'tail', 'ending', 'redacted', 'obfuscated'];

/** Sibling names that hold a person's name more plainly than a bare `name` does. */
const SPECIFIC_NAME_SIBLINGS: readonly string[] = [
  'owner name', 'owner names', 'holder name', 'account holder name', 'first name', 'last name', 'given name',
  'family name', 'full name', 'legal name', 'surname', 'psu name', 'customer name', 'party name',
];

export const PERSON_NAME_CLASS: DataClassDefinition = {
  id: 'personal',
  kind: 'name',
  label: "a person's name",
  entries: [
    { phrase: 'first name' },
    { phrase: 'firstname' },
    { phrase: 'last name' },
    { phrase: 'lastname' },
    { phrase: 'given name' },
    { phrase: 'givenname' },
    { phrase: 'given names' },
    { phrase: 'family name' },
    { phrase: 'familyname' },
    { phrase: 'middle name' },
    { phrase: 'middle names' },
    { phrase: 'maiden name' },
    { phrase: 'birth name' },
    { phrase: 'surname' },
    { phrase: 'surnames' },
    { phrase: 'forename' },
    { phrase: 'forenames' },
    { phrase: 'full name', context: 'person' },
    { phrase: 'fullname', context: 'person' },
    { phrase: 'cardholder name' },
    { phrase: 'card holder name' },
    { phrase: 'holder name' },
    { phrase: 'owner name' },
    { phrase: 'party name' },
    { phrase: 'owner names' },
    { phrase: 'customer name' },
    { phrase: 'person name' },
    { phrase: 'contact name' },
    { phrase: 'employee name' },
    { phrase: 'psu name' },
    { phrase: 'debtor name' },
    { phrase: 'creditor name' },
    { phrase: 'payee name' },
    { phrase: 'payer name' },
    { phrase: 'beneficiary name' },
    { phrase: 'ultimate debtor', exact: true },
    { phrase: 'ultimate creditor', exact: true },
    { phrase: 'legal name', context: 'person' },
    // A bare `name` next to `ownerName` or `firstName` names something else (the account, the record).
    { phrase: 'name', exact: true, context: 'person', yieldsTo: SPECIFIC_NAME_SIBLINGS },
    { phrase: 'names', exact: true, context: 'person', yieldsTo: SPECIFIC_NAME_SIBLINGS },
  ],
  vetoes: [...META_WORDS, 'display', 'nick', 'nickname', 'file', 'document', 'third'],
  refutes: (s) => refuteValue(s, { containers: true }),
};

export const EMAIL_CLASS: DataClassDefinition = {
  id: 'personal',
  kind: 'email',
  label: 'an email address',
  entries: [{ phrase: 'email' }, { phrase: 'emails' }, { phrase: 'e mail' }, { phrase: 'email address' }, { phrase: 'email addresses' }, { phrase: 'mail address' }],
  derived: [{ tokens: ['hash', 'hashed', 'digest', 'sha', 'md 5', 'fingerprint'], kind: 'email-hash', label: 'a hashed email address' }],
  vetoes: [...META_WORDS, 'subject', 'body', 'content', 'sent', 'send', 'domain', 'domains', 'frequency', 'campaign', 'notifications', 'notification settings', 'delivery', 'deliverable', 'bounce', 'bounced', 'provider', 'disposable', 'free', 'edu', 'reply', 'noreply', 'sender', 'from'],
  refutes: (s) => refuteValue(s, {}),
};

export const PHONE_CLASS: DataClassDefinition = {
  id: 'personal',
  kind: 'phone',
  label: 'a phone number',
  entries: [
    { phrase: 'phone' },
    { phrase: 'phones' },
    { phrase: 'phone number' },
    { phrase: 'phonenumber' },
    { phrase: 'phone numbers' },
    { phrase: 'telephone' },
    { phrase: 'telephone number' },
    { phrase: 'mobile', exact: true },
    { phrase: 'mobile number' },
    { phrase: 'mobile phone' },
    { phrase: 'mobile phone number' },
    { phrase: 'cell phone' },
    { phrase: 'cellphone' },
    { phrase: 'msisdn' },
  ],
  vetoes: [...META_WORDS, 'country', 'code', 'area', 'prefix', 'extension', 'carrier', 'line type', 'app', 'sdk', 'os', 'platform', 'browser', 'redirect'],
  refutes: (s) => refuteValue(s, { containers: true, numbers: true }),
};

/**
 * Surrounding names that make an IP or MAC address or a device id belong to infrastructure or merchant hardware (a pod,
 * a load balancer, a POS terminal's Wi-Fi settings), not to a person's device.
 */
const INFRASTRUCTURE_CONTEXT: readonly string[] = [
  'pod', 'host', 'node', 'cluster', 'endpoint', 'ingress', 'egress', 'load balancer', 'server', 'gateway', 'router',
  'terminal', 'terminals', 'pos', 'ethernet', 'wifi', 'wi fi', 'bluetooth', 'connectivity', 'printer', 'hardware',
  'kiosk', 'reader', 'atm', 'vpc', 'subnet', 'firewall', 'webhook', 'webhooks', 'hook', 'hooks', 'meta',
];

/** Adds context vetoes to every entry. */
function withContextVetoes(vetoes: readonly string[], entries: DataClassDefinition['entries']): DataClassDefinition['entries'] {
  return entries.map((e) => ({ ...e, contextVetoes: [...(e.contextVetoes ?? []), ...vetoes] }));
}

export const ADDRESS_CLASS: DataClassDefinition = {
  id: 'personal',
  kind: 'address',
  label: 'a postal address',
  // An address on a transaction is where it took place (a shop, an ATM), not where a person lives.
  entries: withContextVetoes([...INFRASTRUCTURE_CONTEXT, 'transaction', 'transactions'], [
    { phrase: 'address' },
    { phrase: 'addresses' },
    { phrase: 'postal address' },
    { phrase: 'home address' },
    { phrase: 'street' },
    { phrase: 'street address' },
    { phrase: 'street name' },
    { phrase: 'street line' },
    { phrase: 'address line' },
    { phrase: 'house number' },
    { phrase: 'building number', context: 'postal-address' },
    { phrase: 'line 1', exact: true, context: 'postal-address' },
    { phrase: 'line 2', exact: true, context: 'postal-address' },
    { phrase: 'postcode' },
    { phrase: 'post code' },
    { phrase: 'postal code' },
    { phrase: 'postalcode' },
    { phrase: 'zip', exact: true },
    { phrase: 'zip code' },
    { phrase: 'zipcode' },
  ]),
  vetoes: [
    ...META_WORDS,
    'ip',
    'ips',
    'mac',
    'email',
    'e mail',
    'mail',
    'web',
    'wallet',
    'wallets',
    'contract',
    'token',
    'deposit',
    'destination',
    'blockchain',
    'chain',
    'onchain',
    'crypto',
    'evm',
    'solana',
    'sol',
    'bitcoin',
    'btc',
    'eth',
    'ethereum',
    'smart',
    'public key',
    'host',
    'hostname',
    'network',
    'node',
    'remote',
    'callback',
    'webhook',
    'redirect',
    'ethernet',
    'memory',
    'bucket',
    'from',
    'to',
    'target',
    'owner',
    'country',
    'city',
    'state',
    'region',
    'usage',
    'book',
    'lookup',
    'autocomplete',
    'multisig',
    'stake',
    'staking',
    'validator',
    'pool',
    'delegator',
    'asset',
    'signer',
    'account',
    'spender',
    'recipient',
    'sender',
    'paymaster',
    'entry point',
    'factory',
    'ipv 4',
    'ipv 6',
    'v 4',
    'v 6',
    'correspondence',
    'bic',
    'swift',
  ],
  refutes: (s) => refuteValue(s, { containers: true }) ?? refuteChainAddress(s) ?? refuteNonPostalObject(s),
};

/** Words of the parts of a postal address. */
const POSTAL_PARTS = ['line', 'lines', 'street', 'postal', 'post', 'postcode', 'zip', 'zipcode', 'city', 'town', 'locality', 'region', 'state', 'province', 'country', 'building', 'house', 'district', 'county', 'suburb'];

/** An object named as an address holds postal parts (`line1`, `city`, `postalCode`); otherwise it is some other address. */
function refuteNonPostalObject(schema: JsonObject): string | undefined {
  if (!isContainer(schema)) return undefined;
  const merged = mergeAllOf(schema);
  const holder = isObject(merged.items) ? mergeAllOf(merged.items) : merged;
  const names = isObject(holder.properties) ? Object.keys(holder.properties) : [];
  if (names.length === 0) return undefined;
  if (names.some((n) => POSTAL_PARTS.some((p) => tokenizeName(n).includes(p)))) return undefined;
  return 'it is an object without postal fields';
}

export const BIRTH_CLASS: DataClassDefinition = {
  id: 'personal',
  kind: 'birth',
  label: 'a date or place of birth',
  entries: [
    { phrase: 'date of birth' },
    { phrase: 'dates of birth' },
    { phrase: 'dob' },
    { phrase: 'birth date' },
    { phrase: 'birthdate' },
    { phrase: 'birthday' },
    { phrase: 'year of birth' },
    { phrase: 'birth year' },
    { phrase: 'place of birth' },
    { phrase: 'birth place' },
    { phrase: 'birthplace' },
    { phrase: 'city of birth' },
    { phrase: 'country of birth' },
  ],
  vetoes: [...META_WORDS, 'includes'],
  refutes: (s) => refuteValue(s, { dates: true, containers: true, numbers: true }),
};


export const IP_CLASS: DataClassDefinition = {
  id: 'personal',
  kind: 'ip',
  label: 'an IP address',
  entries: ['ip address', 'ip addresses', 'ipaddress', 'ip addr', 'ip', 'ips'].map((phrase) => ({ phrase, contextVetoes: INFRASTRUCTURE_CONTEXT })),
  vetoes: [
    ...META_WORDS,
    'server',
    'servers',
    'host',
    'hosts',
    'node',
    'nodes',
    'pod',
    'pods',
    'cluster',
    'service',
    'load balancer',
    'balancer',
    'external',
    'internal',
    'gateway',
    'egress',
    'ingress',
    'nat',
    'vpc',
    'subnet',
    'cidr',
    'range',
    'ranges',
    'block',
    'blocks',
    'allow',
    'allowlist',
    'allow list',
    'whitelist',
    'white list',
    'whitelisted',
    'blocklist',
    'deny',
    'restriction',
    'restrictions',
    'webhook',
    'webhooks',
    'hook',
    'hooks',
    'proxy',
    'dns',
    'family',
    'version',
    'pool',
    'static',
    'public',
    'private',
    'mask',
    'prefix',
    'trusted',
    'endpoint',
    'filter',
    'port',
    'timezone',
    'offset',
    'spam',
    'reputation',
    'distinct',
    'geolocation',
    'location',
    'country',
    'families',
  ],
  refutes: (s) => refuteValue(s, {}),
};

export const DEVICE_CLASS: DataClassDefinition = {
  id: 'personal',
  kind: 'device',
  label: 'a device or online identifier',
  entries: [
    // Mobile-phone and advertising identifiers identify a person's handset.
    { phrase: 'imei' },
    { phrase: 'idfa' },
    { phrase: 'idfv' },
    { phrase: 'gaid' },
    { phrase: 'advertising id' },
    { phrase: 'android id' },
    { phrase: 'udid' },
    // A device id or MAC address is a person's only around a person (`PSU-Device-ID`, `customer.deviceId`); in payment
    // APIs it is often a merchant's terminal.
    ...['device id', 'deviceid', 'device identifier', 'device fingerprint', 'mac address'].map((phrase) => ({ phrase, context: 'person', contextVetoes: INFRASTRUCTURE_CONTEXT })),
  ],
  vetoes: [...META_WORDS.filter((w) => w !== 'id' && w !== 'ids'), 'model', 'os', 'name'],
  // A device id is often a UUID: only flags, objects and enumerations say it is something else.
  refutes: (s) => refuteBoolean(s) ?? (isContainer(s) ? 'it is an object' : undefined) ?? refuteWordEnum(s),
};

export const GEO_CLASS: DataClassDefinition = {
  id: 'personal',
  kind: 'geolocation',
  label: 'a geolocation',
  entries: [
    { phrase: 'geolocation' },
    { phrase: 'geo location' },
    { phrase: 'geo coordinates' },
    { phrase: 'gps' },
    { phrase: 'latitude', context: 'person' },
    { phrase: 'longitude', context: 'person' },
    { phrase: 'lat', exact: true, context: 'person' },
    { phrase: 'lng', exact: true, context: 'person' },
    { phrase: 'lon', exact: true, context: 'person' },
  ],
  vetoes: [...META_WORDS, 'accuracy', 'radius', 'precision'],
  refutes: (s) => refuteValue(s, { containers: true, numbers: true }),
};

export const BANK_ACCOUNT_CLASS: DataClassDefinition = {
  id: 'personal',
  kind: 'bank-account',
  label: 'a bank account number',
  entries: [
    { phrase: 'iban' },
    { phrase: 'ibans' },
    { phrase: 'bban' },
    { phrase: 'bank account number' },
    { phrase: 'account number', contextVetoes: ['card', 'cards', 'cc', 'loan', 'policy', 'merchant', 'virtual'] },
    { phrase: 'account numbers', contextVetoes: ['card', 'cards', 'cc'] },
    { phrase: 'acct number', contextVetoes: ['card', 'cards', 'cc'] },
    { phrase: 'account no', contextVetoes: ['card', 'cards', 'cc'] },
  ],
  vetoes: [...META_WORDS, ...PARTIAL_WORDS, 'routing', 'sort', 'country', 'scheme', 'tokenized', 'token', 'processor', 'card', 'loan', 'bic', 'swift'],
  refutes: (s) => refuteValue(s, {}),
};

export const DEMOGRAPHIC_CLASS: DataClassDefinition = {
  id: 'personal',
  kind: 'demographic',
  label: 'demographic data about a person',
  entries: [
    { phrase: 'gender' },
    { phrase: 'sex', exact: true },
    { phrase: 'nationality' },
    { phrase: 'nationalities' },
    { phrase: 'citizenship' },
    { phrase: 'marital status' },
    { phrase: 'eye color' },
    { phrase: 'eye colour' },
  ],
  vetoes: META_WORDS.filter((w) => w !== 'status'),
  refutes: (s) => refuteValue(s, { enums: true }),
};

export const NATIONAL_ID_CLASS: DataClassDefinition = {
  id: 'national-id',
  kind: 'national-id',
  label: 'a national identification number',
  entries: [
    { phrase: 'ssn' },
    { phrase: 'social security number' },
    { phrase: 'social security no' },
    { phrase: 'social insurance number' },
    { phrase: 'national id' },
    { phrase: 'national identity number' },
    { phrase: 'national identification number' },
    { phrase: 'national identifier' },
    { phrase: 'national insurance number' },
    { phrase: 'national insurance no' },
    { phrase: 'nino' },
    { phrase: 'tax id' },
    { phrase: 'taxid' },
    { phrase: 'tax identification number' },
    { phrase: 'tax identifier' },
    { phrase: 'taxpayer id' },
    { phrase: 'taxpayer identifier' },
    { phrase: 'taxpayer identification number' },
    { phrase: 'tin', exact: true, context: 'person' },
    { phrase: 'itin' },
    { phrase: 'passport' },
    { phrase: 'passport number' },
    { phrase: 'passport no' },
    { phrase: 'driving licence' },
    { phrase: 'driving license' },
    { phrase: 'driver license' },
    { phrase: 'driver licence' },
    { phrase: 'drivers license' },
    { phrase: 'drivers licence' },
    { phrase: 'identity card' },
    { phrase: 'identity card number' },
    { phrase: 'id card' },
    { phrase: 'id card number' },
    { phrase: 'identity document number' },
    { phrase: 'id document number' },
    { phrase: 'personal identity number' },
    { phrase: 'personnummer' },
    { phrase: 'cpf' },
    { phrase: 'curp' },
    { phrase: 'nric' },
    { phrase: 'aadhaar' },
    { phrase: 'aadhar' },
    { phrase: 'pesel' },
    { phrase: 'bsn', exact: true },
    { phrase: 'codice fiscale' },
    { phrase: 'fiscal code' },
    { phrase: 'id number', context: 'person' },
    { phrase: 'id numbers', context: 'person' },
  ],
  vetoes: [
    ...META_WORDS.filter((w) => w !== 'id' && w !== 'ids'),
    'country',
    'countries',
    'issuer',
    'issuing',
    'issued',
    'issue',
    'expiry',
    'expiration',
    'expires',
    'exp',
    'validity',
    'photo',
    'image',
    'images',
    'scan',
    'file',
    'front',
    'back',
    'upload',
    'document',
    'region',
    'state',
    'employer',
    'vat',
    'exempt',
    'exemption',
  ],
  derived: [{ tokens: PARTIAL_WORDS, kind: 'partial', label: 'part of a national identification number' }],
  refutes: (s) => refuteValue(s, { containers: true, numbers: true }),
};

/** Words that put `vulnerability` in a customer context (UK FCA "vulnerable customers" markers often encode health). */
const VULNERABLE_CONTEXT = ['customer', 'customers', 'consumer', 'client', 'person', 'individual', 'psu', 'patient', 'borrower', 'applicant', 'member'];

function specialClass(
  kind: string,
  label: string,
  entries: DataClassDefinition['entries'],
  vetoes: readonly string[],
  description: RegExp = HEALTH_DESCRIPTION,
): DataClassDefinition {
  return {
    id: 'special-category',
    kind,
    label,
    entries,
    vetoes,
    refutes: (s) => refuteFormat(s, { dates: true }),
    confirms: (s) => {
      const d = typeof s.description === 'string' ? description.exec(s.description) : null;
      return d ? `its description mentions "${d[0]}"` : undefined;
    },
  };
}

const BIOMETRIC_DESCRIPTION = /\b(biometrics?|finger ?prints? (scan|image|template|minutiae)|iris|facial|face (template|scan|geometry))\b/i;

const SPECIAL_META = [
  'enabled', 'supported', 'available', 'required', 'allowed', 'capable', 'capability', 'capabilities', 'is', 'has',
  'id', 'ids', 'type', 'types', 'url', 'uri', 'link', 'setting', 'settings', 'prompt', 'policy', 'consent', 'label',
  'field', 'template',
];

export const HEALTH_CLASS: DataClassDefinition = specialClass(
  'health',
  'health data',
  [
    { phrase: 'health' },
    { phrase: 'health condition' },
    { phrase: 'health data' },
    { phrase: 'medical' },
    { phrase: 'medical condition' },
    { phrase: 'medical history' },
    { phrase: 'diagnosis' },
    { phrase: 'diagnoses' },
    { phrase: 'disability' },
    { phrase: 'disabilities' },
    { phrase: 'illness' },
    { phrase: 'mental health' },
    { phrase: 'pregnancy' },
    { phrase: 'pregnant' },
    { phrase: 'blood type' },
    { phrase: 'blood group' },
    { phrase: 'allergy' },
    { phrase: 'allergies' },
    { phrase: 'medication' },
    { phrase: 'medications' },
    { phrase: 'vulnerability', context: 'vulnerable', evidenceInsteadOfContext: true },
    { phrase: 'vulnerabilities', context: 'vulnerable', evidenceInsteadOfContext: true },
    { phrase: 'vulnerable', context: 'vulnerable', evidenceInsteadOfContext: true },
  ],
  [
    ...SPECIAL_META,
    'check',
    'checks',
    'checker',
    'status',
    'state',
    'endpoint',
    'probe',
    'monitor',
    'monitoring',
    'score',
    'service',
    'services',
    'system',
    'api',
    'server',
    'cluster',
    'node',
    'component',
    'path',
    'ping',
    'metric',
    'metrics',
    'heartbeat',
    'pool',
    'connection',
    'database',
    'db',
    'job',
    'pipeline',
    'integration',
    'webhook',
    'app',
    'application',
    'account',
    'portfolio',
    'financial',
    'indicator',
    'percentage',
    'percent',
    'incidents',
    'incident',
    'instance',
    'container',
    'deployment',
    'ok',
    'degraded',
    'network',
    'replica',
    'report',
    'repository',
    'repo',
    'community',
    'payments',
    'payment',
    'reimbursement',
    'insurance',
    'savings',
    'spend',
    'spending',
    'expenses',
    'category',
    'security',
    'alert',
    'alerts',
    'advisory',
    'dependency',
    'package',
    'scan',
    'scanning',
    'code',
    'severity',
    'cve',
  ],
);

export const BIOMETRIC_CLASS: DataClassDefinition = specialClass(
  'biometric',
  'biometric data',
  [
    { phrase: 'biometric' },
    { phrase: 'biometrics' },
    { phrase: 'biometric data' },
    { phrase: 'face template' },
    { phrase: 'face scan' },
    { phrase: 'face geometry' },
    { phrase: 'facial' },
    { phrase: 'facial image' },
    // A bare fingerprint is usually a hash (of a card, key, certificate, token): biometric only around a person or
    // when its description says so.
    { phrase: 'fingerprint', context: 'person', evidenceInsteadOfContext: true, contextVetoes: NON_BIOMETRIC_FINGERPRINT() },
    { phrase: 'fingerprints', context: 'person', evidenceInsteadOfContext: true, contextVetoes: NON_BIOMETRIC_FINGERPRINT() },
    { phrase: 'iris' },
    { phrase: 'iris scan' },
    { phrase: 'retina' },
    { phrase: 'voice print' },
    { phrase: 'voiceprint' },
    { phrase: 'palm print' },
  ],
  [...SPECIAL_META, 'auth', 'authentication', 'login', 'method', 'methods', 'status', 'check', 'result', 'verification', 'unlock', ...NON_BIOMETRIC_FINGERPRINT()],
  BIOMETRIC_DESCRIPTION,
);

/** What a `fingerprint` is when it is not a person's: a hash of a card, device, key, certificate or file. */
function NON_BIOMETRIC_FINGERPRINT(): string[] {
  return [
    'card', 'cards', 'device', 'devices', 'key', 'keys', 'certificate', 'cert', 'certs', 'browser', 'public key',
    'ssh', 'gpg', 'pgp', 'ssl', 'tls', 'file', 'document', 'content', 'hash', 'sha', 'sha 1', 'sha 256', 'md 5',
    'token', 'account', 'bank', 'payment', 'method', 'source', 'app', 'client', 'jwk', 'x 509', 'commit', 'tree',
    'blob', 'build', 'schema', 'config', 'iban', 'wallet', 'instrument', 'sepa', 'ach', 'us', 'au', 'becs', 'bacs',
    'debit', 'paypal', 'link', 'boleto', 'konbini', 'oxxo', 'acss', 'request', 'session', 'signature', 'pem', 'fido',
    'webauthn', 'passkey', 'credential', 'authorization', 'oauth', 'installation',
  ];
}

export const ETHNICITY_CLASS: DataClassDefinition = specialClass(
  'ethnicity',
  'racial or ethnic origin',
  [
    { phrase: 'ethnicity' },
    { phrase: 'ethnic origin' },
    { phrase: 'ethnic' },
    { phrase: 'racial' },
    { phrase: 'racial origin' },
    { phrase: 'race', exact: true, context: 'person' },
  ],
  SPECIAL_META,
);

export const BELIEF_CLASS: DataClassDefinition = specialClass(
  'belief',
  'religious or philosophical beliefs or political opinions',
  [
    { phrase: 'religion' },
    { phrase: 'religious' },
    { phrase: 'religious belief' },
    { phrase: 'religious beliefs' },
    { phrase: 'philosophical beliefs' },
    { phrase: 'political opinion' },
    { phrase: 'political opinions' },
    { phrase: 'political party' },
    { phrase: 'political affiliation' },
    { phrase: 'political views' },
  ],
  SPECIAL_META,
);

export const UNION_CLASS: DataClassDefinition = specialClass(
  'trade-union',
  'trade-union membership',
  [{ phrase: 'trade union' }, { phrase: 'union membership' }, { phrase: 'union member' }, { phrase: 'labor union' }, { phrase: 'labour union' }],
  SPECIAL_META,
);

export const SEX_LIFE_CLASS: DataClassDefinition = specialClass(
  'sex-life',
  'data about sex life or sexual orientation',
  [{ phrase: 'sexual orientation' }, { phrase: 'sex life' }, { phrase: 'sexuality' }],
  SPECIAL_META,
);

export const GENETIC_CLASS: DataClassDefinition = specialClass(
  'genetic',
  'genetic data',
  [{ phrase: 'genetic' }, { phrase: 'genetic data' }, { phrase: 'genome' }, { phrase: 'dna' }],
  SPECIAL_META,
);

export const CRIMINAL_CLASS: DataClassDefinition = {
  id: 'criminal-offence',
  kind: 'criminal-offence',
  label: 'data about criminal convictions or offences (Art. 10)',
  entries: [
    { phrase: 'criminal record' },
    { phrase: 'criminal records' },
    { phrase: 'criminal history' },
    { phrase: 'criminal conviction' },
    { phrase: 'criminal convictions' },
    { phrase: 'criminal offence' },
    { phrase: 'criminal offense' },
    { phrase: 'criminal' },
    { phrase: 'conviction' },
    { phrase: 'convictions' },
    { phrase: 'offence' },
    { phrase: 'offences' },
    { phrase: 'offense' },
    { phrase: 'offenses' },
  ],
  vetoes: SPECIAL_META,
  refutes: (s) => refuteFormat(s, { dates: true }),
};

/** The personal-data classes, in the order they are tried: the most specific first. */
export const PERSONAL_DATA_CLASSES: readonly DataClassDefinition[] = [
  HEALTH_CLASS,
  BIOMETRIC_CLASS,
  ETHNICITY_CLASS,
  BELIEF_CLASS,
  UNION_CLASS,
  SEX_LIFE_CLASS,
  GENETIC_CLASS,
  CRIMINAL_CLASS,
  NATIONAL_ID_CLASS,
  DEVICE_CLASS,
  BIRTH_CLASS,
  EMAIL_CLASS,
  PHONE_CLASS,
  IP_CLASS,
  BANK_ACCOUNT_CLASS,
  PERSON_NAME_CLASS,
  ADDRESS_CLASS,
  GEO_CLASS,
  DEMOGRAPHIC_CLASS,
];


const DECLARED: Readonly<Record<string, DeclaredValue>> = {
  personal: { class: 'personal', kind: 'personal', label: 'personal data', nameRefinesKind: true },
  pii: { class: 'personal', kind: 'personal', label: 'personal data', nameRefinesKind: true },
  'personal-data': { class: 'personal', kind: 'personal', label: 'personal data', nameRefinesKind: true },
  'national-id': { class: 'national-id', kind: 'national-id', label: 'a national identification number', nameRefinesKind: true },
  'special-category': { class: 'special-category', kind: 'special-category', label: 'special-category data (Art. 9)', nameRefinesKind: true },
  'criminal-offence': { class: 'criminal-offence', kind: 'criminal-offence', label: 'data about criminal convictions or offences (Art. 10)' },
  'criminal-offense': { class: 'criminal-offence', kind: 'criminal-offence', label: 'data about criminal convictions or offences (Art. 10)' },
};

// ---------------------------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------------------------

/** Dictionary options shared by every fin-gdpr rule. */
export interface PersonalDataOptions {
  /** Extra names and vetoes for direct identifiers and contact data (class `personal`). */
  personal?: DictionaryOption;
  /** National identification numbers. */
  nationalId?: DictionaryOption;
  /** Art. 9 special categories. */
  specialCategory?: DictionaryOption;
  /** Art. 10 criminal-offence data. */
  criminal?: DictionaryOption;
  /** Extra words that make a surrounding name about a natural person (e.g. `insured`). */
  personContext?: string[];
  /** Extra words that make data about a business (e.g. `dealer`). */
  businessContext?: string[];
}

/** Options of the data-subject rights rules (erasure, export, rectification). */
export interface DataSubjectOptions extends PersonalDataOptions {
  /** Path segments that name data-subject collections; replaces the default list. */
  collections?: string[];
}

export const DEFAULT_DATA_SUBJECT_COLLECTIONS: readonly string[] = ['customers', 'users', 'persons', 'people', 'parties', 'members', 'profiles', 'individuals', 'employees', 'account-holders', 'account_holders', 'contacts'];

const dictionaryOptionSchema = {
  type: 'object',
  properties: {
    names: { type: 'array', items: { type: 'string', minLength: 1 } },
    vetoes: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
  additionalProperties: false,
} as const;

const personalDataOptionProperties = {
  personal: dictionaryOptionSchema,
  nationalId: dictionaryOptionSchema,
  specialCategory: dictionaryOptionSchema,
  criminal: dictionaryOptionSchema,
  personContext: { type: 'array', items: { type: 'string', minLength: 1 } },
  businessContext: { type: 'array', items: { type: 'string', minLength: 1 } },
} as const;

const PERSONAL_DATA_OPTIONS_HELP =
  'personal?, nationalId?, specialCategory?, criminal?: { names?: string[], vetoes?: string[] }, personContext?: string[], businessContext?: string[]';

/** The option schema every personal-data rule shares, with an error message that names the rule and shows an example. */
export function personalDataOptionsSchema(ruleId: string, example: string): JSONSchema7 & { errorMessage: string } {
  return {
    type: ['object', 'null'],
    properties: { ...personalDataOptionProperties } as JSONSchema7['properties'],
    additionalProperties: false,
    errorMessage: `"${ruleId}" options: { ${PERSONAL_DATA_OPTIONS_HELP} }, e.g. ${example}.`,
  };
}

/** The option schema of the data-subject rights rules: the dictionaries plus `collections`. */
export function dataSubjectOptionsSchema(ruleId: string, example: string): JSONSchema7 & { errorMessage: string } {
  return {
    type: ['object', 'null'],
    properties: { ...personalDataOptionProperties, collections: { type: 'array', items: { type: 'string', minLength: 1 } } } as JSONSchema7['properties'],
    additionalProperties: false,
    errorMessage: `"${ruleId}" options: { collections?: string[], ${PERSONAL_DATA_OPTIONS_HELP} }, e.g. ${example}.`,
  };
}

function optionsKey(options: PersonalDataOptions | null | undefined): string {
  if (!options) return '{}';
  const { personal, nationalId, specialCategory, criminal, personContext, businessContext } = options;
  return JSON.stringify({ personal, nationalId, specialCategory, criminal, personContext, businessContext });
}

export interface PersonalClassifierConfig extends ClassifierConfig {
  businessWords: readonly string[];
  /** A surrounding name about a business: a business word as its head (`Merchant`, `CompanyDetails`, `support_address`). */
  business: ContextDefinition;
}

const configs = new Map<string, PersonalClassifierConfig>();

/**
 * Adds the organisation's extra names and vetoes; for identifiers and contact data, business words in the name itself
 * veto it (`merchantEmail`, `companyTaxId`). Business words around the name are judged in `classifyPersonal`.
 */
function withOptions(cls: DataClassDefinition, extra: DictionaryOption | undefined, businessWords: readonly string[]): DataClassDefinition {
  const extended = extendDefinition(cls, extra);
  if (!BUSINESS_VETOED.has(cls.id)) return extended;
  return { ...extended, vetoes: [...extended.vetoes, ...businessWords] };
}

/** Classes of data that a business has too (an address, a tax id): business words veto them. */
const BUSINESS_VETOED: ReadonlySet<string> = new Set(['personal', 'national-id']);

/** Tokens that may follow a business word in the name of a schema or property about a business (`MerchantDetails`). */
export const BUSINESS_HEAD_TRAILING: readonly string[] = [
  'email', 'emails', 'phone', 'phones', 'number', 'numbers', 'name', 'names', 'search', 'terms', 'full', 'simple',
  'minimal', 'extended', 'base', 'details', 'detail', 'data', 'info', 'information', 'address', 'addresses',
  'contact', 'contacts', 'location', 'locations', 'profile', 'settings', 'object', 'request', 'response', 'dto',
  'model', 'entity', 'v', 'legal', 'identity', 'identification', 'public', 'private', 'summary', 'record', 'input',
  'create', 'update',
];

/** The classifier for personal data with an organisation's dictionary options applied. */
export function personalClassifier(options?: PersonalDataOptions | null): PersonalClassifierConfig {
  const key = optionsKey(options);
  let config = configs.get(key);
  if (config) return config;
  const businessWords = [...BUSINESS_WORDS, ...(options?.businessContext ?? []).map(normalisePhrase)];
  const extras: Record<string, { option?: DictionaryOption; kind: string; label: string }> = {
    personal: { option: options?.personal, kind: 'personal', label: 'personal data' },
    'national-id': { option: options?.nationalId, kind: 'national-id', label: 'a national identification number' },
    'special-category': { option: options?.specialCategory, kind: 'special-category', label: 'special-category data (Art. 9)' },
    'criminal-offence': { option: options?.criminal, kind: 'criminal-offence', label: 'data about criminal convictions or offences (Art. 10)' },
  };
  // Longer phrases first, so that reasons quote the most specific match (`phone number`, not `phone`).
  const byLength = (cls: DataClassDefinition): DataClassDefinition => ({
    ...cls,
    entries: [...cls.entries].sort((a, b) => b.phrase.split(' ').length - a.phrase.split(' ').length),
  });
  // Configured vetoes apply to every class of their kind of data; configured names form a class of their own, tried
  // after the built-in ones of that kind, with a generic label.
  const classes: DataClassDefinition[] = [];
  for (const cls of PERSONAL_DATA_CLASSES) {
    const vetoes = (extras[cls.id]?.option?.vetoes ?? []).map(normalisePhrase);
    classes.push(byLength(withOptions({ ...cls, vetoes: [...cls.vetoes, ...vetoes] }, undefined, businessWords)));
  }
  for (const [id, extra] of Object.entries(extras)) {
    if (!extra.option?.names?.length) continue;
    const configured: DataClassDefinition = {
      id,
      kind: extra.kind,
      label: extra.label,
      entries: extra.option.names.map((n) => ({ phrase: normalisePhrase(n) })),
      vetoes: (extra.option.vetoes ?? []).map(normalisePhrase),
    };
    const lastOfKind = classes.map((c) => c.id).lastIndexOf(id);
    classes.splice(lastOfKind + 1, 0, withOptions(configured, undefined, businessWords));
  }
  const person: ContextDefinition = { words: [...PERSON_CONTEXT, ...(options?.personContext ?? []).map(normalisePhrase)], trailing: PERSON_HEAD_TRAILING };
  config = {
    classes,
    contexts: {
      person,
      'postal-address': { words: ['address', 'addresses', 'postal', 'street', 'residence', 'residential'], trailing: ['details', 'data', 'info', 'object', 'v', 'line', 'lines', 'input', 'request', 'response'] },
      vulnerable: { words: VULNERABLE_CONTEXT },
    },
    declared: DECLARED,
    businessWords,
    business: { words: businessWords, trailing: BUSINESS_HEAD_TRAILING },
  };
  configs.set(key, config);
  return config;
}

// ---------------------------------------------------------------------------------------------------------------
// Declarations
// ---------------------------------------------------------------------------------------------------------------

/** Whether an object declares a classification of any kind: `x-data-classification`, `x-pii`, `x-sensitive`. */
export function declaresClassification(obj: unknown): boolean {
  if (!isObject(obj)) return false;
  const dc = obj['x-data-classification'];
  if (typeof dc === 'string' && dc.trim().length > 0) return true;
  if (Array.isArray(dc) && dc.some((v) => typeof v === 'string' && v.trim().length > 0)) return true;
  if (typeof obj['x-pii'] === 'boolean') return true;
  const sensitive = obj['x-sensitive'];
  return (typeof sensitive === 'string' && sensitive.trim().length > 0) || typeof sensitive === 'boolean';
}

/** The classification values an object declares, normalised (`x-pii: true` reads as `personal`). */
export function declaredValues(objects: readonly unknown[]): string[] {
  const { values } = declaredClassifications(objects.filter(isObject));
  if (values.length === 0 && objects.some((o) => isObject(o) && o['x-pii'] === true)) return ['personal'];
  return values;
}

/** Values that declare personal data of one of the GDPR classes (or card data, which is personal data too). */
export function isPersonalDeclaration(value: string): boolean {
  return DECLARED[value] !== undefined || value.startsWith('pci-');
}

// ---------------------------------------------------------------------------------------------------------------
// Classifying subjects
// ---------------------------------------------------------------------------------------------------------------

export type PersonalClassification = Classification;

const STRONG_SIBLING_KINDS: ReadonlySet<string> = new Set(['email', 'phone', 'birth', 'national-id', 'address']);

/**
 * Classifies a subject as personal data: the classifier first (declarations, names, context), then `x-pii`, then
 * schema evidence (`format: email`, `ipv4`, `ipv6`) for names that say nothing.
 */
export function classifyPersonal(subject: ClassifySubject, config: PersonalClassifierConfig): PersonalClassification | undefined {
  const pii = subject.annotated.find((o) => typeof o['x-pii'] === 'boolean')?.['x-pii'] as boolean | undefined;
  const { values } = declaredClassifications(subject.annotated);
  if (values.length === 0 && pii === false) return undefined;
  const annotated = values.length === 0 && pii === true ? [...subject.annotated, { 'x-data-classification': 'personal' }] : subject.annotated;
  const cls = classify({ ...subject, annotated }, config);
  if (cls) {
    if (values.length === 0 && pii === true && cls.by === 'declaration') {
      return { ...cls, reason: cls.reason.replace('it is declared x-data-classification: personal', 'it is declared x-pii: true'), declared: 'personal' };
    }
    if (cls.by !== 'declaration' && BUSINESS_VETOED.has(cls.class) && businessContext(subject, config)) return undefined;
    // `gender: {$ref: AAMVAMatchResult}` is the result of comparing a gender, not a gender.
    if (cls.by === 'name' && (subject.aliases ?? []).some((a) => RESULT_WORDS.includes(tokenizeName(a.name).at(-1) ?? ''))) return undefined;
    return cls;
  }
  if (values.some((v) => config.declared[v] !== undefined || CLASSIFICATION_VOCABULARY.has(v)) || pii === true) return undefined;
  return byFormat(subject, config);
}

/** Head words of a value's own schema name that make it a result about the data (`AAMVAMatchResult`), not the data. */
const RESULT_WORDS = ['match', 'result', 'results', 'status', 'check', 'score', 'outcome', 'indicator', 'flag'];

/** A surrounding name about a business (not the synthetic "next to" context, which only says a person may be near). */
function businessContext(subject: ClassifySubject, config: PersonalClassifierConfig): ContextName | undefined {
  return subject.context.find((c) => !c.label.startsWith('next to ') && establishesContext(c.name, config.business));
}

const INFRA_WORDS = ['server', 'host', 'node', 'pod', 'cluster', 'service', 'gateway', 'proxy', 'webhook', 'hook', 'allow', 'allowed', 'whitelist', 'allowlist', 'range', 'cidr', 'subnet', 'egress', 'ingress'];

function byFormat(subject: ClassifySubject, config: PersonalClassifierConfig): PersonalClassification | undefined {
  const format = typeof subject.schema.format === 'string' ? subject.schema.format : undefined;
  if (format === undefined) return undefined;
  const isEmail = format === 'email' || format === 'idn-email';
  const isIp = format === 'ipv4' || format === 'ipv6';
  if (!isEmail && !isIp) return undefined;
  const vetoes = isEmail ? [...config.businessWords, 'sender', 'from', 'reply', 'noreply', 'template'] : [...INFRA_WORDS, ...config.businessWords];
  if (subject.name !== undefined) {
    const tokens = tokenizeName(subject.name);
    if (vetoes.some((v) => containsPhrase(tokens, v)) || META_WORDS.some((w) => containsPhrase(tokens, w))) return undefined;
  }
  if (businessContext(subject, config)) return undefined;
  if (isIp && subject.context.some((c) => INFRA_WORDS.some((w) => containsPhrase(tokenizeName(c.name), w)))) return undefined;
  return {
    class: 'personal',
    kind: isEmail ? 'email' : 'ip',
    label: isEmail ? 'an email address' : 'an IP address',
    by: 'evidence',
    reason: `its format is ${format}`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The per-document index
// ---------------------------------------------------------------------------------------------------------------

export interface PersonalVisit {
  visit: SchemaVisit;
  cls: PersonalClassification;
}

export type PersonalParameterHit = ParameterValueHit<PersonalClassification>;

export interface PersonalDataIndex {
  config: PersonalClassifierConfig;
  /** Classification of a named visit, cached. */
  visit(visit: SchemaVisit): PersonalClassification | undefined;
  /** Every named visit classified as personal data, except the properties of objects classified as a whole. */
  visits: readonly PersonalVisit[];
  /** Schemas classified as personal data as a whole (`address: {line1, postalCode}`): their properties are part of it. */
  containers: ReadonlySet<object>;
  /** Every Parameter Object value (and property of an object-valued parameter) classified as personal data, any `in`. */
  parameters: readonly PersonalParameterHit[];
  /** The first personal value in the subtree of a visit (itself included), searched once per (schema, context). */
  personalIn(visit: SchemaVisit): PersonalVisit | undefined;
  /** Whether the document carries personal data anywhere (schemas or parameters). */
  hasPersonalData: boolean;
}

/** The personal-data index of a document for an option set, computed once and shared by the fin-gdpr rules. */
export function personalDataIndex(root: JsonObject, options?: PersonalDataOptions | null): PersonalDataIndex {
  return memoPerDocument(root, `personalDataIndex:${optionsKey(options)}`, () => {
    const config = personalClassifier(options);
    const index = schemaIndex(root);
    const cache = new Map<SchemaVisit, PersonalClassification | null>();
    const strongSiblings = new Map<object, string[]>();

    const siblingsOf = (parent: JsonObject | undefined): string[] => {
      if (!parent) return [];
      const merged = mergeAllOf(parent);
      return isObject(merged.properties) ? Object.keys(merged.properties) : [];
    };

    /** Names of siblings that plainly hold contact data about a person (`email`, `phone`, `dateOfBirth`). */
    const personSiblings = (parent: JsonObject): string[] => {
      let found = strongSiblings.get(parent);
      if (found) return found;
      found = [];
      const merged = mergeAllOf(parent);
      for (const [name, value] of entries(merged.properties)) {
        if (!isObject(value)) continue;
        const vm = mergeAllOf(value);
        const cls = classifyPersonal({ name, schema: valueSchema(vm), annotated: [value, vm], context: [] }, config);
        if (cls && cls.by !== 'declaration' && STRONG_SIBLING_KINDS.has(cls.kind)) found.push(name);
      }
      strongSiblings.set(parent, found);
      return found;
    };

    const visitContext = (visit: SchemaVisit): ContextName[] => {
      const out: ContextName[] = [];
      if (visit.parentName !== undefined) out.push({ label: `property "${visit.parentName}"`, name: visit.parentName });
      if (visit.parent) {
        const holders = visit.name !== undefined ? [...declaringSchemas(visit.parent, visit.name), visit.parent] : [visit.parent];
        for (const holder of new Set(holders)) {
          const component = componentSchemaName(root, holder);
          if (component !== undefined) out.push({ label: `schema "${component}"`, name: component });
          if (typeof holder.title === 'string') out.push({ label: `schema "${holder.title}"`, name: holder.title });
        }
        const siblings = personSiblings(visit.parent).filter((s) => s !== visit.name);
        if (siblings.length > 0) out.push({ label: `next to ${siblings.slice(0, 2).map((s) => `"${s}"`).join(' and ')}`, name: 'person' });
      }
      if (visit.isParameter && visit.ctx.operation && visit.name !== undefined) {
        out.push(...pathContext([visit.ctx.operation.pathKey], visit.name, visit.ctx.location));
      }
      return out;
    };

    const classifyVisit = (visit: SchemaVisit): PersonalClassification | undefined => {
      if (visit.name === undefined) return undefined;
      const cached = cache.get(visit);
      if (cached !== undefined) return cached ?? undefined;
      const schema = valueSchema(visit.merged);
      const annotated = [visit.holder, visit.schema, visit.merged, schema].filter(isObject);
      let cls = classifyPersonal(
        { name: visit.name, schema, annotated, context: visitContext(visit), aliases: valueAliases(root, [visit.schema, schema]), siblings: siblingsOf(visit.parent) },
        config,
      );
      // An object classified by name must agree with its own schema name when it has one: `address: {$ref: Wallet}`
      // is not a postal address.
      if (cls && cls.by === 'name' && isContainer(schema)) {
        const items = isObject(schema.items) ? [schema.items] : [];
        const aliases = valueAliases(root, [visit.schema, schema, ...items]);
        if (aliases.length > 0 && !aliases.some((a) => classifyPersonal({ name: a.name, schema, annotated: [], context: [] }, config)?.kind === cls?.kind)) {
          cls = undefined;
        }
      }
      cache.set(visit, cls ?? null);
      return cls;
    };

    const visits: PersonalVisit[] = [];
    // Scopes whose contents are not judged property by property: objects classified as personal data as a whole
    // (`address: {line1, postalCode}`), and inline objects about a business (`CreditorAgent: {Name, PostalAddress}`).
    // A scope is known by its schema object (for properties) and by its path (for items and branches, which the walker
    // reaches without a parent); the walk is depth-first, so a scope is met before its contents.
    const containers = new Set<object>();
    const scopePaths = new Set<string>();
    const pathKey = (path: JsonPath) => path.join('\u0000');
    const ownerPath = (path: JsonPath): JsonPath | undefined => {
      const n = path.length;
      if (path[n - 1] === 'items' || path[n - 1] === 'additionalProperties') return path.slice(0, -1);
      if (typeof path[n - 1] === 'number' && (path[n - 2] === 'oneOf' || path[n - 2] === 'anyOf' || path[n - 2] === 'prefixItems')) return path.slice(0, -2);
      return undefined;
    };
    const inScope = (v: SchemaVisit): boolean => {
      if (v.parent) return containers.has(v.parent);
      if (scopePaths.size === 0) return false;
      const owner = ownerPath(v.path);
      return owner !== undefined && scopePaths.has(pathKey(owner));
    };
    const enterScope = (v: SchemaVisit) => {
      containers.add(v.schema);
      scopePaths.add(pathKey(v.path));
    };
    for (const v of index.visits) {
      if (inScope(v)) {
        if (isContainer(v.merged) || v.parent === undefined) enterScope(v);
        continue;
      }
      const cls = classifyVisit(v);
      if (!cls) {
        // An inline object named after a business (`CreditorAgent: {...}`), or sitting in one (`Merchant.address`), is
        // about the business, and so are its contents.
        const inlineObject = v.name !== undefined && !v.isParameter && isContainer(valueSchema(v.merged)) && componentSchemaName(root, v.schema) === undefined;
        if (inlineObject && (establishesContext(v.name as string, config.business) || businessContext({ name: v.name, schema: v.merged, annotated: [], context: visitContext(v) }, config))) {
          enterScope(v);
        }
        continue;
      }
      if (isContainer(valueSchema(v.merged))) enterScope(v);
      visits.push({ visit: v, cls });
    }

    // Parameters: every Parameter Object (any `in` but body), and the properties of object-valued URL parameters. An
    // object-valued header or cookie parameter classified by name alone is searched instead of kept whole.
    const parameters = classifyParameterValues(root, {
      classify: (subject) => classifyPersonal(subject, config),
      include: (ref) => ref.in !== 'body',
      acceptWhole: (cls, schema, ref) => !(isContainer(schema) && cls.by === 'name' && !URL_LOCATIONS.has(ref.in)),
    });

    // Subtree search, memoised per (schema, direction, outbound).
    const subtree = new Map<object, Map<string, PersonalVisit | null>>();
    const personalIn = (visit: SchemaVisit): PersonalVisit | undefined => {
      const own = classifyVisit(visit);
      if (own) return { visit, cls: own };
      const k = `${visit.ctx.direction}:${visit.ctx.outbound}`;
      let byCtx = subtree.get(visit.schema);
      if (!byCtx) subtree.set(visit.schema, (byCtx = new Map()));
      if (byCtx.has(k)) return byCtx.get(k) ?? undefined;
      byCtx.set(k, null);
      let found: PersonalVisit | undefined;
      for (const child of index.childVisits(visit.schema, visit.ctx)) {
        found = personalIn(child);
        if (found) break;
      }
      byCtx.set(k, found ?? null);
      return found;
    };

    return { config, visit: classifyVisit, visits, containers, parameters, personalIn, hasPersonalData: visits.length > 0 || parameters.length > 0 };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Holders: where a property is written
// ---------------------------------------------------------------------------------------------------------------

export interface Holder {
  /** The schema object whose `properties` lists the property (an `allOf` member, or the schema itself). */
  object: JsonObject;
  /** Its path (where the walker met it; Spectral maps it to where it is written). */
  path: JsonPath;
  /** `schema "Customer"`, or `an inline schema in the 200 response of GET /customers`. */
  label: string;
  /** The component schema name, if the holder (or the schema it composes) is one. */
  component?: string;
  /** The schema the property belongs to, `allOf` included (the visit's parent). */
  composite: JsonObject;
  /** For inline holders: the property it hangs under, if any. */
  inlineName?: string;
}

function at(root: JsonObject, path: JsonPath): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isObject(node)) node = node[String(key)];
    else return undefined;
  }
  return node;
}

/** The schema that writes a property visit, with a label for messages. */
export function holderOf(root: JsonObject, visit: SchemaVisit, where: (ctx: SchemaContext) => string): Holder | undefined {
  if (!visit.parent || visit.name === undefined) return undefined;
  const n = visit.path.length;
  const holderPath = n >= 2 && visit.path[n - 2] === 'properties' && visit.path[n - 1] === visit.name ? visit.path.slice(0, -2) : undefined;
  const written = holderPath ? at(root, holderPath) : undefined;
  const object = isObject(written) ? written : (declaringSchemas(visit.parent, visit.name)[0] ?? visit.parent);
  const component = componentSchemaName(root, object) ?? componentSchemaName(root, visit.parent);
  const title = typeof object.title === 'string' ? object.title : typeof visit.parent.title === 'string' ? visit.parent.title : undefined;
  const label = component !== undefined ? `Schema "${component}"` : title !== undefined ? `Schema "${title}"` : `The inline schema${visit.parentName ? ` of "${visit.parentName}"` : ''} in ${where(visit.ctx)}`;
  return { object, path: holderPath ?? visit.path, label, component, composite: visit.parent, inlineName: visit.parentName };
}

// ---------------------------------------------------------------------------------------------------------------
// Data-subject resources (rights rules)
// ---------------------------------------------------------------------------------------------------------------

export interface DataSubjectResource {
  /** The collection path (`/v1/customers`). */
  collection: string;
  /** Every path template of the resource: the collection and its item paths (`/v1/customers/{id}`). */
  paths: string[];
  /** Why it is a data-subject resource, as a clause. */
  reason: string;
  /** Where to report: the item path's path item if there is one, otherwise the collection's. */
  reportPath: JsonPath;
  reportKey: string;
  /** Objects that may record exemptions: the path items and the subject schema. */
  holders: JsonObject[];
}

/** Segments of a path template; `{param}` segments are kept as written. */
function segments(pathKey: string): string[] {
  return pathKey.split('/').filter((s) => s.length > 0);
}

const isParam = (segment: string) => /^\{[^}]+\}$/.test(segment);

function subjectSchemaOf(schema: JsonObject): JsonObject | undefined {
  const merged = mergeAllOf(schema);
  if (merged['x-data-subject'] === true) return schema;
  if (isObject(merged.items) && mergeAllOf(merged.items)['x-data-subject'] === true) return merged.items;
  for (const [, value] of entries(merged.properties)) {
    if (!isObject(value)) continue;
    const vm = mergeAllOf(value);
    if (vm['x-data-subject'] === true) return value;
    if (isObject(vm.items) && mergeAllOf(vm.items)['x-data-subject'] === true) return vm.items;
  }
  return undefined;
}

/**
 * The data-subject resources of a document:
 * - path collections named in `collections` (`/customers`, `/customers/{id}`) whose item path has a GET returning
 *   personal data: a record about a person one can address, not a search (`/search/users`), a membership list
 *   (`/teams/{id}/members`) or statistics about users;
 * - the paths whose GET returns a schema marked `x-data-subject: true` (as the body, its items or a property of the
 *   body).
 * Path items marked `x-data-subject: false` are not data-subject resources.
 */
export function dataSubjectResources(root: JsonObject, options?: DataSubjectOptions | null): DataSubjectResource[] {
  const collections = collectionsOption(options);
  return memoPerDocument(root, `dataSubjectResources:${JSON.stringify(collections)}:${optionsKey(options)}`, () => {
    const names = new Set(collections.map((c) => c.toLowerCase()));
    const personal = personalDataIndex(root, options);
    const index = schemaIndex(root);
    const getRoots = new Map<string, readonly SchemaVisit[]>();
    for (const [op, visits] of index.operationRoots) if (op.kind === 'path' && op.method === 'get' && op.path[0] === 'paths') getRoots.set(op.pathKey, visits);
    const returnsPersonalData = (pathKey: string): boolean =>
      (getRoots.get(pathKey) ?? []).some((v) => v.ctx.direction === 'response' && v.ctx.location === 'body' && /^2/.test(v.ctx.status ?? '') && personal.personalIn(v) !== undefined);
    const byCollection = new Map<string, DataSubjectResource>();
    const pathItems = entries(root.paths).filter((e): e is [string, JsonObject] => isObject(e[1]) && !e[0].startsWith('x-'));
    const add = (collection: string, pathKey: string, reason: string, holder?: JsonObject) => {
      let res = byCollection.get(collection);
      if (!res) {
        res = { collection, paths: [], reason, reportPath: ['paths', collection], reportKey: collection, holders: [] };
        byCollection.set(collection, res);
      }
      if (!res.paths.includes(pathKey)) res.paths.push(pathKey);
      if (holder && !res.holders.includes(holder)) res.holders.push(holder);
    };
    const collectionOf = (pathKey: string): string | undefined => {
      const segs = segments(pathKey);
      if (segs.length === 0) return undefined;
      const last = segs.length - 1;
      if (isParam(segs[last])) return last >= 1 && !isParam(segs[last - 1]) ? `/${segs.slice(0, last).join('/')}` : undefined;
      return pathKey.replace(/(?<!\/)\/+$/, '');
    };
    const itemPaths = new Map<string, string[]>();
    for (const [pathKey, item] of pathItems) {
      if (item['x-data-subject'] === false) continue;
      const segs = segments(pathKey);
      const last = segs.length - 1;
      const collectionSeg = last >= 0 && isParam(segs[last]) ? segs[last - 1] : segs[last];
      if (collectionSeg !== undefined && !isParam(collectionSeg) && names.has(collectionSeg.toLowerCase())) {
        const collection = collectionOf(pathKey);
        if (collection) itemPaths.set(collection, [...(itemPaths.get(collection) ?? []), pathKey]);
      }
    }
    for (const [collection, keys] of itemPaths) {
      const items = keys.filter((k) => isParam(segments(k)[segments(k).length - 1] ?? ''));
      if (!items.some(returnsPersonalData)) continue;
      const segment = segments(collection)[segments(collection).length - 1];
      for (const key of keys) add(collection, key, `its path segment "${segment}" is a data-subject collection`, (root.paths as JsonObject)[key] as JsonObject);
    }
    for (const [op, rootsOfOp] of index.operationRoots) {
      if (op.kind !== 'path' || op.method !== 'get' || op.path[0] !== 'paths' || op.pathItem['x-data-subject'] === false) continue;
      // An export returns the subject's data but is a right served on the resource, not a resource of its own.
      if (op.operation['x-gdpr-export'] === true || isExportPath(op.pathKey)) continue;
      for (const r of rootsOfOp) {
        if (r.ctx.direction !== 'response' || r.ctx.location !== 'body' || !/^2/.test(r.ctx.status ?? '')) continue;
        const subject = subjectSchemaOf(r.schema);
        if (!subject) continue;
        const collection = collectionOf(op.pathKey);
        if (!collection) continue;
        const name = componentSchemaName(root, subject);
        add(collection, op.pathKey, `GET ${op.pathKey} returns ${name ? `schema "${name}"` : 'a schema'} marked x-data-subject: true`, op.pathItem);
        const res = byCollection.get(collection);
        if (res && !res.holders.includes(subject)) res.holders.push(subject);
      }
    }
    // A resource nested under another one's items (`/customers/{id}/profile`) is part of it.
    for (const [collection, res] of [...byCollection]) {
      const outer = [...byCollection.values()].find((o) => o !== res && collection.startsWith(`${o.collection}/`));
      if (!outer) continue;
      for (const p of res.paths) if (!outer.paths.includes(p)) outer.paths.push(p);
      for (const h of res.holders) if (!outer.holders.includes(h)) outer.holders.push(h);
      byCollection.delete(collection);
    }
    const pathSet = new Set(pathItems.map(([k]) => k));
    for (const res of byCollection.values()) {
      const item = res.paths.find((p) => p !== res.collection && p.startsWith(`${res.collection}/`) && segments(p).length === segments(res.collection).length + 1);
      const key = item ?? (pathSet.has(res.collection) ? res.collection : res.paths[0]);
      res.reportPath = ['paths', key];
      res.reportKey = key;
      // Path items of the collection and its items count as holders for exemptions even when only one was matched.
      for (const p of [res.collection, ...res.paths]) {
        const pi = isObject(root.paths) ? (root.paths as JsonObject)[p] : undefined;
        if (isObject(pi) && !res.holders.includes(pi)) res.holders.push(pi);
      }
    }
    return [...byCollection.values()];
  });
}

/** Last path segments that name an export of a person's data. */
export const EXPORT_SEGMENTS: ReadonlySet<string> = new Set(['export', 'exports', 'personal-data', 'personal_data', 'data-export', 'data_export', 'gdpr-export', 'portability']);

/** Whether a path ends in an export segment (`/customers/{id}/export`). */
export function isExportPath(pathKey: string): boolean {
  const segs = segments(pathKey);
  return segs.length > 0 && EXPORT_SEGMENTS.has(segs[segs.length - 1].toLowerCase());
}

/** Operations on the collection path and its direct item paths. */
export function resourceOperations(resource: DataSubjectResource, ops: readonly OperationRef[]): OperationRef[] {
  const depth = segments(resource.collection).length;
  return ops.filter(
    (op) =>
      op.kind === 'path' &&
      (op.pathKey.replace(/(?<!\/)\/+$/, '') === resource.collection ||
        (op.pathKey.startsWith(`${resource.collection}/`) && segments(op.pathKey).length === depth + 1 && isParam(segments(op.pathKey)[depth]))),
  );
}

/** Whether the path is an item path of the resource (`/customers/{id}`). */
export function isItemPath(resource: DataSubjectResource, pathKey: string): boolean {
  const depth = segments(resource.collection).length;
  const segs = segments(pathKey);
  return pathKey.startsWith(`${resource.collection}/`) && segs.length === depth + 1 && isParam(segs[depth]);
}

/** A documented exemption: `<key>: not-applicable` with a non-blank `<key>-reason`, on one of the objects or `info`. */
export function rightExemption(root: JsonObject, key: string, holders: readonly unknown[]): 'exempt' | 'no-reason' | undefined {
  let found: 'exempt' | 'no-reason' | undefined;
  for (const h of [...holders, root.info]) {
    if (!isObject(h) || h[key] !== 'not-applicable') continue;
    const reason = h[`${key}-reason`];
    if (typeof reason === 'string' && reason.trim().length > 0) return 'exempt';
    found = 'no-reason';
  }
  return found;
}

/** `info.x-gdpr-rights-portal`: data-subject rights are served outside this API (a URL or a non-blank description). */
export function rightsPortal(root: JsonObject): boolean {
  const v = isObject(root.info) ? root.info['x-gdpr-rights-portal'] : undefined;
  return typeof v === 'string' && v.trim().length > 0;
}

/** Reads the collections option. */
export function collectionsOption(options: DataSubjectOptions | null | undefined): readonly string[] {
  return options?.collections ?? DEFAULT_DATA_SUBJECT_COLLECTIONS;
}
