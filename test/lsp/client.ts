import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CodeActionResolveRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShutdownRequest,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type ShowDocumentParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

export const REPO = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/**
 * How the server under test is started. `src` (the default): `node --import tsx src/cli/bin.ts lsp --stdio`, the
 * sources as they are in the tree, with no build step, so the tests never race another process that rebuilds
 * dist/ (tsup cleans it first). `dist`: `node <dist>/cli.js lsp --stdio`, a build as shipped (the benchmark uses
 * one; FINLINT_LSP_SERVER=dist runs these tests against `FINLINT_LSP_DIST`, default dist/).
 */
export type ServerFrom = 'src' | 'dist';

export function serverCommand(from: ServerFrom, dist = process.env.FINLINT_LSP_DIST ?? path.join(REPO, 'dist')): string[] {
  return from === 'dist' ? [path.join(path.resolve(REPO, dist), 'cli.js'), 'lsp', '--stdio'] : ['--import', 'tsx', path.join(REPO, 'src/cli/bin.ts'), 'lsp', '--stdio'];
}

export const uriOf = (file: string): string => pathToFileURL(file).href;
export const fileOf = (uri: string): string => fileURLToPath(uri);

function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => {
    let o = 0;
    for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
    return o + p.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

export interface StartOptions {
  /** The workspace folder. */
  folder: string;
  /** Answers to `workspace/configuration` (section finlint). */
  settings?: Record<string, unknown>;
  from?: ServerFrom;
  /** The build to run with `from: 'dist'`. */
  dist?: string;
  env?: Record<string, string>;
}

/**
 * A minimal editor: a real LSP client (vscode-languageserver-protocol over the spawned server's stdio) that keeps
 * the texts it opened, answers configuration and showDocument requests, and applies workspace edits like an
 * editor would (to its open documents, or to the files on disk).
 */
export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly shown: ShowDocumentParams[] = [];
  readonly registrations: unknown[] = [];
  stderr = '';
  settings: Record<string, unknown>;
  private readonly texts = new Map<string, { text: string; version: number; languageId: string }>();
  private listeners: (() => void)[] = [];
  private exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    readonly folder: string,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  static async start(opts: StartOptions, capabilities?: ClientCapabilities): Promise<{ client: TestClient; init: InitializeResult }> {
    const child = spawn(process.execPath, serverCommand(opts.from ?? (process.env.FINLINT_LSP_SERVER === 'dist' ? 'dist' : 'src'), opts.dist), {
      cwd: REPO,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...opts.env },
    });
    const connection = createProtocolConnection(child.stdout!, child.stdin!);
    const client = new TestClient(child, connection, opts.folder, opts.settings ?? {});
    child.stderr!.on('data', (d: Buffer) => {
      client.stderr += d.toString();
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      client.published.push(p);
      client.notify();
    });
    connection.onNotification(LogMessageNotification.type, (p) => {
      client.logs.push(p.message);
      client.notify();
    });
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'finlint' ? client.settings : null)));
    connection.onRequest(RegistrationRequest.type, (p) => {
      client.registrations.push(...p.registrations);
      client.notify();
    });
    connection.onRequest(ShowDocumentRequest.type, (p) => {
      client.shown.push(p);
      client.notify();
      return { success: true };
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      client.applyEdit(p.edit);
      return { applied: true };
    });
    connection.listen();
    const init = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(opts.folder),
      workspaceFolders: [{ uri: uriOf(opts.folder), name: path.basename(opts.folder) }],
      capabilities: capabilities ?? {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
        },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } },
            resolveSupport: { properties: ['edit'] },
            dataSupport: true,
            isPreferredSupport: true,
          },
        },
        window: { showDocument: { support: true } },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return { client, init };
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Resolves when `test` returns a value for what the server has sent so far (checked on every message). */
  waitFor<T>(what: string, test: () => T | undefined, timeoutMs = 60_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const v = test();
        if (v === undefined) return false;
        this.listeners = this.listeners.filter((l) => l !== listener);
        clearTimeout(timer);
        resolve(v);
        return true;
      };
      const listener = () => void check();
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`timed out waiting for ${what}; server log:\n${this.logs.join('\n')}\n${this.stderr}`));
      }, timeoutMs);
      if (!check()) this.listeners.push(listener);
    });
  }

  /** The next diagnostics published for `uri` (after `after` publications) that satisfy `test`. */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, after = 0, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics for ${uri}`, () => this.published.slice(after).find((p) => p.uri === uri && test(p)), timeoutMs);
  }

  /** The latest diagnostics published for `uri`. */
  latest(uri: string): Diagnostic[] | undefined {
    return [...this.published].reverse().find((p) => p.uri === uri)?.diagnostics;
  }

  text(uri: string): string {
    const t = this.texts.get(uri);
    if (!t) throw new Error(`${uri} is not open`);
    return t.text;
  }

  version(uri: string): number {
    return this.texts.get(uri)?.version ?? 0;
  }

  async open(file: string, text = readFileSync(file, 'utf8'), languageId = /\.json$/.test(file) ? 'json' : 'yaml'): Promise<string> {
    const uri = uriOf(file);
    this.texts.set(uri, { text, version: 1, languageId });
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Replaces the whole text (what an editor does on a paste-all; the server handles incremental changes too). */
  async change(uri: string, text: string): Promise<number> {
    const t = this.texts.get(uri)!;
    t.text = text;
    t.version++;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: t.version }, contentChanges: [{ text }] });
    return t.version;
  }

  /** An incremental change: replaces `range` with `newText`. */
  async edit(uri: string, range: Range, newText: string): Promise<number> {
    const t = this.texts.get(uri)!;
    t.text = applyTextEdits(t.text, [{ range, newText }]);
    t.version++;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: t.version }, contentChanges: [{ range, text: newText }] });
    return t.version;
  }

  async save(uri: string): Promise<void> {
    writeFileSync(fileOf(uri), this.text(uri));
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Writes a file on disk and tells the server, as the editor's file watcher would. */
  async writeFile(file: string, content: string): Promise<void> {
    const existed = existsSync(file);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    await this.fileEvents([{ file, type: existed ? FileChangeType.Changed : FileChangeType.Created }]);
  }

  async fileEvents(events: { file: string; type: FileChangeType }[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: events.map((e) => ({ uri: uriOf(e.file), type: e.type })) });
  }

  async setSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { finlint: settings } });
  }

  hover(uri: string, line: number, character: number) {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  async codeActions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const r = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    return (r ?? []) as CodeAction[];
  }

  resolve(action: CodeAction): Promise<CodeAction> {
    return this.connection.sendRequest(CodeActionResolveRequest.type, action);
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  /**
   * Applies a workspace edit as an editor does: to open documents (sending didChange, returning the new versions)
   * or, for files that are not open, by creating and writing them on disk. Returns the files written on disk.
   */
  async applyEdit(edit: WorkspaceEdit): Promise<{ written: string[]; changed: string[] }> {
    const written: string[] = [];
    const changed: string[] = [];
    const textEdit = async (uri: string, edits: TextEdit[]) => {
      if (this.texts.has(uri)) {
        await this.change(uri, applyTextEdits(this.text(uri), edits));
        changed.push(uri);
      } else {
        const file = fileOf(uri);
        writeFileSync(file, applyTextEdits(existsSync(file) ? readFileSync(file, 'utf8') : '', edits));
        written.push(file);
      }
    };
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change) {
        if (change.kind !== 'create') throw new Error(`unexpected resource operation ${change.kind}`);
        const file = fileOf(change.uri);
        if (!existsSync(file)) writeFileSync(file, '');
      } else {
        await textEdit(change.textDocument.uri, change.edits as TextEdit[]);
      }
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) await textEdit(uri, edits);
    return { written, changed };
  }

  /** shutdown + exit; resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await Promise.race([this.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000))]);
    this.connection.dispose();
    if (code === 'timeout') {
      this.child.kill();
      return null;
    }
    return code;
  }

  kill(): void {
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}
