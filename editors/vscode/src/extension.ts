import * as fs from 'node:fs';
import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext, type LogOutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/**
 * The finlint extension: a thin client. All the work (linting, hovers, code actions) is done by `finlint lsp`, the
 * same code and configuration as `finlint lint` in CI.
 */

let client: LanguageClient | undefined;
let output: LogOutputChannel;

interface ServerChoice {
  module: string;
  origin: string;
}

/**
 * Which finlint runs the server: `finlint.serverPath` if set; else the workspace's own finlint
 * (node_modules/finlint, the version CI installs from the lock file), if it has the language server; else the one
 * bundled with the extension.
 */
function chooseServer(context: ExtensionContext): ServerChoice {
  const folders = workspace.workspaceFolders ?? [];
  const configured = workspace.getConfiguration('finlint').get<string>('serverPath', '').trim();
  if (configured) {
    const base = folders[0]?.uri.fsPath ?? process.cwd();
    return { module: path.resolve(base, configured), origin: 'the finlint.serverPath setting' };
  }
  for (const folder of folders) {
    const local = path.join(folder.uri.fsPath, 'node_modules', 'finlint', 'dist', 'cli.js');
    if (fs.existsSync(local) && fs.existsSync(path.join(path.dirname(local), 'lsp-worker.js'))) {
      return { module: local, origin: `the workspace's finlint (${folder.name})` };
    }
  }
  return { module: context.asAbsolutePath(path.join('dist', 'server', 'cli.js')), origin: 'the finlint bundled with the extension' };
}

async function start(context: ExtensionContext): Promise<void> {
  const { module, origin } = chooseServer(context);
  output.info(`Starting the finlint language server: ${module} (${origin}).`);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, args: ['lsp'] },
    debug: { module, transport: TransportKind.stdio, args: ['lsp'], options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // The server itself leaves YAML and JSON files that are not OpenAPI documents alone.
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
    ],
    synchronize: { configurationSection: 'finlint' },
    outputChannel: output,
  };
  client = new LanguageClient('finlint', 'finlint', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (e) {
    void window.showErrorMessage(`finlint: the language server did not start (${e instanceof Error ? e.message : String(e)}). See the finlint output.`);
  }
}

async function restart(context: ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  await old?.stop().catch(() => undefined);
  await start(context);
}

export async function activate(context: ExtensionContext): Promise<void> {
  output = window.createOutputChannel('finlint', { log: true });
  context.subscriptions.push(
    output,
    commands.registerCommand('finlint.restartServer', () => restart(context)),
    commands.registerCommand('finlint.showOutput', () => output.show(true)),
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('finlint.serverPath')) void restart(context);
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
