import type { JsonObject } from './guards.js';
import { componentSchemaName, type SchemaVisit } from './schemaWalker.js';
import { fieldName } from './inputSchemas.js';
import { matchName, tokenize, type NameClass } from './names.js';

/**
 * Monetary field names (catalogue §4.2, "money"). Quantities, rates and ratios are vetoed (`fee_rate`, `total_count`,
 * `tax_percent`), and so are fields that say they hold minor units (`amount_in_cents`, `amountMinor`), which are
 * integers by design.
 */
export const MONEY_NAMES: NameClass = {
  id: 'money',
  entries: [
    { phrase: 'amount' },
    { phrase: 'amounts' },
    { phrase: 'amt' },
    { phrase: 'price' },
    { phrase: 'prices' },
    { phrase: 'balance' },
    { phrase: 'balances' },
    { phrase: 'subtotal' },
    { phrase: 'total', vetoes: ['pages', 'page', 'results', 'items', 'records', 'elements', 'hits', 'size', 'entries', 'rows', 'objects', 'length', 'time', 'duration'] },
    { phrase: 'fee' },
    { phrase: 'fees' },
    { phrase: 'surcharge' },
    { phrase: 'charge' },
    { phrase: 'cost' },
    { phrase: 'costs' },
    { phrase: 'payout' },
    { phrase: 'principal' },
    { phrase: 'credit limit' },
    { phrase: 'vat' },
    { phrase: 'tax' },
    { phrase: 'tip' },
    { phrase: 'gratuity' },
  ],
  vetoes: [
    'count', 'number', 'num', 'rate', 'rates', 'ratio', 'percent', 'percentage', 'pct', 'factor', 'score', 'minor', 'minor units',
    'cents', 'cent', 'pence', 'bps', 'basis points', 'points', 'exponent', 'decimals', 'decimal places', 'precision', 'scale',
    'digits', 'multiplier', 'weight', 'quantity', 'qty', 'days', 'hours', 'minutes', 'seconds', 'ms', 'index', 'id', 'ids',
    'type', 'currency', 'code', 'status', 'version', 'level', 'length', 'occurrence', 'occurrences', 'period', 'periods',
    'frequency', 'interval', 'term', 'duration', 'months', 'years', 'weeks',
    // statistics over amounts are not amounts that are settled: averages, deviations, moments
    'avg', 'average', 'mean', 'median', 'stdev', 'std', 'deviation', 'variance', 'm 2', 'z score',
  ],
};

/** Names a nested field inherits money meaning from: `amount.value`, `price.value`. */
const CONTEXT_FIELDS: ReadonlySet<string> = new Set(['value', 'amount', 'val', 'decimal', 'units']);

/** Trailing tokens that qualify an amount without changing what it is (`amountValue`, `price_decimal`). */
const TRAILING_QUALIFIERS: ReadonlySet<string> = new Set(['value', 'decimal', 'str', 'string', 'raw', 'amount']);

/**
 * Whether the money phrase is the head of the name (its last word, after qualifiers such as `value`): `discountAmount`,
 * `amount_excluding_tax`, `credit_limit`, but not `costAllocationAccount` or `feeSchedule`, which name other things.
 */
function moneyHead(tokens: readonly string[], moneyClass: NameClass): boolean {
  let end = tokens.length;
  while (end > 1 && TRAILING_QUALIFIERS.has(tokens[end - 1]) && matchName(tokens.slice(0, end - 1), moneyClass) !== undefined) end--;
  return moneyClass.entries.some((e) => {
    const seq = e.phrase.split(' ');
    return end >= seq.length && seq.every((t, i) => tokens[end - seq.length + i] === t);
  });
}

/** The money phrase a field's name (or, for `value`-like fields, its holder's name) matches, if any. */
export function moneyName(visit: SchemaVisit, moneyClass: NameClass = MONEY_NAMES, root?: JsonObject): string | undefined {
  const name = fieldName(visit, root) ?? (root !== undefined ? componentSchemaName(root, visit.schema) : undefined);
  if (name === undefined) return undefined;
  const tokens = tokenize(name);
  const own = matchName(tokens, moneyClass);
  if (own !== undefined) return moneyHead(tokens, moneyClass) ? own : undefined;
  const holder = visit.parentName;
  if (tokens.length === 1 && CONTEXT_FIELDS.has(tokens[0]) && holder !== undefined) return matchName(holder, moneyClass);
  return undefined;
}

/** Currency-code field names: `currency`, `currencyCode`, `ccy`, `settlement_currency`; not rates, symbols or names. */
export const CURRENCY_NAMES: NameClass = {
  id: 'currency',
  entries: [{ phrase: 'currency' }, { phrase: 'currency code' }, { phrase: 'ccy' }, { phrase: 'currencies' }],
  vetoes: [
    'rate', 'rates', 'symbol', 'name', 'conversion', 'exchange', 'decimals', 'exponent', 'precision', 'display', 'amount', 'type',
    'format', 'pair', 'list', 'supported', 'options', 'locale', 'sign', 'position', 'digits', 'minor', 'unit', 'units', 'numeric',
    'number', 'id', 'fx', 'converted', 'conversion',
  ],
};

/** Name tokens that say which currency an amount is in (`maxDollarAmount`, `amount_eur`). */
export const CURRENCY_WORDS: ReadonlySet<string> = new Set(['dollar', 'dollars', 'euro', 'euros', 'usd', 'eur', 'gbp', 'jpy', 'chf', 'sterling', 'yen']);
