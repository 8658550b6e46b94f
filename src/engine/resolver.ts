import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Resolver } from '@stoplight/spectral-ref-resolver';
import { checkLimits, decodeText, DEFAULT_LIMITS, type Limits } from './limits.js';

export interface RefPolicy {
  /** Directory that file `$ref`s may not leave (checked after following symlinks). */
  root: string;
  /**
   * Fetch `http(s)://` refs. `true` for any host, or a list of allowed hosts (`api.example.com`, or
   * `127.0.0.1:8080` for one port only). Off by default.
   */
  allowRemoteRefs?: boolean | readonly string[];
  /** Largest referenced file or response accepted, in bytes (default: limits.maxFileBytes). */
  maxRefBytes?: number;
  /** Timeout for one remote fetch, in milliseconds. */
  remoteTimeoutMs?: number;
  /** Depth, alias and total-size limits applied to what the references read (default DEFAULT_LIMITS). */
  limits?: Pick<Limits, 'maxFileBytes' | 'maxDepth' | 'maxAliases' | 'maxResolvedBytes'>;
}

export const DEFAULT_MAX_REF_BYTES = DEFAULT_LIMITS.maxFileBytes;
export const DEFAULT_REMOTE_TIMEOUT_MS = 10_000;

/** Thrown (and reported by Spectral as an `invalid-ref` finding on the `$ref`) when a reference is refused. */
export class RefRefused extends Error {}

/** A `__proto__` mapping key, plain or quoted, in YAML or JSON text. */
const PROTO_KEY = /(?:^|[\s{,])["']?__proto__["']?[ \t]*:/m;

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Whether a URL's host is on the allow list: by host name (any port) or by `host:port`. */
export function hostAllowed(url: URL, allow: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return allow.some((entry) => {
    const e = entry.trim().toLowerCase();
    return e === host || e === `${host}:${port}` || (host.startsWith('[') && e === host.slice(1, -1));
  });
}

/** Reads a response body, giving up as soon as it is larger than `max` bytes. */
async function readCapped(res: Response, max: number, href: string): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > max) throw new RefRefused(`remote $ref ${href} is larger than the ${max}-byte limit`);
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new RefRefused(`remote $ref ${href} is larger than the ${max}-byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * A resolver that reads local files only inside the lint root and fetches remote refs only when the user opted
 * in. Everything a reference reads goes through the same limits as an input document (size, depth, aliases, text
 * encoding) and counts against the document's total resolved size. Every refusal is an error on the `$ref` node,
 * never a crash, and no network is touched by default. Remote documents it fetched are recorded in `fetched`.
 */
export function createSafeResolver(policy: RefPolicy, fetched?: Map<string, string>): Resolver {
  const limits = policy.limits ?? DEFAULT_LIMITS;
  const maxBytes = Math.min(policy.maxRefBytes ?? limits.maxFileBytes, limits.maxFileBytes);
  let realRoot: string | undefined;
  let resolvedBytes = 0;

  /** Counts what a reference read against the total, then checks encoding and the per-file limits. */
  const accept = (what: string, buf: Uint8Array, isJson: boolean): string => {
    resolvedBytes += buf.byteLength;
    if (resolvedBytes > limits.maxResolvedBytes) {
      throw new RefRefused(`${what} not read: the $ref'd files of this document exceed the ${limits.maxResolvedBytes}-byte total resolved size limit`);
    }
    const decoded = decodeText(buf);
    if ('reason' in decoded) throw new RefRefused(`${what} refused: ${decoded.reason.replace(/^file is/, 'it is')}`);
    const over = checkLimits(decoded.text, isJson, limits);
    if (over) throw new RefRefused(`${what} refused: ${over.replace(/^file is/, 'it is')}`);
    // Like the loader (protoKeyPath): Spectral's parsers would turn the key into an object's prototype.
    if (PROTO_KEY.test(decoded.text)) throw new RefRefused(`${what} refused: it has a key named "__proto__"`);
    return decoded.text;
  };

  const readFileRef = async (ref: { href(): string }): Promise<string> => {
    const target = path.resolve(decodeURIComponent(ref.href()));
    realRoot ??= await fs.realpath(policy.root).catch(() => path.resolve(policy.root));
    if (!isInside(path.resolve(policy.root), target) && !isInside(realRoot, target)) {
      throw new RefRefused(`$ref to ${target} refused: it is outside the lint root ${policy.root} (use --root to widen it)`);
    }
    let real: string;
    try {
      real = await fs.realpath(target);
    } catch {
      throw new RefRefused(`$ref target ${target} does not exist or cannot be read`);
    }
    if (!isInside(realRoot, real)) {
      throw new RefRefused(`$ref to ${target} refused: it resolves (through a symbolic link) outside the lint root ${policy.root}`);
    }
    const stat = await fs.stat(real);
    if (!stat.isFile()) throw new RefRefused(`$ref target ${target} is not a regular file`);
    if (stat.size > maxBytes) throw new RefRefused(`$ref target ${target} is larger than the ${maxBytes}-byte limit`);
    const buf = await fs.readFile(real);
    // Spectral parses a `.json` target as JSON and anything else as YAML.
    return accept(`$ref target ${target}`, buf, path.extname(target) === '.json');
  };

  const readRemoteRef = async (ref: { href(): string }): Promise<string> => {
    const href = ref.href();
    const allow = policy.allowRemoteRefs;
    if (!allow || (Array.isArray(allow) && allow.length === 0)) {
      throw new RefRefused(`remote $ref ${href} not fetched: remote references are off (use --allow-remote-refs to fetch them)`);
    }
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      throw new RefRefused(`remote $ref ${href} is not a valid URL`);
    }
    if (Array.isArray(allow) && !hostAllowed(url, allow)) {
      throw new RefRefused(`remote $ref ${href} not fetched: host ${url.host} is not in the allowed list`);
    }
    const timeout = policy.remoteTimeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS;
    let buf: Uint8Array;
    try {
      // Redirects are not followed: a redirect could lead to a host that is not on the allow list.
      const res = await fetch(href, { signal: AbortSignal.timeout(timeout), redirect: 'manual' });
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel().catch(() => undefined);
        const to = res.headers.get('location');
        throw new RefRefused(`remote $ref ${href} not fetched: it redirects (HTTP ${res.status})${to ? ` to ${to}` : ''}, and redirects are not followed`);
      }
      if (!res.ok) throw new RefRefused(`remote $ref ${href} could not be fetched: HTTP ${res.status}`);
      buf = await readCapped(res, maxBytes, href);
    } catch (e) {
      if (e instanceof RefRefused) throw e;
      const name = (e as Error)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new RefRefused(`remote $ref ${href} not fetched within ${timeout} ms`);
      const cause = (e as { cause?: { message?: string } })?.cause?.message;
      throw new RefRefused(`remote $ref ${href} could not be fetched: ${cause ?? (e as Error)?.message ?? String(e)}`);
    }
    const text = accept(`remote $ref ${href}`, buf, path.extname(url.pathname) === '.json');
    fetched?.set(href, text);
    return text;
  };

  return new Resolver({
    resolvers: {
      file: { resolve: readFileRef },
      http: { resolve: readRemoteRef },
      https: { resolve: readRemoteRef },
    },
  });
}
