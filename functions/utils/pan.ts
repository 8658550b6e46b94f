/**
 * Card-number (PAN) value heuristics (catalogue §4.3).
 *
 * `findPanCandidates(text)` finds the numbers inside a string that look like a real card number: 12-19 digits (written
 * plainly or in the usual groups of 4, or 4-6-5 / 4-6-4 for American Express and Diners Club), Luhn-valid, with the
 * prefix **and length** of a major card network, and not a well-known public test number. The network filter removes
 * most Luhn-valid look-alikes (IMEIs, internal account numbers, timestamps); the length filter removes 12-digit "Visa"
 * numbers that no issuer hands out.
 *
 * `panCapacity(schema)` reads schema evidence instead of values: can a value valid against this schema be a full
 * card number? It is used to tell a masked or truncated field (`maxLength: 4`, a pattern with `*`) from a full PAN.
 */

import { compileSafePattern, type SafePattern } from './safeRegex.js';
import { leaves } from './secrets.js';

export type CardNetwork = 'Visa' | 'Mastercard' | 'American Express' | 'Discover' | 'JCB' | 'Diners Club' | 'UnionPay';

interface NetworkRule {
  network: CardNetwork;
  /** Inclusive prefix ranges, compared on the first `digits` digits. */
  ranges: readonly [number, number][];
  digits: number;
  lengths: readonly number[];
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Prefixes and lengths of the major networks (ISO/IEC 7812 IIN ranges as published by the networks). */
const NETWORKS: readonly NetworkRule[] = [
  { network: 'Visa', ranges: [[4, 4]], digits: 1, lengths: [13, 16, 19] },
  { network: 'Mastercard', ranges: [[51, 55]], digits: 2, lengths: [16] },
  { network: 'Mastercard', ranges: [[2221, 2720]], digits: 4, lengths: [16] },
  { network: 'American Express', ranges: [[34, 34], [37, 37]], digits: 2, lengths: [15] },
  { network: 'Discover', ranges: [[6011, 6011]], digits: 4, lengths: range(16, 19) },
  { network: 'Discover', ranges: [[644, 649]], digits: 3, lengths: range(16, 19) },
  { network: 'Discover', ranges: [[65, 65]], digits: 2, lengths: range(16, 19) },
  { network: 'JCB', ranges: [[3528, 3589]], digits: 4, lengths: range(16, 19) },
  { network: 'Diners Club', ranges: [[300, 305]], digits: 3, lengths: range(14, 19) },
  { network: 'Diners Club', ranges: [[36, 36], [38, 39]], digits: 2, lengths: range(14, 19) },
  { network: 'UnionPay', ranges: [[62, 62]], digits: 2, lengths: range(16, 19) },
];

/**
 * Public test card numbers published by the card networks and by large payment providers in their developer
 * documentation. Extend it with the `testNumbers` option.
 */
export const DEFAULT_TEST_PANS: readonly string[] = [
  // Visa
  '4111111111111111',
  '4242424242424242',
  '4012888888881881',
  '4222222222222',
  '4000056655665556',
  '4000002500003155',
  '4000002760003184',
  '4000003800000446',
  '4000000000003220',
  '4000000000009995',
  '4000000000000002',
  '4000000000000077',
  '4000000000000341',
  '4111111145551142',
  '4917610000000000',
  '4988438843884305',
  '4166676667666746',
  '4646464646464644',
  '4000620000000007',
  '4035501000000008',
  '4360000001000005',
  '4444333322221111',
  '4917610000000000003',
  '4462030000000000',
  '4484070000000000',
  '4012000033330026',
  '4005519200000004',
  '4009348888881881',
  '4012000077777777',
  '4217651111111119',
  '4500600000000061',
  '4212345678901237',
  '4212345678910006',
  '4000000760000002',
  '4000001240000000',
  // Mastercard
  '5555555555554444',
  '5105105105105100',
  '2223003122003222',
  '2222400070000005',
  '5200828282828210',
  '5555341244441115',
  '5454545454545454',
  '5500000000000004',
  '5101180000000007',
  '2223000048410010',
  '2222400010000008',
  '5577000055770004',
  '5136333333333335',
  '5585558555855583',
  '5431111111111111',
  '5424000000000015',
  '5212345678901234',
  // American Express
  '378282246310005',
  '371449635398431',
  '370000000000002',
  '378734493671000',
  '340000000000009',
  // Discover
  '6011111111111117',
  '6011000990139424',
  '6011000400000000',
  '6011601160116611',
  '6011981111111113',
  '6445644564456445',
  // JCB
  '3530111333300000',
  '3566002020360505',
  '3566111111111113',
  '3569990010095841',
  // Diners Club
  '30569309025904',
  '38520000023237',
  '36006666333344',
  '36227206271667',
  '3056930009020004',
  '36259600000004',
  // UnionPay
  '6200000000000005',
  '6250941006528599',
  '6243030000000001',
  '6212345678901232',
];

/** Luhn (mod 10) check over a digit string. */
export function luhnValid(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The network whose prefix and length a digit string has, if any. */
export function cardNetwork(digits: string): CardNetwork | undefined {
  for (const rule of NETWORKS) {
    if (!rule.lengths.includes(digits.length)) continue;
    const prefix = Number(digits.slice(0, rule.digits));
    if (rule.ranges.some(([from, to]) => prefix >= from && prefix <= to)) return rule.network;
  }
  return undefined;
}

/**
 * Generated sample numbers look made up: a run of six or more identical digits (`4000000000000002`) or of eight or more
 * consecutive digits counting up or down (`4212345678901237`). A real PAN shows either with a probability well below
 * one in ten thousand.
 */
export function hasSyntheticRun(digits: string): boolean {
  if (/([0-9])\1{5,}/.test(digits)) return true;
  let up = 1;
  let down = 1;
  for (let i = 1; i < digits.length; i++) {
    const step = (digits.charCodeAt(i) - digits.charCodeAt(i - 1) + 10) % 10;
    up = step === 1 ? up + 1 : 1;
    down = step === 9 ? down + 1 : 1;
    if (up >= 8 || down >= 8) return true;
  }
  return false;
}

/** `4929123456789012` -> `492912******9012` (BIN + last four, the PCI DSS 3.4.1 display maximum). */
export function maskPan(digits: string): string {
  return `${digits.slice(0, 6)}${'*'.repeat(Math.max(digits.length - 10, 0))}${digits.slice(-4)}`;
}

export interface PanOptions {
  /** Extra public test numbers to accept (digits; spaces and dashes are ignored). */
  testNumbers?: readonly string[];
  /** Accept numbers with a run of six identical or eight consecutive digits as generated samples (default true). */
  allowSyntheticRuns?: boolean;
}

export interface PanCandidate {
  /** The digits, separators removed. */
  digits: string;
  /** The text as written, with its separators. */
  text: string;
  network: CardNetwork;
  /** `492912******9012`: safe to print in a report. */
  masked: string;
}

/**
 * Plain runs of 12-19 digits, or digit groups separated by one space or dash in the usual card layouts
 * (4-4-4-4, 4-4-4-4-3, 4-4-4-1, 4-6-5, 4-6-4). Letters, digits, `_`, `-` or `.` right before the match (and a letter,
 * digit, `_` or decimal fraction right after it) disqualify it, so an IBAN, an id such as `ch_4111...`, a negative
 * number or a decimal never yields a candidate.
 */
const CANDIDATE =
  /(?<![0-9A-Za-z_.-])(?:[0-9]{12,19}|[0-9]{4}([ -])[0-9]{4}\1[0-9]{4}\1[0-9]{1,4}(?:\1[0-9]{3})?|[0-9]{4}([ -])[0-9]{6}\2[0-9]{4,5})(?![0-9A-Za-z_]|\.[0-9])/g;

function normalise(n: string): string {
  return n.replace(/[ -]/g, '');
}

export function isTestPan(digits: string, options: PanOptions = {}): boolean {
  if (DEFAULT_TEST_PANS.includes(digits)) return true;
  if (options.testNumbers?.some((t) => normalise(t) === digits)) return true;
  return options.allowSyntheticRuns !== false && hasSyntheticRun(digits);
}

/** Numbers in a text that look like live card numbers (see the module comment). */
export function findPanCandidates(text: string, options: PanOptions = {}): PanCandidate[] {
  const out: PanCandidate[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const digits = normalise(m[0]);
    if (digits.length < 12 || digits.length > 19) continue;
    const network = cardNetwork(digits);
    if (network === undefined || !luhnValid(digits) || isTestPan(digits, options)) continue;
    out.push({ digits, text: m[0], network, masked: maskPan(digits) });
  }
  return out;
}

/** Strings and integers inside a value, with their paths: the leaves a PAN could be written in. */
export function scalarLeaves(
  value: unknown,
  path: (string | number)[],
  seen: Set<object> = new Set(),
): { text: string; path: (string | number)[] }[] {
  return leaves(value, path, seen, panText);
}

/** The text a PAN could be written as: a string, or a positive integer's digits (negatives and fractions never are). */
function panText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? BigInt(value).toString() : undefined;
  if (typeof value === 'bigint') return value > 0n ? value.toString() : undefined;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Schema evidence
// ---------------------------------------------------------------------------------------------------------------

/**
 * Whether a schema can hold a full card number:
 * - `admits`: its pattern explicitly accepts a 12-19 digit number, or it is an integer/number;
 * - `excludes`: its constraints cannot hold one (maxLength below 12, a pattern that rejects every 12-19 digit number,
 *   such as a masked `^[0-9]{6}[*]{6}[0-9]{4}$` or a last-four `^[0-9]{4}$`, a non-numeric format, a boolean);
 * - `unknown`: nothing says either way (a bare `type: string`).
 */
export type PanCapacity = 'admits' | 'excludes' | 'unknown';

export interface PanCapacityResult {
  capacity: PanCapacity;
  /** Why, for messages: `its maxLength is 4`, `its pattern "^[0-9]{16}$" accepts a 16-digit number`. */
  reason: string;
}

/** Sample full PANs: every length 12-19 with each network's leading digits (and a few others), filled with `1`s. */
const PAN_SAMPLES: readonly string[] = (() => {
  const prefixes = ['4', '51', '55', '2221', '2720', '34', '37', '6011', '65', '35', '36', '30', '62', '0', '1', '9'];
  const out: string[] = [];
  for (let length = 12; length <= 19; length++) for (const p of prefixes) out.push(p + '1'.repeat(length - p.length));
  return out;
})();

/** Formats that cannot hold a card number. */
const NON_PAN_FORMATS: ReadonlySet<string> = new Set([
  'uuid',
  'date',
  'date-time',
  'time',
  'duration',
  'email',
  'idn-email',
  'uri',
  'url',
  'uri-reference',
  'iri',
  'hostname',
  'ipv4',
  'ipv6',
  'byte',
  'binary',
  'json-pointer',
  'regex',
]);

/**
 * A schema's `pattern`, compiled for linear-time matching (safeRegex.ts): a pattern from the document is never run
 * with the backtracking engine, so `^(\d+)+$` cannot stall the lint. Undefined when the pattern is invalid or uses
 * look-around or back-references (callers then treat it as absent).
 */
export function compilePattern(pattern: unknown): SafePattern | undefined {
  if (typeof pattern !== 'string') return undefined;
  return compileSafePattern(pattern, 'u') ?? compileSafePattern(pattern);
}

export function schemaTypes(schema: Record<string, unknown>): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  return Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === 'string' && t !== 'null') : [];
}

export function panCapacity(schema: Record<string, unknown>): PanCapacityResult {
  const types = schemaTypes(schema);
  if (types.length > 0 && types.every((t) => t === 'boolean' || t === 'object' || t === 'array')) {
    return { capacity: 'excludes', reason: `it is of type ${types.join('/')}` };
  }
  if (typeof schema.format === 'string' && NON_PAN_FORMATS.has(schema.format)) {
    return { capacity: 'excludes', reason: `its format is ${schema.format}` };
  }
  if (typeof schema.maxLength === 'number' && schema.maxLength < 12 && !types.some((t) => t === 'integer' || t === 'number')) {
    return { capacity: 'excludes', reason: `its maxLength is ${schema.maxLength}` };
  }
  const enumValues = Array.isArray(schema.enum) ? schema.enum : undefined;
  if (enumValues && enumValues.length > 0 && enumValues.every((v) => !/^[0-9 -]{12,23}$/.test(String(v)))) {
    return { capacity: 'excludes', reason: 'its enum lists no card number' };
  }
  const re = compilePattern(schema.pattern);
  if (re) {
    const sample = PAN_SAMPLES.find((s) => re.test(s));
    if (sample === undefined) return { capacity: 'excludes', reason: `its pattern "${String(schema.pattern)}" accepts no 12-19 digit number` };
    return { capacity: 'admits', reason: `its pattern "${String(schema.pattern)}" accepts a ${sample.length}-digit number` };
  }
  if (types.some((t) => t === 'integer' || t === 'number')) return { capacity: 'admits', reason: `it is of type ${types.join('/')}` };
  return { capacity: 'unknown', reason: 'nothing in its schema rules out a full card number' };
}

/**
 * An input pattern that validates a card number: anchored, accepts a 12-19 digit number, and rejects letters,
 * numbers longer than 19 digits and shorter than 12.
 */
export function isPanInputPattern(pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  const re = compilePattern(pattern);
  if (!re || !/^\^/.test(pattern) || !/\$$/.test(pattern)) return false;
  return (
    PAN_SAMPLES.some((s) => re.test(s)) &&
    !re.test('4111111111111111a') &&
    !re.test('abcdefghijklmnop') &&
    !re.test('4'.repeat(20)) &&
    !re.test('41111111111')
  );
}
