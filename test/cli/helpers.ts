import { mkdir, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { main } from '../../src/cli/main.js';

export const FIXTURES = path.resolve(__dirname, '../fixtures/cli');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export interface CliOptions {
  cwd?: string;
  stdin?: string;
  isTTY?: boolean;
  /** Today, for waiver expiry. */
  now?: Date;
  /** Answers for `finlint init` questions; given = an interactive terminal. */
  answers?: string[];
}

export async function runCli(args: string[], opts: CliOptions = {}): Promise<CliRun & { questions: string[] }> {
  const questions: string[] = [];
  const answers = [...(opts.answers ?? [])];
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => opts.stdin ?? '',
    cwd: opts.cwd ?? FIXTURES,
    isTTY: opts.isTTY ?? false,
    writeFile: async (file, content) => {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(`${file}.tmp`, content);
      await rename(`${file}.tmp`, file);
    },
    ...(opts.now ? { now: () => opts.now! } : {}),
    ...(opts.answers
      ? {
          prompt: async (q: string) => {
            questions.push(q);
            return answers.shift() ?? '';
          },
        }
      : {}),
  });
  return { code, stdout, stderr, questions };
}
