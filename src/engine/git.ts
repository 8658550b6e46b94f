import { execFile } from 'node:child_process';
import * as path from 'node:path';

/** A `--changed-since` problem: no git, not a repository, unknown ref. The CLI reports it as a usage error. */
export class GitError extends Error {}

interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

function git(args: string[], cwd: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT' && typeof (error as { code?: unknown }).code === 'string') {
        reject(new GitError('--changed-since needs git, which is not installed or not on PATH'));
        return;
      }
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const verified = new Map<string, Promise<void>>();

/** Checks that `dir` is inside a git work tree and `ref` names a commit. */
export function verifyRef(dir: string, ref: string): Promise<void> {
  const key = `${dir}\u0000${ref}`;
  let p = verified.get(key);
  if (!p) {
    p = (async () => {
      if (ref.startsWith('-')) throw new GitError(`--changed-since ${ref}: not a git ref`);
      const inside = await git(['rev-parse', '--is-inside-work-tree'], dir);
      if (inside.code !== 0 || inside.stdout.trim() !== 'true') throw new GitError(`--changed-since: ${dir} is not inside a git repository`);
      const commit = await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], dir);
      if (commit.code !== 0) throw new GitError(`--changed-since: unknown git ref ${ref}`);
    })();
    verified.set(key, p);
    p.catch(() => verified.delete(key));
  }
  return p;
}

/**
 * The content of a file at a git ref (read with `git show <ref>:./<file>`), or undefined when the file did not
 * exist at that ref. Throws GitError when the ref or repository is unusable.
 */
export async function readAtRef(absoluteFile: string, ref: string): Promise<string | undefined> {
  const dir = path.dirname(absoluteFile);
  await verifyRef(dir, ref);
  const shown = await git(['show', `${ref}:./${path.basename(absoluteFile)}`], dir);
  if (shown.code === 0) return shown.stdout;
  if (/does not exist|exists on disk, but not in|not in '/.test(shown.stderr)) return undefined;
  throw new GitError(`--changed-since: git show ${ref}:${path.basename(absoluteFile)} failed: ${shown.stderr.trim().split('\n')[0]}`);
}
