import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-auth-no-http-basic';

testRule(RULE, [
  {
    name: '3.1: bearer and OIDC schemes pass',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration' },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: http basic (any case) fails at scheme',
    document: oasDoc('3.1', { components: { securitySchemes: { basicAuth: { type: 'http', scheme: 'Basic' } } } }),
    errors: [{ message: 'Security scheme "basicAuth" uses HTTP Basic authentication.', path: ['components', 'securitySchemes', 'basicAuth', 'scheme'] }],
  },
  {
    name: '3.1: a $ref\'d scheme in another file is reported there',
    document: oasDoc('3.1', { components: { securitySchemes: { legacy: { $ref: 'schemes.yaml#/Legacy' } } } }),
    files: { 'schemes.yaml': { Legacy: { type: 'http', scheme: 'basic' } } },
    errors: [{ path: ['Legacy', 'scheme'], source: 'schemes.yaml' }],
  },
  {
    name: '3.0: http basic fails',
    document: oasDoc('3.0', { components: { securitySchemes: { b: { type: 'http', scheme: 'basic' } } } }),
    errors: [{ path: ['components', 'securitySchemes', 'b', 'scheme'] }],
  },
  {
    name: '3.0: a scheme named "basic" that is really bearer passes',
    document: oasDoc('3.0', { components: { securitySchemes: { basic: { type: 'http', scheme: 'bearer' } } } }),
    errors: [],
  },
  {
    name: '2.0: type basic fails',
    document: oasDoc('2.0', { securityDefinitions: { basicAuth: { type: 'basic' } } }),
    errors: [{ path: ['securityDefinitions', 'basicAuth', 'type'] }],
  },
  {
    name: '2.0: oauth2 passes',
    document: oasDoc('2.0', {
      securityDefinitions: {
        oauth: { type: 'oauth2', flow: 'application', tokenUrl: 'https://auth.bank.example/token', scopes: {} },
      },
    }),
    errors: [],
  },
]);
