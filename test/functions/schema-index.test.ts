import { describe, expect, it } from 'vitest';
import { cardDataIndex } from '../../functions/utils/cardData.js';
import type { JsonObject } from '../../functions/utils/guards.js';
import { operations } from '../../functions/utils/oas.js';
import { componentSchemaName, schemaIndex } from '../../functions/utils/schemaWalker.js';

/** A "resolved" document: shared components are the same objects wherever they are used, as in Spectral's resolved input. */
function resolvedDoc(): JsonObject {
  const card = { type: 'object', properties: { number: { type: 'string' }, cvc: { type: 'string' }, last4: { type: 'string' } } };
  const wallet = { type: 'object', properties: { cards: { type: 'array', items: card } } };
  const cardParam = { name: 'cardNumber', in: 'query', schema: { type: 'string' } };
  const reusable = { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: card } } } } } };
  const unused = { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { pin: { type: 'string' } } } } } } } } };
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/wallets/{id}': { get: { parameters: [cardParam], responses: { '200': { description: 'ok', content: { 'application/json': { schema: wallet } } } } } },
      '/cards': { post: { requestBody: { content: { 'application/json': { schema: card } } }, responses: { '201': { description: 'ok' } } } },
      '/reused': reusable,
      '/health': { get: { responses: { '200': { description: 'ok' } } } },
    },
    components: { schemas: { Card: card, Wallet: wallet }, parameters: { CardNumber: cardParam }, pathItems: { Reused: reusable, Unused: unused } },
  };
}

describe('schemaIndex', () => {
  it('records the name of the holding object, through array items', () => {
    const visits = schemaIndex(resolvedDoc()).visits;
    const cvc = visits.find((v) => v.name === 'cvc' && v.ctx.direction === 'response');
    expect(cvc?.parentName).toBe('cards');
    expect(cvc?.path).toEqual(['paths', '/wallets/{id}', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'cards', 'items', 'properties', 'cvc']);
  });
  it('keeps the Parameter Object of a parameter value', () => {
    const visit = schemaIndex(resolvedDoc()).visits.find((v) => v.name === 'cardNumber');
    expect(visit?.holder).toMatchObject({ name: 'cardNumber', in: 'query' });
    expect(visit?.isParameter).toBe(true);
  });
  it('indexes child visits per expanded schema and top-level visits per operation', () => {
    const doc = resolvedDoc();
    const index = schemaIndex(doc);
    const walletOp = operations(doc).find((o) => o.pathKey === '/wallets/{id}')!;
    const roots = index.operationRoots.get(walletOp)!;
    expect(roots.map((r) => r.name ?? '(body)')).toEqual(['cardNumber', '(body)']);
    const body = roots[1];
    expect(index.childVisits(body.schema, body.ctx).map((v) => v.name)).toEqual(['cards']);
  });
  it('walks 3.1 components.pathItems that no path uses, and does not walk used ones twice', () => {
    const visits = schemaIndex(resolvedDoc()).visits;
    expect(visits.some((v) => v.name === 'pin' && v.path[0] === 'components' && v.path[2] === 'Unused')).toBe(true);
    expect(visits.some((v) => v.path[0] === 'components' && v.path[2] === 'Reused')).toBe(false);
  });
  it('names component schemas by object identity', () => {
    const doc = resolvedDoc();
    const card = (doc.components as JsonObject).schemas as JsonObject;
    expect(componentSchemaName(doc, card.Card as object)).toBe('Card');
    expect(componentSchemaName(doc, {})).toBeUndefined();
  });
});

describe('cardDataIndex', () => {
  it('answers per operation even where a shared schema was expanded under another operation', () => {
    const doc = resolvedDoc();
    const index = cardDataIndex(doc);
    const byPath = (p: string) => operations(doc).find((o) => o.pathKey === p)!;
    // Card is first expanded (as a response) under /wallets/{id}; /reused reaches the same object later.
    expect(index.operationCardData(byPath('/reused'))).toMatchObject({ cls: { class: 'pan', kind: 'full' } });
    expect(index.operationCardData(byPath('/cards'))?.visit.name).toBe('number');
    expect(index.operationCardData(byPath('/health'))).toBeUndefined();
  });
  it('lists every URL parameter once, however often it is used', () => {
    const hits = cardDataIndex(resolvedDoc()).parameters;
    expect(hits.map((h) => [h.name, h.location, h.cls.class])).toEqual([['cardNumber', 'query', 'pan']]);
  });
  it('is computed once per document and option set', () => {
    const doc = resolvedDoc();
    expect(cardDataIndex(doc)).toBe(cardDataIndex(doc, null));
    expect(cardDataIndex(doc, { pan: { names: ['wallet number'] } })).not.toBe(cardDataIndex(doc));
  });
});
