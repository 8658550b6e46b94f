import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-audit-correlation-id';
const NAMES = 'X-Request-ID, X-Correlation-ID, x-fapi-interaction-id, traceparent, Request-Id or Correlation-Id';
const uuid = { type: 'string', format: 'uuid', maxLength: 36 };
const reqId = { name: 'X-Request-ID', in: 'header', schema: uuid };
const echo = { 'X-Request-ID': { schema: uuid } };
const ok = (headers: object = echo) => ({ description: 'ok', headers });

testRule(RULE, [
  {
    name: '3.1: a document without any correlation header gets one finding per side, at paths',
    document: oasDoc('3.1', {
      paths: { '/accounts': { get: { responses: { '200': { description: 'ok' } } } }, '/payments': { post: { responses: { '201': { description: 'ok' } } } } },
    }),
    errors: [
      { message: `No operation accepts a correlation header (${NAMES}); all 2 operations can be traced only by timestamps.`, path: ['paths'] },
      {
        message: `No response returns a correlation header (${NAMES}); declare it on every response, or in x-default-response-headers when a gateway adds it.`,
        path: ['paths'],
      },
    ],
  },
  {
    name: '3.1: shared components.parameters and components.headers on every response (errors included) pass',
    document: oasDoc('3.1', {
      components: {
        parameters: { RequestId: reqId },
        headers: { RequestId: { schema: uuid } },
        responses: { Error: { description: 'error', headers: { 'X-Request-ID': { $ref: '#/components/headers/RequestId' } } } },
      },
      paths: {
        '/accounts': {
          parameters: [{ $ref: '#/components/parameters/RequestId' }],
          get: { responses: { '200': { description: 'ok', headers: { 'X-Request-ID': { $ref: '#/components/headers/RequestId' } } }, default: { $ref: '#/components/responses/Error' } } },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: names match case-insensitively; traceparent and x-fapi-interaction-id count',
    document: oasDoc('3.1', {
      paths: {
        '/a': { get: { parameters: [{ name: 'TRACEPARENT', in: 'header', schema: { type: 'string' } }], responses: { '200': ok({ traceparent: { schema: { type: 'string' } } }) } } },
        '/b': { get: { parameters: [{ name: 'X-Fapi-Interaction-Id', in: 'header', schema: uuid }], responses: { '200': ok({ 'x-fapi-interaction-id': { schema: uuid } }) } } },
        '/c': { get: { parameters: [{ name: 'x-request-id', in: 'header', schema: uuid }], responses: { '200': ok({ 'x-correlation-id': { schema: uuid } }) } } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: where some operations are traced, the gaps are reported per operation and per response object',
    document: oasDoc('3.1', {
      components: { responses: { Error: { description: 'error' } } },
      paths: {
        '/accounts': { get: { parameters: [reqId], responses: { '200': ok(), '500': { $ref: '#/components/responses/Error' } } } },
        '/payments': { post: { responses: { '201': ok(), '500': { $ref: '#/components/responses/Error' } } } },
      },
    }),
    errors: [
      {
        message: 'The 500 response of GET /accounts and 1 more operation does not return a correlation header (' + NAMES + ').',
        path: ['components', 'responses', 'Error'],
      },
      { message: `POST /payments does not accept a correlation header (${NAMES}).`, path: ['paths', '/payments', 'post'] },
    ],
  },
  {
    name: '3.1: a response in another file that does not return the header is reported there',
    document: oasDoc('3.1', {
      paths: { '/accounts': { get: { parameters: [reqId], responses: { '200': ok(), '404': { $ref: 'responses.yaml#/NotFound' } } } } },
    }),
    files: { 'responses.yaml': { NotFound: { description: 'not found' } } },
    errors: [{ path: ['NotFound'], source: 'responses.yaml' }],
  },
  {
    name: '3.0: a gateway declaration in x-default-response-headers covers the responses',
    document: oasDoc('3.0', {
      'x-default-response-headers': ['X-Request-ID'],
      paths: { '/accounts': { get: { parameters: [reqId], responses: { '200': { description: 'ok' }, '500': { description: 'error' } } } } },
    }),
    errors: [],
  },
  {
    name: '3.0: an X-Request-ID query parameter is not a header',
    document: oasDoc('3.0', {
      'x-default-response-headers': { 'X-Request-ID': { schema: uuid } },
      paths: {
        '/accounts': { get: { parameters: [reqId], responses: { '200': ok() } } },
        '/cards': { get: { parameters: [{ name: 'X-Request-ID', in: 'query', schema: uuid }], responses: { '200': ok() } } },
      },
    }),
    errors: [{ path: ['paths', '/cards', 'get'] }],
  },
  {
    name: '2.0: inline header parameters and response headers pass',
    document: oasDoc('2.0', {
      paths: {
        '/accounts': {
          get: {
            parameters: [{ name: 'X-Request-ID', in: 'header', type: 'string', format: 'uuid' }],
            responses: { '200': { description: 'ok', headers: { 'X-Request-ID': { type: 'string' } } } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: a response without the header fails at the response',
    document: oasDoc('2.0', {
      paths: {
        '/accounts': {
          get: {
            parameters: [{ name: 'X-Request-ID', in: 'header', type: 'string' }],
            responses: { '200': { description: 'ok', headers: { 'X-Request-ID': { type: 'string' } } }, '400': { description: 'bad' } },
          },
        },
      },
    }),
    errors: [{ path: ['paths', '/accounts', 'get', 'responses', '400'] }],
  },
]);

describe(`${RULE} options`, () => {
  it('headerNames replaces the accepted names', async () => {
    const doc = oasDoc('3.1', {
      paths: { '/a': { get: { parameters: [{ name: 'Request-Context', in: 'header', schema: uuid }], responses: { '200': ok({ 'Request-Context': { schema: uuid } }) } } } },
    });
    expect(await runRuleWithOptions(RULE, { headerNames: ['Request-Context'] }, doc)).toEqual([]);
    expect(await runRuleWithOptions(RULE, {}, doc)).toHaveLength(2);
  });
});
