import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Finding } from '../../src/engine/types.js';
import { runCli, type CliRun } from '../cli/helpers.js';

/** A small valid document that raises no error-severity finding in the recommended preset. */
export const OK_DOC = `openapi: 3.1.0
info: {title: Fine, version: 1.0.0}
servers: [{url: 'https://api.bank.example'}]
paths: {}
`;

/** A document whose only content is what `paths` gives it: a path item per entry, each a `$ref`. */
export function refDoc(refs: Record<string, string>): string {
  const lines = ['openapi: 3.1.0', 'info: {title: Refs, version: 1.0.0}', "servers: [{url: 'https://api.bank.example'}]", 'paths:'];
  for (const [p, ref] of Object.entries(refs)) lines.push(`  ${p}:`, `    $ref: '${ref}'`);
  return `${lines.join('\n')}\n`;
}

/** A path item that triggers fin-transport-https-only wherever it is read from. */
export const INSECURE_PATH_ITEM = `servers:
  - url: http://insecure.bank.example
get:
  responses:
    '200': {description: ok}
`;

export class TempDir {
  private constructor(readonly dir: string) {}
  static async create(prefix = 'finlint-robust-'): Promise<TempDir> {
    return new TempDir(await mkdtemp(path.join(tmpdir(), prefix)));
  }
  path(...parts: string[]): string {
    return path.join(this.dir, ...parts);
  }
  async write(rel: string, content: string | Uint8Array): Promise<string> {
    const file = this.path(rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    return file;
  }
  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

export interface Timed extends CliRun {
  ms: number;
  findings: Finding[];
}

/** Runs the CLI in-process (always with --format json) and parses its output. */
export async function lintJson(cwd: string, args: string[]): Promise<Timed> {
  const started = performance.now();
  const r = await runCli(['lint', ...args, '--format', 'json'], { cwd });
  const ms = performance.now() - started;
  return { ...r, ms, findings: r.stdout.trim() === '' ? [] : (JSON.parse(r.stdout) as Finding[]) };
}

/** stderr lines of a run, one per input error. */
export function errorLines(r: CliRun): string[] {
  return r.stderr.split('\n').filter(Boolean);
}

export interface TestServer {
  url: string;
  port: number;
  /** Every request the server saw, as `METHOD path`. */
  requests: string[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 (random port) that records every request it receives. */
export async function startServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
