import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-input-upload-limits';

const ok = { '201': { description: 'created' } };
const multipart = (file: object, encoding?: object) => ({
  '/documents': {
    post: {
      requestBody: {
        content: { 'multipart/form-data': { schema: { type: 'object', additionalProperties: false, properties: { file } }, ...(encoding ? { encoding } : {}) } },
      },
      responses: ok,
    },
  },
});
const FILE = ['paths', '/documents', 'post', 'requestBody', 'content', 'multipart/form-data', 'schema', 'properties', 'file'];

testRule(RULE, [
  {
    name: '3.1: a multipart file part without size limit or media types is reported',
    document: oasDoc('3.1', { paths: multipart({ type: 'string', format: 'binary' }) }),
    errors: [
      {
        message:
          'Property "file" in the request body of POST /documents is a file upload with no size limit (maxLength or x-max-file-size) and no allowed media types (encoding.file.contentType).',
        path: FILE,
      },
    ],
  },
  {
    name: '3.1: a wildcard part media type is reported',
    document: oasDoc('3.1', { paths: multipart({ type: 'string', contentMediaType: 'application/octet-stream', maxLength: 1000 }, { file: { contentType: 'image/png, */*' } }) }),
    errors: [{ path: FILE, message: 'Property "file" in the request body of POST /documents is a file upload with a wildcard media type in encoding.file.contentType.' }],
  },
  {
    name: '3.1: a raw binary body without schema needs x-max-file-size on the media type',
    document: oasDoc('3.1', {
      paths: {
        '/statements/import': { post: { requestBody: { content: { 'application/pdf': {} } }, responses: ok } },
        '/receipts': { post: { requestBody: { content: { 'image/png': { 'x-max-file-size': 2000000 } } }, responses: ok } },
      },
    }),
    errors: [
      {
        path: ['paths', '/statements/import', 'post', 'requestBody', 'content', 'application/pdf'],
        message: 'The application/pdf request body of POST /statements/import is a file upload with no size limit (x-max-file-size on the media type).',
      },
    ],
  },
  {
    name: '3.1: limits on the schema, the media type or the encoding, and 3.1 contentMediaType, pass; base64 inside JSON is not an upload',
    document: oasDoc('3.1', {
      paths: {
        ...multipart({ type: 'string', contentMediaType: 'application/pdf', 'x-max-file-size': 5000000 }),
        '/avatars': {
          post: {
            requestBody: {
              content: {
                'multipart/form-data': {
                  schema: { type: 'object', properties: { image: { type: 'string', format: 'binary' } } },
                  encoding: { image: { contentType: 'image/png, image/jpeg', 'x-max-file-size': 1000000 } },
                },
              },
            },
            responses: ok,
          },
        },
        '/threeds': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { cavv: { type: 'string', format: 'byte' } } } } } }, responses: ok } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: an upload schema in another file is reported there',
    document: oasDoc('3.1', { paths: multipart({ $ref: 'files.yaml#/Pdf' }, { file: { contentType: 'application/pdf' } }) }),
    files: { 'files.yaml': { Pdf: { type: 'string', format: 'binary' } } },
    errors: [{ source: 'files.yaml', path: ['Pdf'], message: /is a file upload with no size limit \(maxLength or x-max-file-size\)\.$/ }],
  },
  {
    name: '3.0: a raw octet-stream body schema without maxLength is reported',
    document: oasDoc('3.0', {
      paths: { '/files': { put: { requestBody: { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, responses: ok } } },
    }),
    errors: [{ path: ['paths', '/files', 'put', 'requestBody', 'content', 'application/octet-stream', 'schema'], message: /^The request body of PUT \/files \(application\/octet-stream\) is a file upload with no size limit/ }],
  },
  {
    name: '3.0: a bounded part with a declared media type passes',
    document: oasDoc('3.0', { paths: multipart({ type: 'string', format: 'binary', maxLength: 10485760 }, { file: { contentType: 'application/pdf' } }) }),
    errors: [],
  },
  {
    name: '2.0: a formData file parameter needs x-max-file-size',
    document: oasDoc('2.0', {
      paths: {
        '/documents': {
          post: {
            consumes: ['multipart/form-data'],
            parameters: [
              { name: 'file', in: 'formData', type: 'file' },
              { name: 'scan', in: 'formData', type: 'file', 'x-max-file-size': 1000000 },
            ],
            responses: ok,
          },
        },
      },
    }),
    errors: [{ path: ['paths', '/documents', 'post', 'parameters', 0], message: 'Form field "file" of POST /documents is a file upload with no size limit (maxLength or x-max-file-size).' }],
  },
  {
    name: '2.0: a limited file parameter passes',
    document: oasDoc('2.0', {
      paths: {
        '/documents': {
          post: { consumes: ['multipart/form-data'], parameters: [{ name: 'file', in: 'formData', type: 'file', 'x-max-file-size': 1000000 }], responses: ok },
        },
      },
    }),
    errors: [],
  },
]);
