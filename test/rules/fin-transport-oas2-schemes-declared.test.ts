import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-transport-oas2-schemes-declared';

const ok = { responses: { '200': { description: 'ok' } } };

testRule(RULE, [
  {
    name: '2.0: root schemes [https] passes',
    document: oasDoc('2.0', { host: 'api.bank.example', basePath: '/v1', schemes: ['https'], paths: { '/payments': { get: ok } } }),
    errors: [],
  },
  {
    name: '2.0: a missing root schemes is reported at swagger',
    document: oasDoc('2.0', { host: 'api.bank.example', basePath: '/v1', paths: { '/payments': { get: ok } } }),
    errors: [
      {
        message:
          'The document declares no root schemes, so clients use the scheme the document was fetched with (possibly http); add schemes: [https].',
        path: ['swagger'],
      },
    ],
  },
  {
    name: '2.0: an empty root schemes list is reported at schemes',
    document: oasDoc('2.0', { host: 'api.bank.example', schemes: [] }),
    errors: [
      {
        message: 'The root schemes list is empty, so clients use the scheme the document was fetched with; list https.',
        path: ['schemes'],
      },
    ],
  },
  {
    name: '2.0: no root schemes, but every operation declares its own: silent',
    document: oasDoc('2.0', {
      host: 'api.bank.example',
      paths: { '/payments': { get: { ...ok, schemes: ['https'] }, post: { ...ok, schemes: ['https'] } } },
    }),
    errors: [],
  },
  {
    name: '2.0: no root schemes and one operation without its own: reported once at swagger',
    document: oasDoc('2.0', {
      host: 'api.bank.example',
      paths: { '/payments': { get: { ...ok, schemes: ['https'] }, post: ok } },
    }),
    errors: [{ path: ['swagger'] }],
  },
  {
    name: '2.0: an empty operation schemes list is reported at the operation',
    document: oasDoc('2.0', {
      host: 'api.bank.example',
      schemes: ['https'],
      paths: { '/payments': { post: { ...ok, schemes: [] } } },
    }),
    errors: [{ message: 'Operation POST /payments declares an empty schemes list; list https.', path: ['paths', '/payments', 'post', 'schemes'] }],
  },
  {
    name: '2.0: a path item $ref\'d from another file: its empty operation schemes list is reported there',
    document: oasDoc('2.0', { host: 'api.bank.example', schemes: ['https'], paths: { '/cards': { $ref: 'paths/cards.yaml' } } }),
    files: { 'paths/cards.yaml': { get: { ...ok, schemes: [] } } },
    errors: [{ path: ['get', 'schemes'], source: 'paths/cards.yaml' }],
  },
  {
    name: '2.0: http in schemes is not this rule\'s finding (fin-transport-https-only reports it)',
    document: oasDoc('2.0', { host: 'api.bank.example', schemes: ['http'] }),
    errors: [],
  },
  {
    name: '3.1: documents without schemes are out of scope',
    document: oasDoc('3.1', { servers: [{ url: 'https://api.bank.example' }] }),
    errors: [],
  },
  {
    name: '3.0: documents without schemes are out of scope',
    document: oasDoc('3.0', {}),
    errors: [],
  },
]);
