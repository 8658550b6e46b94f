import { describe, expect, it } from 'vitest';
import {
  cardNetwork,
  DEFAULT_TEST_PANS,
  findPanCandidates,
  hasSyntheticRun,
  isPanInputPattern,
  luhnValid,
  maskPan,
  panCapacity,
  scalarLeaves,
} from '../../functions/utils/pan.js';

// Luhn-valid numbers with real network prefixes and lengths that are not published test numbers.
const LIVE_VISA = '4872903234131615';
const LIVE_MC = '5361666017182643';

describe('luhnValid', () => {
  it('accepts Luhn-valid digit strings and rejects others', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid(LIVE_VISA)).toBe(true);
    expect(luhnValid('4872903234131614')).toBe(false);
    expect(luhnValid('4111 1111 1111 1111')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });
});

describe('cardNetwork', () => {
  it.each([
    ['4111111111111111', 'Visa'],
    ['4222222222222', 'Visa'],
    ['5555555555554444', 'Mastercard'],
    ['2223003122003222', 'Mastercard'],
    ['378282246310005', 'American Express'],
    ['6011111111111117', 'Discover'],
    ['6445644564456445', 'Discover'],
    ['3530111333300000', 'JCB'],
    ['30569309025904', 'Diners Club'],
    ['6200000000000005', 'UnionPay'],
  ])('%s is %s', (digits, network) => expect(cardNetwork(digits)).toBe(network));
  it('needs the network length as well as the prefix', () => {
    expect(cardNetwork('411111111111')).toBeUndefined(); // 12-digit "Visa"
    expect(cardNetwork('55555555555544')).toBeUndefined(); // 14-digit "Mastercard"
    expect(cardNetwork('3782822463100005')).toBeUndefined(); // 16-digit "Amex"
  });
  it('rejects numbers with no major-network prefix (IMEIs, account numbers)', () => {
    expect(cardNetwork('1234567890123452')).toBeUndefined();
    expect(cardNetwork('9900000000000007')).toBeUndefined();
    expect(cardNetwork('7000000000000000')).toBeUndefined();
  });
});

describe('DEFAULT_TEST_PANS', () => {
  it('holds only Luhn-valid network numbers', () => {
    for (const pan of DEFAULT_TEST_PANS) {
      expect(luhnValid(pan), pan).toBe(true);
      expect(cardNetwork(pan), pan).toBeDefined();
    }
  });
});

describe('findPanCandidates', () => {
  it('finds a live-looking number written plainly, in groups of four, or with dashes', () => {
    expect(findPanCandidates(LIVE_VISA).map((c) => c.digits)).toEqual([LIVE_VISA]);
    expect(findPanCandidates('card 4872 9032 3413 1615 on file')[0]).toMatchObject({ digits: LIVE_VISA, network: 'Visa', masked: '487290******1615' });
    expect(findPanCandidates('5361-6660-1718-2643')[0]).toMatchObject({ digits: LIVE_MC, network: 'Mastercard' });
  });
  it('finds American Express numbers in their 4-6-5 layout', () => {
    // 3714 496353 98431 is a test number; 3744 163315 98199 is not (and is Luhn-valid).
    expect(findPanCandidates('3714 496353 98431')).toEqual([]);
    const live = '374416331598199';
    expect(luhnValid(live)).toBe(true);
    expect(findPanCandidates('3744 163315 98199').map((c) => c.digits)).toEqual([live]);
  });
  it('skips published test numbers and generated-looking numbers', () => {
    expect(findPanCandidates('4111111111111111 4242424242424242 5555555555554444 378282246310005')).toEqual([]);
    expect(findPanCandidates('4000000000000010')).toEqual([]);
    expect(hasSyntheticRun('4000000000000010')).toBe(true);
    expect(hasSyntheticRun('4929123456789015')).toBe(true);
    expect(hasSyntheticRun('4987654321098765')).toBe(true);
    expect(hasSyntheticRun(LIVE_VISA)).toBe(false);
    expect(findPanCandidates('4929123456789015')).toEqual([]);
  });
  it('accepts extra test numbers from options, and can turn off the synthetic-run allowance', () => {
    expect(findPanCandidates(LIVE_VISA, { testNumbers: ['4872 9032 3413 1615'] })).toEqual([]);
    const synthetic = '4000000000000010';
    expect(luhnValid(synthetic)).toBe(true);
    expect(findPanCandidates(synthetic, { allowSyntheticRuns: false }).map((c) => c.digits)).toEqual([synthetic]);
  });
  it('ignores Luhn-invalid numbers, digits inside longer digit runs or identifiers, and odd groupings', () => {
    expect(findPanCandidates('4872903234131614')).toEqual([]);
    expect(findPanCandidates(`9${LIVE_VISA}`)).toEqual([]);
    expect(findPanCandidates(`${LIVE_VISA}7`)).toEqual([]);
    expect(findPanCandidates(`ch_${LIVE_VISA}`)).toEqual([]);
    expect(findPanCandidates(`id${LIVE_VISA}`)).toEqual([]);
    expect(findPanCandidates(`GB29NWBK6016${LIVE_VISA}`)).toEqual([]);
    expect(findPanCandidates('4872 90 3234 131615')).toEqual([]);
    expect(findPanCandidates('2023-01-15 4111')).toEqual([]);
    expect(findPanCandidates(`-${LIVE_VISA}`)).toEqual([]);
    expect(findPanCandidates(`0.${LIVE_VISA}`)).toEqual([]);
    expect(findPanCandidates(`${LIVE_VISA}.25`)).toEqual([]);
    expect(findPanCandidates(`card ${LIVE_VISA}.`).map((c) => c.digits)).toEqual([LIVE_VISA]);
  });
  it('masks what it reports to BIN and last four', () => {
    expect(maskPan(LIVE_VISA)).toBe('487290******1615');
    expect(maskPan('374416331598199')).toBe('374416*****8199');
  });
});

describe('scalarLeaves', () => {
  it('yields strings and integers with their paths, not floats or booleans', () => {
    const value = { card: { number: 4872903234131615, cvc: '123' }, amount: 10.5, ok: true, list: ['a'] };
    expect(scalarLeaves(value, ['example'])).toEqual([
      { text: LIVE_VISA, path: ['example', 'card', 'number'] },
      { text: '123', path: ['example', 'card', 'cvc'] },
      { text: 'a', path: ['example', 'list', 0] },
    ]);
  });
  it('skips negative numbers', () => {
    expect(scalarLeaves({ ordinal: -2250837741010944 }, [])).toEqual([]);
  });
  it('survives cycles', () => {
    const a: Record<string, unknown> = { x: '1' };
    a.self = a;
    expect(scalarLeaves(a, [])).toEqual([{ text: '1', path: ['x'] }]);
  });
});

describe('panCapacity', () => {
  it('says "admits" for digit patterns and numeric types', () => {
    expect(panCapacity({ type: 'string', pattern: '^[0-9]{16}$' })).toMatchObject({ capacity: 'admits' });
    expect(panCapacity({ type: 'string', pattern: '^5[1-5][0-9]{14}$' })).toMatchObject({ capacity: 'admits' });
    expect(panCapacity({ type: 'integer' })).toMatchObject({ capacity: 'admits', reason: 'it is of type integer' });
  });
  it('says "excludes" for masked and truncated shapes', () => {
    expect(panCapacity({ type: 'string', maxLength: 4 })).toEqual({ capacity: 'excludes', reason: 'its maxLength is 4' });
    expect(panCapacity({ type: 'string', pattern: '^[0-9]{6}[*]{6}[0-9]{4}$' })).toMatchObject({ capacity: 'excludes' });
    expect(panCapacity({ type: 'string', pattern: '^[0-9]{4}$' })).toMatchObject({ capacity: 'excludes' });
    expect(panCapacity({ type: 'string', pattern: '^[A-Z]{5}[0-9]{4}[A-Z]$' })).toMatchObject({ capacity: 'excludes' });
    expect(panCapacity({ type: 'string', format: 'uuid' })).toMatchObject({ capacity: 'excludes' });
    expect(panCapacity({ type: 'boolean' })).toMatchObject({ capacity: 'excludes' });
    expect(panCapacity({ type: 'string', enum: ['visa', 'mastercard'] })).toMatchObject({ capacity: 'excludes' });
  });
  it('says "unknown" for a bare string and survives invalid patterns', () => {
    expect(panCapacity({ type: 'string' })).toMatchObject({ capacity: 'unknown' });
    expect(panCapacity({ type: 'string', pattern: '([' })).toMatchObject({ capacity: 'unknown' });
  });
});

describe('isPanInputPattern', () => {
  it('accepts anchored 12-19 digit patterns', () => {
    expect(isPanInputPattern('^[0-9]{12,19}$')).toBe(true);
    expect(isPanInputPattern('^\\d{13,19}$')).toBe(true);
    expect(isPanInputPattern('^[0-9]{16}$')).toBe(true);
  });
  it('rejects unanchored, too permissive or non-digit patterns', () => {
    expect(isPanInputPattern('[0-9]{12,19}')).toBe(false);
    expect(isPanInputPattern('^[0-9]+$')).toBe(false);
    expect(isPanInputPattern('^.*$')).toBe(false);
    expect(isPanInputPattern('^[0-9]{4}$')).toBe(false);
    expect(isPanInputPattern(undefined)).toBe(false);
  });
});
