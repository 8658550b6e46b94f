import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-audit-sensitive-ops-flagged';
const TAIL = 'but declares no audit event; add x-audit-event: <event name> (or x-audit-log: true).';
const ok = { responses: { '204': { description: 'done' } } };
const card = {
  type: 'object',
  properties: { id: { type: 'string', format: 'uuid' }, pan: { type: 'string', pattern: '^[0-9]{12,19}$', maxLength: 19 }, last4: { type: 'string', maxLength: 4 } },
};
const maskedCard = { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, panLast4: { type: 'string', maxLength: 4 } } };
const json = (schema: object) => ({ responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } });

testRule(RULE, [
  {
    name: '3.1: changing a password without an audit event is reported at the operation',
    document: oasDoc('3.1', { paths: { '/users/{userId}/password': { put: ok } } }),
    errors: [{ message: `PUT /users/{userId}/password verifies credentials (its path contains "password") and changes password, ${TAIL}`, path: ['paths', '/users/{userId}/password', 'put'] }],
  },
  {
    name: '3.1: x-audit-event or x-audit-log: true on the operation satisfies the rule',
    document: oasDoc('3.1', {
      paths: {
        '/users/{userId}/password': { put: { ...ok, 'x-audit-event': 'credential.changed' } },
        '/users': { post: { ...ok, 'x-audit-log': true } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: an operation in another file that returns a full card number is reported there',
    document: oasDoc('3.1', { paths: { '/cards/{cardId}': { $ref: 'paths.yaml#/Card' } } }),
    files: { 'paths.yaml': { Card: { get: json(card) } } },
    errors: [
      {
        message: `GET /cards/{cardId} returns card data ("pan", a card number (PAN)), ${TAIL}`,
        path: ['Card', 'get'],
        source: 'paths.yaml',
      },
    ],
  },
  {
    name: '3.1: masked card numbers, reads of users and writes of other resources under /users stay silent',
    document: oasDoc('3.1', {
      components: { schemas: { Card: maskedCard } },
      paths: {
        '/cards/{cardId}': { get: json({ $ref: '#/components/schemas/Card' }) },
        '/users': { get: json({ type: 'object' }) },
        '/users/{userId}/orders': { post: ok },
        '/customers': { post: ok },
        '/users/search': { post: ok },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: administrative and authentication operations are listed with every reason',
    document: oasDoc('3.1', {
      paths: {
        '/admin/users/{userId}': { delete: ok },
        '/oauth2/token': { post: ok },
        '/internal/reports': { get: { ...ok, 'x-admin': false } },
        '/keys/{keyId}/rotate': { post: ok },
      },
    }),
    errors: [
      { message: `DELETE /admin/users/{userId} is administrative and deletes users, ${TAIL}`, path: ['paths', '/admin/users/{userId}', 'delete'] },
      { message: `POST /oauth2/token verifies credentials (its path contains "token"), ${TAIL}`, path: ['paths', '/oauth2/token', 'post'] },
      { message: `POST /keys/{keyId}/rotate creates or changes keys, ${TAIL}`, path: ['paths', '/keys/{keyId}/rotate', 'post'] },
    ],
  },
  {
    name: '3.0: info.x-audit-log: true declares that every operation is audited',
    document: oasDoc('3.0', {
      info: { title: 'Cards API', version: '1.0.0', 'x-audit-log': true },
      paths: { '/roles': { post: ok }, '/cards/{id}': { get: json(card) } },
    }),
    errors: [],
  },
  {
    name: '3.0: a response property declared pci-sad counts as card data',
    document: oasDoc('3.0', {
      paths: { '/cards/{id}/secrets': { get: json({ type: 'object', properties: { value: { type: 'string', 'x-data-classification': 'pci-sad' } } }) } },
    }),
    errors: [{ message: /returns card data \("value", sensitive authentication data\)/, path: ['paths', '/cards/{id}/secrets', 'get'] }],
  },
  {
    name: '2.0: creating a role without an audit event fails; a test harness is skipped',
    document: oasDoc('2.0', {
      paths: { '/roles': { post: ok }, '/simulate/roles': { post: ok } },
    }),
    errors: [{ message: `POST /roles creates or changes roles, ${TAIL}`, path: ['paths', '/roles', 'post'] }],
  },
  {
    name: '2.0: a flagged card read passes',
    document: oasDoc('2.0', {
      paths: { '/cards/{id}': { get: { 'x-audit-event': 'card.pan.viewed', responses: { '200': { description: 'ok', schema: card } } } } },
    }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  it('resources and adminMarkers replace the defaults', async () => {
    const doc = oasDoc('3.1', { paths: { '/signing-keys': { post: ok }, '/staff/reports': { get: ok }, '/users': { post: ok } } });
    const findings = await runRuleWithOptions(RULE, { resources: ['signing keys'], adminMarkers: ['staff'] }, doc);
    expect(findings.map((f) => f.path)).toEqual([
      ['paths', '/signing-keys', 'post'],
      ['paths', '/staff/reports', 'get'],
    ]);
  });
});
