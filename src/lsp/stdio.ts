import { format } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

/**
 * `finlint lsp --stdio`: the language server on stdin/stdout. stdout carries the protocol only, so anything the
 * process or a ruleset prints goes to stderr (which editors show in the server's log). The process exits when the
 * client says `exit` or closes stdin (exit code 0 after a `shutdown` request, 1 without), or when the client
 * process named in `initialize` dies.
 */
export function startStdioServer(): Promise<never> {
  for (const level of ['log', 'info', 'debug', 'warn', 'error', 'trace'] as const) {
    console[level] = (...args: unknown[]) => {
      process.stderr.write(`${format(...args)}\n`);
    };
  }
  // A failed request or notification must not take the editor's linter down with it: log, and keep serving.
  process.on('unhandledRejection', (e) => console.error(`finlint lsp: unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  process.on('uncaughtException', (e) => console.error(`finlint lsp: uncaught exception: ${e.stack ?? e.message}`));
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection);
  return new Promise<never>(() => {
    // the connection ends the process
  });
}
