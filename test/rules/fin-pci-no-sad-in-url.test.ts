import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-pci-no-sad-in-url';

const res = { '200': { description: 'ok' } };

testRule(RULE, [
  {
    name: '3.1: a cvv query parameter is reported at the parameter',
    document: oasDoc('3.1', {
      paths: { '/payments': { get: { parameters: [{ name: 'cvv', in: 'query', schema: { type: 'string' } }], responses: res } } },
    }),
    errors: [
      {
        message: 'Query parameter "cvv" of /payments puts sensitive authentication data in the URL (a card verification code: its name contains "cvv").',
        path: ['paths', '/payments', 'get', 'parameters', 0],
      },
    ],
  },
  {
    name: '3.1: SAD in a request body and result fields in the query pass',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          get: {
            parameters: [
              { name: 'cvcCheck', in: 'query', schema: { type: 'string' } },
              { name: 'pinEntryCapability', in: 'query', schema: { type: 'string' } },
              { name: 'trackingNumber', in: 'query', schema: { type: 'string' } },
              { name: 'pageToken', in: 'query', schema: { type: 'string' } },
            ],
            responses: res,
          },
          post: {
            requestBody: {
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { cvv: { type: 'string', pattern: '^[0-9]{3,4}$', writeOnly: true, 'x-data-classification': 'pci-sad' } } },
                },
              },
            },
            responses: res,
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a PIN header defined in components and $ref\'d is reported once, where it is defined',
    document: oasDoc('3.1', {
      paths: {
        '/cards/{cardId}/activate': { post: { parameters: [{ $ref: '#/components/parameters/PinHeader' }], responses: res } },
        '/cards/{cardId}/unblock': { post: { parameters: [{ $ref: '#/components/parameters/PinHeader' }], responses: res } },
      },
      components: { parameters: { PinHeader: { name: 'X-Card-PIN', in: 'header', required: true, schema: { type: 'string' } } } },
    }),
    errors: [
      {
        message: 'Header parameter "X-Card-PIN" of /cards/{cardId}/activate (and 1 more) puts sensitive authentication data in a request header (a PIN or PIN block: its name contains "pin").',
        path: ['components', 'parameters', 'PinHeader'],
      },
    ],
  },
  {
    name: '3.1: a parameter in another file is reported there',
    document: oasDoc('3.1', { paths: { '/payments': { post: { parameters: [{ $ref: 'params.yaml#/Track2' }], responses: res } } } }),
    files: { 'params.yaml': { Track2: { name: 'track2_data', in: 'query', schema: { type: 'string' } } } },
    errors: [{ path: ['Track2'], source: 'params.yaml' }],
  },
  {
    name: '3.0: a SAD property of a deepObject query parameter is reported at the property',
    document: oasDoc('3.0', {
      paths: {
        '/payments': {
          get: {
            parameters: [
              {
                name: 'card',
                in: 'query',
                style: 'deepObject',
                schema: { type: 'object', allOf: [{ properties: { number: { type: 'string' } } }, { properties: { security_code: { type: 'string' } } }] },
              },
            ],
            responses: res,
          },
        },
      },
    }),
    errors: [
      {
        message:
          'Property "security_code" of query parameter "card" of /payments puts sensitive authentication data in the URL (a card verification code: its name contains "security code" in a card context (parameter "card")).',
        path: ['paths', '/payments', 'get', 'parameters', 0, 'schema', 'allOf', 1, 'properties', 'security_code'],
      },
    ],
  },
  {
    name: '3.0: a cookie declared pci-sad is reported whatever its name',
    document: oasDoc('3.0', {
      paths: { '/checkout': { post: { parameters: [{ name: 'cv', in: 'cookie', 'x-data-classification': 'pci-sad', schema: { type: 'string' } }], responses: res } } },
    }),
    errors: [{ path: ['paths', '/checkout', 'post', 'parameters', 0], message: /puts sensitive authentication data in a cookie \(sensitive authentication data: it is declared/ }],
  },
  {
    name: '3.0: a postal PIN code and a terminal passcode are not card PINs',
    document: oasDoc('3.0', {
      paths: {
        '/stores': {
          get: {
            parameters: [
              { name: 'deliveryPinCode', in: 'query', schema: { type: 'string' } },
              { name: 'adminMenuPin', in: 'header', schema: { type: 'string' } },
              { name: 'pinSet', in: 'query', schema: { type: 'boolean' } },
            ],
            responses: res,
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: a PIN block in a path parameter is reported',
    document: oasDoc('2.0', {
      paths: { '/pins/{pinBlock}/verify': { post: { parameters: [{ name: 'pinBlock', in: 'path', required: true, type: 'string' }], responses: res } } },
    }),
    errors: [{ path: ['paths', '/pins/{pinBlock}/verify', 'post', 'parameters', 0], message: /^Path parameter "pinBlock" of \/pins\/\{pinBlock\}\/verify/ }],
  },
  {
    name: '2.0: SAD in formData (a request body) passes',
    document: oasDoc('2.0', {
      paths: { '/payments': { post: { consumes: ['application/x-www-form-urlencoded'], parameters: [{ name: 'cvc', in: 'formData', type: 'string' }], responses: res } } },
    }),
    errors: [],
  },
]);
