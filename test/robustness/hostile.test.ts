import { randomBytes } from 'node:crypto';
import { symlink } from 'node:fs/promises';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { panCapacity, isPanInputPattern } from '../../functions/utils/pan.js';
import { errorLines, INSECURE_PATH_ITEM, lintJson, OK_DOC, refDoc, startServer, TempDir, type TestServer } from './helpers.js';

/**
 * The hostile-input suite of issue 7: every case has an asserted outcome. An outcome is one of: an input error
 * (exit 2, one stderr line naming the file and the reason, the other files still linted), an `invalid-ref` finding
 * on the `$ref` node, or a normal lint. Nothing may crash, hang, read outside the lint root or touch the network.
 */

const invalidRefs = (r: { findings: { code: string; message: string; path: (string | number)[] }[] }) =>
  r.findings.filter((f) => f.code === 'invalid-ref').map((f) => ({ path: f.path, message: f.message }));

function billionLaughs(): string {
  const lines = ['openapi: 3.1.0', 'info: {title: t, version: "1"}', 'paths: {}', 'x-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++) lines.push(`x-a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

let t: TempDir;
beforeAll(async () => {
  t = await TempDir.create();
  await t.write('ok.yaml', OK_DOC);
});
afterAll(async () => {
  await t.remove();
});

describe('resource bombs', () => {
  it('billion laughs: an input error naming the alias limit, within seconds; the other file is linted', async () => {
    await t.write('bomb.yaml', billionLaughs());
    const r = await lintJson(t.dir, ['bomb.yaml', 'ok.yaml']);
    expect(r.code).toBe(2);
    expect(errorLines(r)).toEqual(['finlint: bomb.yaml: YAML aliases expand beyond the limit of 1000 (a YAML "billion laughs" bomb?)']);
    expect(r.ms).toBeLessThan(30_000);
  });
  it('billion laughs in a $ref\'d file: an invalid-ref finding on the $ref', async () => {
    await t.write('refbomb/api.yaml', refDoc({ '/a': 'bomb.yaml' }));
    await t.write('refbomb/bomb.yaml', billionLaughs().replace('paths: {}\n', ''));
    const r = await lintJson(t.path('refbomb'), ['api.yaml']);
    expect(r.code).toBe(1);
    expect(invalidRefs(r)).toEqual([{ path: ['paths', '/a', '$ref'], message: expect.stringMatching(/refused: YAML aliases expand beyond the limit of 1000/) }]);
  });
  it('10 000-deep nesting (JSON flow, YAML flow and YAML block): input errors naming the depth limit', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    await t.write('deep.json', `{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}, "x": ${deep}}`);
    await t.write('deep-flow.yaml', `openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\nx: ${deep}\n`);
    const block = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    await t.write('deep-block.yaml', `openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\nx:\n${block.replace(/^/gm, ' ')} 1\n`);
    const r = await lintJson(t.dir, ['deep.json', 'deep-flow.yaml', 'deep-block.yaml', 'ok.yaml']);
    expect(r.code).toBe(2);
    expect(errorLines(r)).toEqual([
      'finlint: deep.json: nesting is deeper than the limit of 512 levels',
      'finlint: deep-flow.yaml: nesting is deeper than the limit of 512 levels',
      'finlint: deep-block.yaml: nesting is deeper than the limit of 512 levels',
    ]);
    expect(r.ms).toBeLessThan(30_000);
  });
  it('nesting just under the limit lints normally (no stack overflow in parsers or rules)', async () => {
    let schema = '{"type": "string"}';
    for (let i = 0; i < 240; i++) schema = `{"type": "object", "properties": {"p${i}": ${schema}}}`;
    await t.write(
      'almost-deep.json',
      `{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "servers": [{"url": "https://a.example"}], "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": ${schema}}}}}}}}}`,
    );
    const r = await lintJson(t.dir, ['almost-deep.json']);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
  });
  it('a mapping with 300 000 keys (Spectral\'s parsers check duplicate keys in quadratic time): stopped by the time limit', async () => {
    const keys = Array.from({ length: 300_000 }, (_, i) => `"k${i}": 0`).join(', ');
    await t.write('wide.json', `{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}, "x-wide": {${keys}}}`);
    const r = await lintJson(t.dir, ['wide.json', 'ok.yaml', '--timeout', '3s']);
    expect(r.code).toBe(2);
    expect(errorLines(r)).toEqual(['finlint: wide.json: lint stopped: it took longer than the 3000 ms time limit (--timeout)']);
    expect(r.ms).toBeLessThan(60_000);
  });
  it('--max-depth lowers the depth limit', async () => {
    const r = await lintJson(t.dir, ['ok.yaml', '--max-depth', '2']);
    expect(r.code).toBe(2);
    expect(errorLines(r)).toEqual(['finlint: ok.yaml: nesting is deeper than the limit of 2 levels']);
  });
  it('a 50 MB spec: refused by the default 50 MiB file limit without being read; with the limit raised, stopped by --timeout; the other file is linted', async () => {
    // Generated at test time, never committed: 50 MiB and a little of ordinary operations.
    const item = (i: number) =>
      `"/accounts/{id}/items${i}": {"get": {"operationId": "op${i}", "description": "${'Lorem ipsum dolor sit amet. '.repeat(20)}", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "maxLength": 36}}], "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object", "properties": {"name": {"type": "string", "maxLength": 64}}}}}}}}}`;
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 50 * 1024 * 1024 + 1024; i++) {
      const s = item(i);
      parts.push(s);
      size += s.length + 2;
    }
    await t.write('big.json', `{"openapi": "3.0.3", "info": {"title": "Big", "version": "1.0.0"}, "servers": [{"url": "https://api.bank.example"}], "paths": {${parts.join(', ')}}}`);
    parts.length = 0;

    const refused = await lintJson(t.dir, ['big.json', 'ok.yaml']);
    expect(refused.code).toBe(2);
    expect(errorLines(refused)).toEqual(['finlint: big.json: file is larger than the 52428800-byte limit']);
    expect(refused.ms).toBeLessThan(20_000);

    const stopped = await lintJson(t.dir, ['big.json', 'ok.yaml', '--max-file-size', '64MB', '--timeout', '3s']);
    expect(stopped.code).toBe(2);
    expect(errorLines(stopped)).toEqual(['finlint: big.json: lint stopped: it took longer than the 3000 ms time limit (--timeout)']);
    expect(stopped.findings.every((f) => f.source === 'ok.yaml')).toBe(true);
  }, 240_000);
});

describe('$ref cycles', () => {
  it('self- and mutually-recursive $refs across files lint normally, without invalid-ref findings', async () => {
    await t.write(
      'cycles/a.yaml',
      `openapi: 3.1.0
info: {title: Cycles, version: 1.0.0}
servers: [{url: 'https://api.bank.example'}]
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: './b.yaml#/B'}
  /self:
    $ref: './a.yaml#/paths/~1self'
components:
  schemas:
    A:
      type: object
      properties:
        b: {$ref: './b.yaml#/B'}
    Self:
      type: object
      properties:
        me: {$ref: '#/components/schemas/Self'}
        viaFile: {$ref: './a.yaml#/components/schemas/Self'}
`,
    );
    await t.write('cycles/b.yaml', `B:\n  type: object\n  properties:\n    a: {$ref: './a.yaml#/components/schemas/A'}\n    b: {$ref: '#/B'}\n`);
    const r = await lintJson(t.path('cycles'), ['a.yaml']);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    expect(r.ms).toBeLessThan(60_000);
    // The path item that refers to itself is reported by Spectral, not followed forever.
    expect(invalidRefs(r).filter((f) => !String(f.path[1]).startsWith('/self'))).toEqual([]);
  });
});

describe('$ref confinement', () => {
  it('/etc/passwd: refused as outside the lint root by a ../ path; an absolute path or file: URL never reaches /etc', async () => {
    // Spectral's resolver takes `/etc/passwd` and `file:///etc/hostname` relative to the document's directory, so
    // they name files inside the root (which do not exist); `../` all the way up names the real /etc/passwd.
    await t.write('passwd/api.yaml', refDoc({ '/a': '/etc/passwd', '/b': 'file:///etc/hostname', '/c': `${'../'.repeat(30)}etc/passwd` }));
    const r = await lintJson(t.path('passwd'), ['api.yaml']);
    expect(r.code).toBe(1);
    expect(invalidRefs(r)).toEqual([
      { path: ['paths', '/a', '$ref'], message: `$ref target ${t.path('passwd', 'etc', 'passwd')} does not exist or cannot be read` },
      { path: ['paths', '/b', '$ref'], message: `$ref target ${t.path('passwd', 'etc', 'hostname')} does not exist or cannot be read` },
      { path: ['paths', '/c', '$ref'], message: expect.stringMatching(/^\$ref to \/etc\/passwd refused: it is outside the lint root/) },
    ]);
    expect(r.stdout).not.toMatch(/root:|daemon:/);
  });
  it('../../outside.yaml: refused as outside the lint root; --root above it allows it', async () => {
    await t.write('outside.yaml', INSECURE_PATH_ITEM);
    await t.write('up/one/api.yaml', refDoc({ '/a': '../../outside.yaml' }));
    const r = await lintJson(t.path('up/one'), ['api.yaml']);
    expect(invalidRefs(r)).toEqual([{ path: ['paths', '/a', '$ref'], message: expect.stringMatching(/outside\.yaml refused: it is outside the lint root/) }]);
    expect(r.findings.map((f) => f.code)).not.toContain('fin-transport-https-only');
    const widened = await lintJson(t.path('up/one'), ['api.yaml', '--root', t.dir]);
    expect(invalidRefs(widened)).toEqual([]);
    // A $ref'd file outside the working directory is named by its absolute path.
    expect(widened.findings.find((f) => f.code === 'fin-transport-https-only')).toMatchObject({ source: t.path('outside.yaml') });
  });
  it('a symbolic link (to a file or a directory) that leaves the root: refused; one that stays inside is followed', async () => {
    await t.write('secret/target.yaml', INSECURE_PATH_ITEM);
    await t.write('links/inside-target.yaml', INSECURE_PATH_ITEM);
    await symlink(t.path('secret/target.yaml'), t.path('links/file-link.yaml'));
    await symlink(t.path('secret'), t.path('links/dir-link'));
    await symlink(t.path('links/inside-target.yaml'), t.path('links/inside-link.yaml'));
    await t.write('links/api.yaml', refDoc({ '/a': './file-link.yaml', '/b': './dir-link/target.yaml', '/c': './inside-link.yaml' }));
    const r = await lintJson(t.path('links'), ['api.yaml']);
    expect(invalidRefs(r)).toEqual([
      { path: ['paths', '/a', '$ref'], message: expect.stringMatching(/file-link\.yaml refused: it resolves \(through a symbolic link\) outside the lint root/) },
      { path: ['paths', '/b', '$ref'], message: expect.stringMatching(/target\.yaml refused: it resolves \(through a symbolic link\) outside the lint root/) },
    ]);
    expect(r.findings.filter((f) => f.code === 'fin-transport-https-only').map((f) => f.source)).toEqual(['inside-link.yaml']);
  });
  it('a $ref to a binary, UTF-16 or over-sized file, or beyond the total resolved size: invalid-ref findings', async () => {
    await t.write('reads/image.yaml', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), randomBytes(256)]));
    await t.write('reads/utf16.yaml', Buffer.from(`\ufeff${INSECURE_PATH_ITEM}`, 'utf16le'));
    await t.write('reads/large.yaml', `${INSECURE_PATH_ITEM}x-pad: '${'x'.repeat(300 * 1024)}'\n`);
    await t.write('reads/part1.yaml', `${INSECURE_PATH_ITEM}x-pad: '${'x'.repeat(150 * 1024)}'\n`);
    await t.write('reads/part2.yaml', `${INSECURE_PATH_ITEM}x-pad: '${'y'.repeat(150 * 1024)}'\n`);
    await t.write('reads/api.yaml', refDoc({ '/a': 'image.yaml', '/b': 'utf16.yaml', '/c': 'large.yaml' }));
    const r = await lintJson(t.path('reads'), ['api.yaml', '--max-file-size', '256k']);
    expect(invalidRefs(r)).toEqual([
      { path: ['paths', '/a', '$ref'], message: expect.stringMatching(/image\.yaml refused: it is binary, not YAML or JSON$/) },
      { path: ['paths', '/b', '$ref'], message: expect.stringMatching(/utf16\.yaml refused: it is UTF-16 or UTF-32 encoded; save it as UTF-8$/) },
      { path: ['paths', '/c', '$ref'], message: expect.stringMatching(/large\.yaml is larger than the 262144-byte limit$/) },
    ]);
    await t.write('reads/total.yaml', refDoc({ '/p1': 'part1.yaml', '/p2': 'part2.yaml' }));
    const total = await lintJson(t.path('reads'), ['total.yaml', '--max-resolved-size', '200k']);
    const refused = invalidRefs(total);
    expect(refused).toHaveLength(1);
    expect(refused[0].message).toMatch(/exceed the 204800-byte total resolved size limit$/);
  });
});

describe('remote $refs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      if (req.url === '/redirect.yaml') {
        res.writeHead(302, { location: '/item.yaml' }).end();
      } else if (req.url === '/huge.yaml') {
        res.writeHead(200, { 'content-type': 'application/yaml' });
        res.end(`${INSECURE_PATH_ITEM}x-pad: '${'x'.repeat(2 * 1024 * 1024)}'\n`);
      } else {
        res.writeHead(200, { 'content-type': 'application/yaml' }).end(INSECURE_PATH_ITEM);
      }
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('off by default: http://127.0.0.1:<port> is refused and the server sees no request', async () => {
    await t.write('remote/api.yaml', refDoc({ '/a': `${server.url}/item.yaml` }));
    const before = server.requests.length;
    const r = await lintJson(t.path('remote'), ['api.yaml']);
    expect(invalidRefs(r)).toEqual([
      { path: ['paths', '/a', '$ref'], message: `remote $ref ${server.url}/item.yaml not fetched: remote references are off (use --allow-remote-refs to fetch them)` },
    ]);
    expect(server.requests.length).toBe(before);
  });
  it('with --allow-remote-refs and an allow list that includes the host (or host:port) it is fetched and linted', async () => {
    for (const allow of ['127.0.0.1', `127.0.0.1:${server.port}`, '']) {
      const before = server.requests.length;
      const r = await lintJson(t.path('remote'), ['api.yaml', `--allow-remote-refs=${allow}`]);
      expect(invalidRefs(r), allow).toEqual([]);
      expect(server.requests.slice(before)).toEqual(['GET /item.yaml']);
      expect(r.findings.find((f) => f.code === 'fin-transport-https-only')).toMatchObject({ source: `${server.url}/item.yaml`, path: ['servers', 0, 'url'] });
    }
  });
  it('a host (or port) not on the allow list is refused without a request', async () => {
    for (const allow of ['api.bank.example', '127.0.0.1:1']) {
      const before = server.requests.length;
      const r = await lintJson(t.path('remote'), ['api.yaml', '--allow-remote-refs', allow]);
      expect(invalidRefs(r)).toEqual([
        { path: ['paths', '/a', '$ref'], message: `remote $ref ${server.url}/item.yaml not fetched: host 127.0.0.1:${server.port} is not in the allowed list` },
      ]);
      expect(server.requests.length).toBe(before);
    }
  });
  it('a redirect is not followed, and a response over the size cap is refused', async () => {
    await t.write('remote/capped.yaml', refDoc({ '/r': `${server.url}/redirect.yaml`, '/h': `${server.url}/huge.yaml` }));
    const before = server.requests.length;
    const r = await lintJson(t.path('remote'), ['capped.yaml', '--allow-remote-refs', '127.0.0.1', '--max-file-size', '1MB']);
    expect(invalidRefs(r)).toEqual([
      { path: ['paths', '/r', '$ref'], message: `remote $ref ${server.url}/redirect.yaml not fetched: it redirects (HTTP 302) to /item.yaml, and redirects are not followed` },
      { path: ['paths', '/h', '$ref'], message: `remote $ref ${server.url}/huge.yaml is larger than the 1048576-byte limit` },
    ]);
    expect(server.requests.slice(before).sort()).toEqual(['GET /huge.yaml', 'GET /redirect.yaml']);
  });
});

describe('malformed files', () => {
  it('binary garbage: an input error (binary, or not UTF-8 when it has no NUL byte)', async () => {
    const garbage = randomBytes(64 * 1024);
    garbage[100] = 0;
    await t.write('garbage.yaml', garbage);
    await t.write('garbage-nonul.json', Buffer.from(randomBytes(64 * 1024).map((b) => (b === 0 ? 0xff : b))));
    const r = await lintJson(t.dir, ['garbage.yaml', 'garbage-nonul.json', 'ok.yaml']);
    expect(r.code).toBe(2);
    expect(errorLines(r)).toEqual([
      'finlint: garbage.yaml: file is binary, not YAML or JSON',
      expect.stringMatching(/^finlint: garbage-nonul\.json: file is not valid UTF-8 \(first bad byte at offset \d+\); save it as UTF-8$/),
    ]);
  });
  it('invalid UTF-8: an input error giving the offset of the first bad byte', async () => {
    const head = Buffer.from('openapi: 3.1.0\ninfo: {title: "caf');
    await t.write('latin1.yaml', Buffer.concat([head, Buffer.from([0xe9]), Buffer.from('", version: "1"}\npaths: {}\n')]));
    const r = await lintJson(t.dir, ['latin1.yaml']);
    expect(r.code).toBe(2);
    expect(errorLines(r)).toEqual([`finlint: latin1.yaml: file is not valid UTF-8 (first bad byte at offset ${head.length}); save it as UTF-8`]);
  });
  it('UTF-16: an input error asking for UTF-8', async () => {
    await t.write('utf16.yaml', Buffer.from(`\ufeff${OK_DOC}`, 'utf16le'));
    const r = await lintJson(t.dir, ['utf16.yaml']);
    expect(errorLines(r)).toEqual(['finlint: utf16.yaml: file is UTF-16 or UTF-32 encoded; save it as UTF-8']);
  });
  it('a UTF-8 byte-order mark: ignored; findings and positions are those of the same file without it', async () => {
    const doc = OK_DOC.replace("'https://api.bank.example'", "'http://api.bank.example'");
    await t.write('bom.yaml', `\ufeff${doc}`);
    await t.write('nobom.yaml', doc);
    const withBom = await lintJson(t.dir, ['bom.yaml']);
    const without = await lintJson(t.dir, ['nobom.yaml']);
    expect(withBom.code).toBe(1);
    expect(withBom.findings.map((f) => ({ ...f, source: 'x' }))).toEqual(without.findings.map((f) => ({ ...f, source: 'x' })));
    expect(withBom.findings.find((f) => f.code === 'fin-transport-https-only')?.range.start).toEqual({ line: 2, character: 16 });
  });
  it('duplicate keys: linted, with a parser finding on the second key (YAML and JSON)', async () => {
    await t.write('dup.yaml', `openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\nservers: [{url: 'https://api.bank.example'}]\npaths: {}\npaths: {}\n`);
    await t.write('dup.json', `{"openapi": "3.1.0", "info": {"title": "t", "version": "1.0.0"}, "servers": [{"url": "https://api.bank.example"}], "paths": {}, "paths": {}}`);
    const r = await lintJson(t.dir, ['dup.yaml', 'dup.json']);
    expect(r.code).toBe(1);
    const parser = r.findings.filter((f) => f.code === 'parser').map((f) => ({ source: f.source, message: f.message, line: f.range.start.line }));
    expect(parser).toEqual([
      { source: 'dup.json', message: 'Duplicate key: paths', line: 0 },
      { source: 'dup.yaml', message: 'Duplicate key: paths', line: 4 },
    ]);
  });
  it('a JSON spec with trailing commas: an input error with line and column', async () => {
    await t.write('trailing.json', '{\n  "openapi": "3.1.0",\n  "info": {"title": "t", "version": "1",},\n  "paths": {},\n}\n');
    const r = await lintJson(t.dir, ['trailing.json', 'ok.yaml']);
    expect(r.code).toBe(2);
    expect(errorLines(r)).toEqual([expect.stringMatching(/^finlint: trailing\.json:3:\d+: invalid JSON: .+$/)]);
  });
  it('a "__proto__" key (plain, or spelled with a JSON escape): an input error, not a crash or a hidden subtree', async () => {
    await t.write('proto.yaml', `${OK_DOC}x-a:\n  __proto__: {get: {responses: {'200': {description: ok}}}}\n`);
    await t.write('proto.json', '{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"\\u005f_proto__": {"a": 1}}}');
    // JSON texts are walked only when they spell the key out or escape one of its letters (src/engine/parse.ts)
    await t.write('proto-plain.json', '{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}, "x-a": {"b": [{"__proto__": {"c": 1}}]}}');
    await t.write('proto-letters.json', '{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}, "x-a": {"__pr\\u006F\\u0074o__": {"c": 1}}}');
    await t.write('proto-ref/api.yaml', refDoc({ '/a': 'item.yaml' }));
    await t.write('proto-ref/item.yaml', `"__proto__": {servers: [{url: 'http://a.example'}]}\n`);
    const r = await lintJson(t.dir, ['proto.yaml', 'proto.json', 'proto-plain.json', 'proto-letters.json', 'proto-ref/api.yaml']);
    expect(r.code).toBe(2);
    const refused = (file: string, where: string) =>
      `finlint: ${file}: has a key named "__proto__" in ${where}; finlint refuses it (the parser would turn it into the object's prototype and hide its contents from every rule)`;
    expect(errorLines(r)).toEqual([refused('proto.yaml', '/x-a'), refused('proto.json', '/paths'), refused('proto-plain.json', '/x-a/b/0'), refused('proto-letters.json', '/x-a')]);
    expect(invalidRefs(r)).toEqual([{ path: ['paths', '/a', '$ref'], message: expect.stringMatching(/item\.yaml refused: it has a key named "__proto__"$/) }]);
  });
  it('non-OpenAPI YAML (a CI file, a list, a scalar): input errors', async () => {
    await t.write('compose.yaml', 'services:\n  web:\n    image: nginx\n');
    await t.write('list.yaml', '- a\n- b\n');
    await t.write('scalar.yaml', 'just a string\n');
    const r = await lintJson(t.dir, ['compose.yaml', 'list.yaml', 'scalar.yaml', 'ok.yaml']);
    expect(r.code).toBe(2);
    expect(errorLines(r)).toEqual([
      'finlint: compose.yaml: not an OpenAPI document (no "openapi" or "swagger" field)',
      'finlint: list.yaml: not an OpenAPI document (the top level is not a mapping)',
      'finlint: scalar.yaml: not an OpenAPI document (the top level is not a mapping)',
    ]);
  });
});

describe('regular expressions from the document and the configuration', () => {
  // `^(?:\d*){20}x` takes hours on a 16-digit string with the backtracking engine; `^(\d+)+$` doubles per digit.
  const CATASTROPHIC = ['^(?:\\d*){20}x', '^(\\d+)+$', '^(\\d|\\d\\d)+$', '(\\d?){60}\\d{60}'];

  it('schema patterns are matched in linear time by the card-number heuristics', () => {
    const started = performance.now();
    for (const pattern of CATASTROPHIC) {
      panCapacity({ type: 'string', pattern });
      isPanInputPattern(pattern);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
  it('a document full of catastrophic patterns on card, personal-data and password fields lints quickly', async () => {
    const props = CATASTROPHIC.flatMap((p, i) => [
      `        cardNumber${i}: {type: string, pattern: '${p}'}`,
      `        pan${i}: {type: string, pattern: '${p}', example: '4111111111111111${'1'.repeat(40)}'}`,
      `        password${i}: {type: string, writeOnly: true, pattern: '${p}'}`,
      `        email${i}: {type: string, pattern: '${p}'}`,
    ]);
    await t.write(
      'regex.yaml',
      `openapi: 3.1.0
info: {title: Cards, version: 1.0.0}
servers: [{url: 'https://api.bank.example'}]
paths:
  /cards:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Card'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Card'}
components:
  schemas:
    Card:
      type: object
      properties:
${props.join('\n')}
`,
    );
    const r = await lintJson(t.dir, ['regex.yaml', '--preset', 'all', '--timeout', '60s']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(60_000);
  });
  it('a configured read-scope pattern runs in linear time on a long scope name', async () => {
    await t.write(
      'scopes/finlint.config.yaml',
      `extends: [finlint:all]\nrules:\n  fin-auth-write-scope-not-read-only:\n    options:\n      readScopes: ['^(a+)+$']\n`,
    );
    await t.write(
      'scopes/api.yaml',
      `openapi: 3.1.0
info: {title: Scopes, version: 1.0.0}
servers: [{url: 'https://api.bank.example'}]
security: [{oauth: ['${'a'.repeat(5000)}!']}]
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://auth.bank.example/token
          scopes: {'${'a'.repeat(5000)}!': long, aaaa: read}
paths:
  /payments:
    post:
      security: [{oauth: [aaaa]}]
      responses:
        '201': {description: created}
`,
    );
    const r = await lintJson(t.path('scopes'), ['api.yaml', '--timeout', '60s']);
    expect(r.stderr).toBe('');
    expect(r.findings.filter((f) => f.code === 'fin-auth-write-scope-not-read-only').map((f) => f.path)).toEqual([['paths', '/payments', 'post', 'security', 0]]);
  });
  it('a configured pattern with look-around or a back-reference is rejected when the configuration loads', async () => {
    await t.write('lookaround/finlint.config.yaml', `extends: [finlint:all]\nrules:\n  fin-auth-write-scope-not-read-only:\n    options:\n      readScopes: ['^(?=read)']\n`);
    await t.write('lookaround/api.yaml', OK_DOC);
    const r = await lintJson(t.path('lookaround'), ['api.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/without look-around or back-references/);
  });
});

describe('the per-document time limit', () => {
  const HANG_RULESET = `export default {
  rules: {
    'hang-on-marker': {
      description: 'Spins forever on a document marked x-hang.',
      severity: 'error',
      given: '$',
      then: {
        function: (input) => {
          if (input && input['x-hang'] === true) for (;;) {}
          return [{ message: 'Linted.' }];
        },
      },
    },
  },
};
`;
  it('stops a lint that runs too long: an input error, exit 2, and the next file is still linted', async () => {
    await t.write('hang/ruleset.js', HANG_RULESET);
    await t.write('hang/hang.yaml', 'openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\nx-hang: true\npaths: {}\n');
    await t.write('hang/fine.yaml', 'openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\n');
    const r = await lintJson(t.path('hang'), ['hang.yaml', 'fine.yaml', '--ruleset', 'ruleset.js', '--timeout', '2s']);
    expect(r.code).toBe(2);
    expect(errorLines(r)).toEqual(['finlint: hang.yaml: lint stopped: it took longer than the 2000 ms time limit (--timeout)']);
    // Spectral reports a function's result without its own message with the rule's description.
    expect(r.findings.map((f) => [f.source, f.code, f.message])).toEqual([['fine.yaml', 'hang-on-marker', 'Spins forever on a document marked x-hang.']]);
  });
  it('rejects malformed limit flags as usage errors', async () => {
    for (const args of [['--timeout', 'soon'], ['--max-file-size', '12 parsecs'], ['--max-depth', '0'], ['--max-aliases', '-1'], ['--max-resolved-size', '']]) {
      const r = await lintJson(t.dir, ['ok.yaml', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(errorLines(r), args.join(' ')).toEqual([expect.stringMatching(/^finlint: --/)]);
    }
  });
});
