import { describe, expect, it } from 'vitest';
import { cardClassifier, classifyCardData, pathContextSegment, type CardClassification } from '../../functions/utils/cardData.js';
import { classify, declaredClassifications, tokenizeName, type ClassifierConfig, type ContextName } from '../../functions/utils/classify.js';
import type { JsonObject } from '../../functions/utils/guards.js';

const config = cardClassifier();

function cls(name: string, schema: JsonObject = { type: 'string' }, context: ContextName[] = [], annotated: JsonObject[] = [schema]): CardClassification | undefined {
  return classifyCardData({ name, schema, annotated, context }, config);
}
const kindOf = (name: string, schema?: JsonObject, context: ContextName[] = []) => {
  const c = cls(name, schema, context);
  return c ? `${c.class}/${c.kind}` : undefined;
};
const card: ContextName[] = [{ label: 'schema "Card"', name: 'Card' }];

describe('tokenizeName', () => {
  it('splits camelCase, snake_case, kebab-case and digits', () => {
    expect(tokenizeName('cardNumberLast4')).toEqual(['card', 'number', 'last', '4']);
    expect(tokenizeName('cvc_check')).toEqual(['cvc', 'check']);
    expect(tokenizeName('X-Card-Expiry')).toEqual(['x', 'card', 'expiry']);
    expect(tokenizeName('cvv2')).toEqual(['cvv', '2']);
  });
  it('reads a lower-case letter before capitals as part of an acronym (ISO 20022 style names)', () => {
    expect(tokenizeName('pINData')).toEqual(['pin', 'data']);
    expect(tokenizeName('ncrptdPINBlck')).toEqual(['ncrptd', 'pin', 'blck']);
  });
});

describe('PAN', () => {
  it.each(['cardNumber', 'card_no', 'primaryAccountNumber', 'PAN', 'pan', 'ccNumber', 'credit_card_number', 'debitCardNumber', 'fpan'])(
    '%s is a full PAN',
    (name) => expect(kindOf(name)).toBe('pan/full'),
  );
  it.each(['cardNumberLast4', 'panLast4', 'last4', 'maskedPan', 'truncatedCardNumber', 'cardBin', 'panFirst6'])(
    '%s is not a full PAN',
    (name) => expect(kindOf(name)).not.toBe('pan/full'),
  );
  it('derives masked and token kinds from the rest of the name', () => {
    expect(kindOf('panLast4')).toBe('pan/masked');
    expect(kindOf('maskedPan')).toBe('pan/masked');
    expect(kindOf('panToken')).toBe('pan/token');
    expect(kindOf('encryptedCardNumber')).toBe('pan/token');
    expect(kindOf('cardNumberHash')).toBe('pan/token');
  });
  it.each(['pageToken', 'trackingNumber', 'cardId', 'cardNumberType', 'panEntryMode', 'panSequenceNumber', 'cardBrand', 'shippingAddress', 'orderNumber'])(
    '%s is not card data',
    (name) => expect(cls(name)).toBeUndefined(),
  );
  it('accepts account number and a bare number only in a card context', () => {
    expect(cls('accountNumber')).toBeUndefined();
    expect(cls('number')).toBeUndefined();
    expect(kindOf('accountNumber', { type: 'string' }, card)).toBe('pan/full');
    expect(cls('number', { type: 'string' }, [{ label: 'property "card"', name: 'card' }])).toMatchObject({
      class: 'pan',
      kind: 'full',
      reason: 'its name is "number" in a card context (property "card")',
    });
    expect(kindOf('cardAccountNumber')).toBe('pan/full');
    expect(cls('bankAccountNumber', { type: 'string' }, card)).toBeUndefined();
  });
  it('turns a PAN name into a masked PAN when the schema cannot hold a full card number', () => {
    expect(cls('cardNumber', { type: 'string', maxLength: 4 })).toMatchObject({
      kind: 'masked',
      by: 'evidence',
      reason: 'its name contains "card number", but its maxLength is 4, so it cannot hold a full card number',
    });
    expect(kindOf('pan', { type: 'string', pattern: '^[A-Z]{5}[0-9]{4}[A-Z]$' })).toBe('pan/masked');
    expect(cls('maskedPan', { type: 'string', pattern: '^[0-9]{16}$' })?.capacity?.capacity).toBe('admits');
  });
  it('recognises a generic name in a card context by a card-number pattern', () => {
    const path: ContextName[] = [{ label: 'path /cards/{value}', name: 'cards' }];
    expect(cls('value', { type: 'string', pattern: '^[0-9]{13,19}$' }, path)).toMatchObject({ class: 'pan', kind: 'full', by: 'evidence' });
    expect(cls('value', { type: 'string' }, path)).toBeUndefined();
    expect(cls('value', { type: 'string', pattern: '^[0-9]{13,19}$' })).toBeUndefined();
    expect(cls('cardId', { type: 'string', pattern: '^[0-9]{16}$' }, path)).toBeUndefined();
  });
});

describe('card context', () => {
  it('needs the card word as the head of a surrounding name', () => {
    expect(kindOf('number', { type: 'string' }, [{ label: 'schema "CardDetails"', name: 'CardDetails' }])).toBe('pan/full');
    expect(kindOf('number', { type: 'string' }, [{ label: 'schema "CheckoutForwardRequestCard"', name: 'CheckoutForwardRequestCard' }])).toBe('pan/full');
    expect(kindOf('number', { type: 'string' }, [{ label: 'schema "payment_method_details_card_present"', name: 'payment_method_details_card_present' }])).toBe('pan/full');
    expect(cls('number', { type: 'string' }, [{ label: 'schema "DebitAccountCardLink"', name: 'DebitAccountCardLink' }])).toBeUndefined();
    expect(cls('number', { type: 'string' }, [{ label: 'schema "CardProgram"', name: 'CardProgram' }])).toBeUndefined();
    expect(cls('number', { type: 'string' }, [{ label: 'schema "Cardholder"', name: 'Cardholder' }])).toBeUndefined();
  });
  it('finds the segment of a path that a parameter belongs to', () => {
    expect(pathContextSegment('/cards/{number}', 'number', 'path')).toBe('cards');
    expect(pathContextSegment('/v1/cards/{card_token}/transactions/{number}', 'number', 'path')).toBe('transactions');
    expect(pathContextSegment('/v1/cards', 'expiry', 'query')).toBe('cards');
    expect(pathContextSegment('/cards/{id}/balances', 'expiry', 'query')).toBe('balances');
    expect(pathContextSegment('/{id}', 'id', 'path')).toBeUndefined();
  });
  it('lets an account number yield to a sibling that holds the card number', () => {
    const subject = (siblings: string[]) =>
      classifyCardData({ name: 'accountNumber', schema: { type: 'string' }, annotated: [], context: card, siblings }, config);
    expect(subject(['accountNumber', 'status'])).toMatchObject({ class: 'pan' });
    expect(subject(['accountNumber', 'number'])).toBeUndefined();
    expect(subject(['accountNumber', 'maskedPan'])).toBeUndefined();
  });
  it('falls back to the schema name or title of the value', () => {
    const withAlias = (name: string, alias: string) =>
      classifyCardData({ name, schema: { type: 'string' }, annotated: [], context: [], aliases: [{ label: `its title "${alias}"`, name: alias }] }, config);
    expect(withAlias('txtVal', 'Track 2 Data (Text)')).toMatchObject({ class: 'sad', kind: 'track', reason: 'its title "Track 2 Data (Text)" contains "track 2"' });
    expect(withAlias('xpryDt', 'Card Expiration Date')).toMatchObject({ class: 'card-expiry' });
    expect(withAlias('ref', 'CardNumber')).toMatchObject({ class: 'pan', kind: 'full' });
    expect(withAlias('amount', 'Number')).toBeUndefined();
    expect(withAlias('cvcCheck', 'Cvc')).toBeUndefined();
  });
});

describe('sensitive authentication data', () => {
  it.each([
    ['cvv', 'cvc'],
    ['cvc', 'cvc'],
    ['cvv2', 'cvc'],
    ['CVC2', 'cvc'],
    ['card_verification_value', 'cvc'],
    ['cardSecurityCode', 'cvc'],
    ['cvv_number', 'cvc'],
    ['pin', 'pin'],
    ['pinBlock', 'pin'],
    ['encryptedPinBlock', 'pin'],
    ['pINData', 'pin'],
    ['track2', 'track'],
    ['track1Data', 'track'],
    ['trackData', 'track'],
    ['magStripe', 'track'],
    ['track2Equivalent', 'track'],
  ])('%s is SAD (%s)', (name, kind) => expect(kindOf(name)).toBe(`sad/${kind}`));
  it.each([
    'cvcCheck',
    'cvvResult',
    'cvvResponseCode',
    'cvc_check',
    'cvcPolicy',
    'pinEntryCapability',
    'pin_status',
    'pinEntered',
    'pinLngthCpblties',
    'pinPadInprtv',
    'shippingAddress',
    'spinner',
    'trackingNumber',
    'trackId',
    'magStripeCapability',
    'adminMenuPin',
    'screenLockPin',
    'devicePin',
  ])('%s is not SAD', (name) => expect(cls(name)).toBeUndefined());
  it('does not take a terminal passcode for a cardholder PIN', () => {
    expect(cls('refundPin', { type: 'string' }, [{ label: 'schema "Passcodes"', name: 'Passcodes' }])).toBeUndefined();
    expect(cls('pin', { type: 'string' }, [{ label: 'schema "TerminalSettings"', name: 'TerminalSettings' }])).toBeUndefined();
  });
  it('needs a card context or CVC-shaped evidence for "security code" and "cid"', () => {
    expect(cls('securityCode')).toBeUndefined();
    expect(kindOf('securityCode', { type: 'string' }, card)).toBe('sad/cvc');
    expect(cls('securityCode', { type: 'string', pattern: '^[0-9]{3,4}$' })).toMatchObject({
      kind: 'cvc',
      reason: 'its name contains "security code" and its pattern "^[0-9]{3,4}$" fits a 3-4 digit card verification code',
    });
    expect(cls('cid')).toBeUndefined();
    expect(kindOf('cid', { type: 'string' }, card)).toBe('sad/cvc');
  });
  it('does not take a postal PIN code for a PIN', () => {
    expect(kindOf('pinCode')).toBe('sad/pin');
    expect(cls('pinCode', { type: 'string' }, [{ label: 'schema "ShippingAddress"', name: 'ShippingAddress' }])).toBeUndefined();
    expect(cls('pinCodeOfAddress')).toBeUndefined();
    expect(cls('pin', { type: 'string' }, [{ label: 'schema "Address"', name: 'Address' }])).toBeUndefined();
  });
  it('uses schema evidence against the class: booleans and word enums are not codes', () => {
    expect(cls('cvc', { type: 'boolean' })).toBeUndefined();
    expect(cls('cvc', { type: 'string', enum: ['pass', 'fail', 'unavailable'] })).toBeUndefined();
    expect(cls('cvv_code', { type: 'string', enum: ['E', 'M', 'N', '0', '1'] })).toBeUndefined();
    expect(cls('pin', { type: 'string', const: '0000' })).toBeUndefined();
    expect(cls('cvc', { type: 'object', properties: {} })).toBeUndefined();
  });
  it('takes an object named as a PIN or track data for a container of it', () => {
    expect(kindOf('pin', { type: 'object', properties: { encryptedBlock: { type: 'string' } } })).toBe('sad/pin');
    expect(kindOf('trck2', { type: 'object', properties: { txtVal: { type: 'string' } } })).toBe('sad/track');
    expect(cls('pinSettings', { type: 'object', properties: {} })).toBeUndefined();
    const container = (name: string, alias: string) =>
      classifyCardData(
        { name, schema: { type: 'object', properties: { value: { type: 'string' } } }, annotated: [], context: [], aliases: [{ label: `its title "${alias}"`, name: alias }] },
        config,
      );
    expect(container('pin', 'Pinned Issue Comment')).toBeUndefined();
    expect(container('pin', 'EncryptedPinBlock')).toMatchObject({ class: 'sad', kind: 'pin' });
  });
});

describe('card expiry', () => {
  it('counts only in a card context', () => {
    expect(cls('expiryDate')).toBeUndefined();
    expect(cls('expiresAt')).toBeUndefined();
    expect(kindOf('expiryDate', { type: 'string' }, card)).toBe('card-expiry/expiry');
    expect(kindOf('exp_month', { type: 'integer' }, [{ label: 'property "card"', name: 'card' }])).toBe('card-expiry/expiry');
    expect(cls('cardExpiry')).toMatchObject({ class: 'card-expiry', reason: 'its name contains "expiry" in a card context ("card" in the name)' });
  });
  it('keeps token and session expiries out even in a card context', () => {
    expect(cls('tokenExpiry', { type: 'string' }, card)).toBeUndefined();
    expect(cls('expiresInSeconds', { type: 'integer' }, card)).toBeUndefined();
    expect(cls('card_expiry_check')).toBeUndefined();
  });
});

describe('x-data-classification', () => {
  const declared = (name: string, value: unknown, schema: JsonObject = { type: 'string' }) =>
    classifyCardData({ name, schema, annotated: [{ ...schema, 'x-data-classification': value }], context: [] }, config);
  it('names the class regardless of the name', () => {
    expect(declared('reference', 'pci-pan')).toMatchObject({ class: 'pan', kind: 'full', by: 'declaration', reason: 'it is declared x-data-classification: pci-pan' });
    expect(declared('value', 'pci-sad')).toMatchObject({ class: 'sad', kind: 'unspecified' });
    expect(declared('cardNumber', 'pci-pan-masked')).toMatchObject({ class: 'pan', kind: 'masked', by: 'declaration' });
    expect(declared('cardNumber', 'PCI_PAN_TOKEN')).toMatchObject({ class: 'pan', kind: 'token' });
  });
  it('keeps the kind the name gives when the declaration covers several kinds', () => {
    expect(declared('cvc', 'pci-sad')).toMatchObject({ class: 'sad', kind: 'cvc', by: 'declaration' });
  });
  it('overrides a name match with another class of the vocabulary', () => {
    expect(declared('cardNumber', 'public')).toBeUndefined();
    expect(declared('pin', 'personal')).toBeUndefined();
    expect(declared('cvc', ['internal'])).toBeUndefined();
  });
  it('confirms: pci-chd supplies the card context, credential confirms a PIN', () => {
    expect(declared('expiry', 'pci-chd')).toMatchObject({ class: 'card-expiry', reason: 'its name contains "expiry" in a card context (its declared classification)' });
    expect(declared('pin', 'credential')).toMatchObject({ class: 'sad', kind: 'pin' });
    expect(declared('cardNumber', 'credential')).toBeUndefined();
  });
  it('ignores unknown organisation-specific values and weak aliases', () => {
    expect(declared('cardNumber', 'restricted-tier-2')).toMatchObject({ class: 'pan', kind: 'full' });
    expect(classifyCardData({ name: 'cvv', schema: {}, annotated: [{ 'x-pii': true }], context: [] }, config)).toMatchObject({ class: 'sad' });
    expect(declaredClassifications([{ 'x-sensitive': 'pci-sad' }, { 'x-pii': true }])).toEqual({ values: ['pci-sad'], weak: ['personal'] });
  });
});

describe('options', () => {
  it('adds names and vetoes per class, and card-context words', () => {
    const custom = cardClassifier({ pan: { names: ['cardRefNumber'], vetoes: ['legacy'] }, cvc: { names: ['card check value'] }, cardContext: ['plastic'] });
    const run = (name: string, context: ContextName[] = []) => classifyCardData({ name, schema: { type: 'string' }, annotated: [], context }, custom);
    expect(run('cardRefNumber')).toMatchObject({ class: 'pan', reason: 'its name contains "card ref number"' });
    expect(run('legacyCardNumber')).toBeUndefined();
    expect(run('cardCheckValue')).toMatchObject({ class: 'sad', kind: 'cvc' });
    expect(run('number', [{ label: 'schema "Plastic"', name: 'Plastic' }])).toMatchObject({ class: 'pan' });
    expect(classifyCardData({ name: 'cardRefNumber', schema: {}, annotated: [], context: [] }, config)).toBeUndefined();
  });
});

describe('the generic engine', () => {
  it('classifies with any class set, so other families can add classes', () => {
    const emails: ClassifierConfig = {
      classes: [{ id: 'personal', kind: 'email', label: 'an email address', entries: [{ phrase: 'email' }], vetoes: ['merchant', 'verified'] }],
      contexts: {},
      declared: { personal: { class: 'personal', kind: 'unspecified', label: 'personal data' } },
    };
    const run = (name: string, annotated: JsonObject[] = []) => classify({ name, schema: { type: 'string' }, annotated, context: [] }, emails);
    expect(run('customerEmail')).toMatchObject({ class: 'personal', kind: 'email', reason: 'its name contains "email"' });
    expect(run('merchantEmail')).toBeUndefined();
    expect(run('contact', [{ 'x-data-classification': 'personal' }])).toMatchObject({ class: 'personal', by: 'declaration' });
    expect(run('customerEmail', [{ 'x-data-classification': 'public' }])).toBeUndefined();
  });
});
