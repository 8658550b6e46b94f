import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Resolver } from '@stoplight/spectral-ref-resolver';

export interface RefPolicy {
  /** Directory that file `$ref`s may not leave (checked after following symlinks). */
  root: string;
  /** Fetch `http(s)://` refs. `true` for any host, or a list of allowed host names. Off by default. */
  allowRemoteRefs?: boolean | readonly string[];
  /** Largest referenced file or response accepted, in bytes. */
  maxRefBytes?: number;
  /** Timeout for one remote fetch, in milliseconds. */
  remoteTimeoutMs?: number;
}

export const DEFAULT_MAX_REF_BYTES = 50 * 1024 * 1024;
const DEFAULT_REMOTE_TIMEOUT_MS = 10_000;

/** Thrown (and reported by Spectral as an `invalid-ref` finding on the `$ref`) when a reference is refused. */
export class RefRefused extends Error {}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/**
 * A resolver that reads local files only inside the lint root and fetches remote refs only when the user opted
 * in. Every refusal is an error on the `$ref` node, never a crash, and no network is touched by default.
 */
export function createSafeResolver(policy: RefPolicy): Resolver {
  const maxBytes = policy.maxRefBytes ?? DEFAULT_MAX_REF_BYTES;
  let realRoot: string | undefined;

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
    if (looksBinary(buf)) throw new RefRefused(`$ref target ${target} is not a text file`);
    return buf.toString('utf8');
  };

  const readRemoteRef = async (ref: { href(): string }): Promise<string> => {
    const href = ref.href();
    const allow = policy.allowRemoteRefs;
    if (!allow) {
      throw new RefRefused(`remote $ref ${href} not fetched: remote references are off (use --allow-remote-refs to fetch them)`);
    }
    const host = new URL(href).hostname;
    if (Array.isArray(allow) && !allow.includes(host)) {
      throw new RefRefused(`remote $ref ${href} not fetched: host ${host} is not in the allowed list`);
    }
    const res = await fetch(href, { signal: AbortSignal.timeout(policy.remoteTimeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS), redirect: 'error' });
    if (!res.ok) throw new RefRefused(`remote $ref ${href} could not be fetched: HTTP ${res.status}`);
    const length = Number(res.headers.get('content-length') ?? '0');
    if (length > maxBytes) throw new RefRefused(`remote $ref ${href} is larger than the ${maxBytes}-byte limit`);
    const text = await res.text();
    if (Buffer.byteLength(text) > maxBytes) throw new RefRefused(`remote $ref ${href} is larger than the ${maxBytes}-byte limit`);
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
