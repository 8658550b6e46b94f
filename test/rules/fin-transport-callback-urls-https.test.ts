import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-transport-callback-urls-https';

const noContent = { post: { responses: { '204': { description: 'received' } } } };

function paymentsOp(extra: Record<string, unknown>) {
  return { '/payments': { post: { responses: { '201': { description: 'created' } }, ...extra } } };
}

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: runtime-expression callback keys, https keys and relative operationRefs pass',
    document: oasDoc('3.1', {
      paths: paymentsOp({
        callbacks: {
          paymentStatus: { '{$request.body#/notificationUrl}': noContent },
          settlement: { 'https://notify.partner.example/settlement': noContent },
          mixed: { '{$request.body#/baseUrl}/status?id={$response.body#/id}': noContent },
        },
        responses: {
          '201': {
            description: 'created',
            links: {
              self: { operationRef: '#/paths/~1payments/post' },
              remote: { operationRef: 'https://specs.bank.example/refunds.yaml#/paths/~1refunds/post', server: { url: 'https://refunds.bank.example' } },
            },
          },
        },
      }),
    }),
    errors: [],
  },
  {
    name: '3.1: an http callback key is reported at the key',
    document: oasDoc('3.1', {
      paths: paymentsOp({ callbacks: { paymentStatus: { 'http://notify.partner.example/status': noContent } } }),
    }),
    errors: [
      {
        message: 'Callback "paymentStatus" targets "http://notify.partner.example/status" over http://, not https://.',
        path: ['paths', '/payments', 'post', 'callbacks', 'paymentStatus', 'http://notify.partner.example/status'],
      },
    ],
  },
  {
    name: '3.1: a template key with a literal http prefix and a cleartext callback server are reported',
    document: oasDoc('3.1', {
      paths: paymentsOp({
        callbacks: {
          status: {
            'http://notify.partner.example/{$request.query.merchant}': noContent,
            '{$request.body#/url}': { servers: [{ url: 'http://relay.partner.example' }], ...noContent },
          },
        },
      }),
    }),
    errors: [
      { message: /targets "http:\/\/notify\.partner\.example\/\{\$request\.query\.merchant\}"/, path: ['paths', '/payments', 'post', 'callbacks', 'status', 'http://notify.partner.example/{$request.query.merchant}'] },
      {
        message: 'Server URL "http://relay.partner.example" of callback "status" uses http://, not https://.',
        path: ['paths', '/payments', 'post', 'callbacks', 'status', '{$request.body#/url}', 'servers', 0, 'url'],
      },
    ],
  },
  {
    name: '3.1: links with an http operationRef or server url, in an operation response and in components.links',
    document: oasDoc('3.1', {
      paths: paymentsOp({
        responses: {
          '201': {
            description: 'created',
            links: { refund: { operationRef: 'http://specs.bank.example/refunds.yaml#/paths/~1refunds/post' } },
          },
        },
      }),
      components: { links: { status: { operationId: 'getStatus', server: { url: 'http://status.bank.example' } } } },
    }),
    errors: [
      {
        message: 'Link "refund" refers to "http://specs.bank.example/refunds.yaml#/paths/~1refunds/post" over http://, not https://.',
        path: ['paths', '/payments', 'post', 'responses', '201', 'links', 'refund', 'operationRef'],
      },
      {
        message: 'Link "status" sends clients to server "http://status.bank.example", which uses http://, not https://.',
        path: ['components', 'links', 'status', 'server', 'url'],
      },
    ],
  },
  {
    name: '3.1: callbacks of webhooks and of components.pathItems operations are inspected',
    document: oasDoc('3.1', {
      webhooks: {
        paymentEvent: { post: { callbacks: { ack: { 'ws://ack.partner.example': noContent } }, responses: { '200': { description: 'ok' } } } },
      },
      components: {
        pathItems: {
          Refunds: { post: { callbacks: { done: { 'http://partner.example/done': noContent } }, responses: { '201': { description: 'ok' } } } },
        },
      },
    }),
    errors: [
      { path: ['webhooks', 'paymentEvent', 'post', 'callbacks', 'ack', 'ws://ack.partner.example'] },
      { path: ['components', 'pathItems', 'Refunds', 'post', 'callbacks', 'done', 'http://partner.example/done'] },
    ],
  },
  {
    name: '3.1: a response $ref\'d from another file: its link is reported in that file',
    document: oasDoc('3.1', { paths: paymentsOp({ responses: { '201': { $ref: 'responses.yaml#/Created' } } }) }),
    files: {
      'responses.yaml': { Created: { description: 'created', links: { status: { operationRef: 'http://specs.bank.example/status.yaml#/paths/~1status/get' } } } },
    },
    errors: [{ path: ['Created', 'links', 'status', 'operationRef'], source: 'responses.yaml' }],
  },
  {
    // Spectral cannot map a path through a $ref when a later key contains "/" (a URL key), so the finding lands
    // on the enclosing callback in the right file rather than on the key itself.
    name: '3.1: a callback $ref\'d from another file is reported in that file, on the callback',
    document: oasDoc('3.1', { paths: paymentsOp({ callbacks: { paymentStatus: { $ref: 'callbacks.yaml#/PaymentStatus' } } }) }),
    files: { 'callbacks.yaml': { PaymentStatus: { 'http://notify.partner.example/status': noContent } } },
    errors: [{ message: /targets "http:\/\/notify\.partner\.example\/status"/, path: ['PaymentStatus'], source: 'callbacks.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: https callback keys pass',
    document: oasDoc('3.0', {
      paths: paymentsOp({ callbacks: { paymentStatus: { 'https://notify.partner.example/status': noContent } } }),
    }),
    errors: [],
  },
  {
    // Reported once, where the component is written (on the callback: see the note on URL keys above).
    name: '3.0: a components.callbacks entry used by two operations is reported once',
    document: oasDoc('3.0', {
      paths: {
        '/payments': {
          post: { callbacks: { status: { $ref: '#/components/callbacks/Status' } }, responses: { '201': { description: 'created' } } },
          put: { callbacks: { status: { $ref: '#/components/callbacks/Status' } }, responses: { '200': { description: 'ok' } } },
        },
      },
      components: { callbacks: { Status: { 'http://notify.partner.example/status': noContent } } },
    }),
    errors: [{ message: /targets "http:\/\/notify\.partner\.example\/status"/, path: ['components', 'callbacks', 'Status'] }],
  },
]);
