import { existsSync, promises as fs } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES } from '../config/load.js';
import { WAIVERS_FILE_NAME } from '../config/waivers.js';
import { BASELINE_FILE_NAME } from '../engine/baseline.js';
import type { Finding } from '../engine/types.js';
import { looksLikeOpenApi } from './detect.js';
import { findingKey, inputErrorDiagnostic, isWaivable, toDiagnostic, DIAGNOSTIC_SOURCE, type DiagnosticData } from './diagnostics.js';
import { hoverMarkdown } from './hover.js';
import { Cancelled, WorkerPool } from './pool.js';
import type { IgnoreEditResponse, LintResponse } from './protocol.js';
import { quickFix } from './quickFix.js';
import { DEFAULT_SETTINGS, normalizeSettings, type LspSettings } from './settings.js';
import { spawnLintWorker } from './spawnWorker.js';
import { newWaiver, waiverEdit } from './waiverEdit.js';

export const REVEAL_COMMAND = 'finlint.revealWaiver';
/** Files whose change can change any document's rules: configurations, waivers, baselines, Spectral rulesets. */
const SETTINGS_NAMES = new Set<string>([...CONFIG_FILE_NAMES, WAIVERS_FILE_NAME, BASELINE_FILE_NAME]);
const RULESET_FILE = /(^|[./])spectral\.(ya?ml|json|[cm]?[jt]s)$/i;
const WATCH_GLOB = '**/*.{yaml,yml,json,js,cjs,mjs,ts,cts,mts}';

type Report = Extract<LintResponse, { kind: 'report' }>;

/** An open OpenAPI document that the server lints. */
interface Root {
  uri: string;
  file: string;
  /** Increases with every lint started; a result is applied only if it is the latest. */
  generation: number;
  timer?: NodeJS.Timeout;
  /** Version of the text the shown diagnostics are for. */
  lintedVersion?: number;
  report?: Report;
  refs: Set<string>;
  settingsFiles: Set<string>;
  settingsDirs: string[];
}

/** One diagnostic a root contributes to some file (itself, a `$ref`'d file, the waivers file). */
interface Entry {
  root: Root;
  finding?: Finding;
  diagnostic: Diagnostic;
}

export interface ServerOptions {
  /** Lint workers (default 2, fewer on a one-core machine; FINLINT_LSP_WORKERS overrides). */
  workers?: number;
}

function rangesOverlap(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

/**
 * The finlint language server on a connection: lints open OpenAPI documents in worker threads exactly as the CLI
 * would (configuration, waivers, inline ignores, baseline, fail severity), publishes the findings as diagnostics,
 * explains them on hover and offers waivers, inline ignores and unambiguous quick fixes as code actions.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const envWorkers = Number(process.env.FINLINT_LSP_WORKERS);
  const size = options.workers ?? (Number.isInteger(envWorkers) && envWorkers > 0 ? envWorkers : Math.max(1, Math.min(2, availableParallelism())));
  const log = (message: string) => connection.console.log(message);
  const pool = new WorkerPool({ spawn: spawnLintWorker, size, log });

  const roots = new Map<string, Root>();
  /** target URI -> root URI -> entries. */
  const contributions = new Map<string, Map<string, Entry[]>>();
  const settingsCache = new Map<string, Promise<LspSettings>>();
  let pushedSettings: LspSettings = { ...DEFAULT_SETTINGS };
  let folders: string[] = [];
  const caps = { configuration: false, watchRegistration: false, resolve: false, showDocument: false, createFile: false, documentChanges: false, folders: false };

  // ---------------------------------------------------------------------------------------------------------
  // Where things are

  const fileOf = (uri: string): string | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  };

  /** The URI the client uses for a file: an open document's own, else a file URL. */
  const uriOf = (file: string): string => {
    for (const doc of documents.all()) if (fileOf(doc.uri) === file) return doc.uri;
    return pathToFileURL(file).href;
  };

  /** The workspace folder a file belongs to (the working directory of the equivalent CLI run). */
  const folderOf = (file: string): string => {
    let best: string | undefined;
    for (const f of folders) {
      const rel = path.relative(f, file);
      if (!rel.startsWith('..') && !path.isAbsolute(rel) && (best === undefined || f.length > best.length)) best = f;
    }
    return best ?? path.dirname(file);
  };

  const settingsFor = (folder: string): Promise<LspSettings> => {
    if (!caps.configuration) return Promise.resolve(pushedSettings);
    let s = settingsCache.get(folder);
    if (!s) {
      s = connection.workspace.getConfiguration({ scopeUri: pathToFileURL(folder).href, section: 'finlint' }).then(normalizeSettings, () => pushedSettings);
      settingsCache.set(folder, s);
    }
    return s;
  };

  // ---------------------------------------------------------------------------------------------------------
  // Diagnostics

  const published = new Map<string, string>();
  const publish = (target: string) => {
    const byRoot = contributions.get(target);
    // Two open documents that $ref the same file both report its findings: show them once.
    const seen = new Set<string>();
    const diagnostics: Diagnostic[] = [];
    for (const entries of byRoot?.values() ?? []) {
      const mine: string[] = [];
      for (const e of entries) {
        const k = `${(e.diagnostic.data as DiagnosticData | undefined)?.key ?? ''}\u0000${e.diagnostic.message}\u0000${e.diagnostic.severity}`;
        if (seen.has(k)) continue;
        mine.push(k);
        diagnostics.push(e.diagnostic);
      }
      for (const k of mine) seen.add(k);
    }
    const root = roots.get(target);
    const version = root && byRoot?.has(target) ? root.lintedVersion : undefined;
    const fingerprint = JSON.stringify([version, diagnostics]);
    if (published.get(target) === fingerprint) return;
    published.set(target, fingerprint);
    if (diagnostics.length === 0) published.delete(target);
    connection.sendDiagnostics({ uri: target, diagnostics, ...(version !== undefined ? { version } : {}) }).catch(() => undefined);
  };

  /** Replaces everything a root contributes, and republishes the files whose diagnostics changed. */
  const setContributions = (root: Root, entries: Map<string, Entry[]>) => {
    const touched = new Set<string>(entries.keys());
    for (const [target, byRoot] of contributions) {
      if (byRoot.delete(root.uri)) touched.add(target);
      if (byRoot.size === 0) contributions.delete(target);
    }
    for (const [target, list] of entries) {
      let byRoot = contributions.get(target);
      if (!byRoot) contributions.set(target, (byRoot = new Map()));
      byRoot.set(root.uri, list);
    }
    touched.add(root.uri);
    for (const target of touched) publish(target);
  };

  const apply = (root: Root, res: LintResponse, version: number) => {
    root.lintedVersion = version;
    const entries = new Map<string, Entry[]>();
    const add = (target: string, entry: Entry) => {
      const list = entries.get(target);
      if (list) list.push(entry);
      else entries.set(target, [entry]);
    };
    const here = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (res.kind === 'report') {
      root.report = res;
      root.refs = new Set(res.refs);
      root.settingsFiles = new Set(res.settingsFiles);
      root.settingsDirs = res.settingsDirs;
      const cwd = folderOf(root.file);
      const waiverUri = (display: string) => uriOf(path.resolve(cwd, display));
      for (const f of res.findings) {
        const file = path.resolve(cwd, f.source);
        add(file === root.file ? root.uri : uriOf(file), { root, finding: f, diagnostic: toDiagnostic(f, res.failSeverity, waiverUri) });
      }
      for (const e of res.inputErrors) add(root.uri, { root, diagnostic: inputErrorDiagnostic(e) });
      entries.set(root.uri, entries.get(root.uri) ?? []);
    } else {
      root.report = undefined;
      if (res.kind === 'config-error') {
        for (const p of res.problems) {
          const at = { start: { line: p.line, character: p.character }, end: { line: p.line, character: p.character } };
          add(uriOf(p.file), { root, diagnostic: { range: at, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, message: `finlint: ${p.message}` } });
        }
        const first = res.problems[0];
        const where = first ? `${path.relative(folderOf(root.file), first.file) || first.file}:${first.line + 1}: ${first.message}` : 'invalid configuration';
        add(root.uri, { root, diagnostic: { range: here, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, message: `finlint cannot lint this document: ${where}` } });
      } else {
        log(`finlint: ${root.file}: ${res.message}`);
        add(root.uri, { root, diagnostic: { range: here, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, message: `finlint cannot lint this document: ${res.message}` } });
      }
    }
    setContributions(root, entries);
  };

  const dropRoot = (uri: string) => {
    const root = roots.get(uri);
    if (!root) return;
    clearTimeout(root.timer);
    pool.cancel(uri);
    roots.delete(uri);
    setContributions(root, new Map());
  };

  // ---------------------------------------------------------------------------------------------------------
  // Linting

  const lint = async (uri: string) => {
    const doc = documents.get(uri);
    const file = fileOf(uri);
    if (!doc || !file) return;
    const text = doc.getText();
    const version = doc.version;
    if (!looksLikeOpenApi(text)) return dropRoot(uri);
    const cwd = folderOf(file);
    const settings = await settingsFor(cwd);
    if (!settings.enable) return dropRoot(uri);
    if (documents.get(uri)?.version !== version) return; // edited meanwhile: that edit scheduled its own lint
    let root = roots.get(uri);
    if (!root) roots.set(uri, (root = { uri, file, generation: 0, refs: new Set(), settingsFiles: new Set(), settingsDirs: [] }));
    const generation = ++root.generation;
    const started = performance.now();
    let res: LintResponse;
    try {
      res = await pool.run<LintResponse>(
        {
          kind: 'lint',
          file,
          text,
          cwd,
          configFile: settings.configPath ? path.resolve(cwd, settings.configPath) : undefined,
          baselineFile: settings.baseline ? path.resolve(cwd, settings.baseline) : undefined,
          root: settings.root ? path.resolve(cwd, settings.root) : undefined,
          failSeverity: settings.failSeverity || undefined,
        },
        uri,
      );
    } catch (e) {
      if (e instanceof Cancelled) return;
      res = { kind: 'error', message: errorMessage(e) };
    }
    if (roots.get(uri) !== root || root.generation !== generation || documents.get(uri)?.version !== version) return;
    apply(root, res, version);
    const took = Math.round(performance.now() - started);
    log(`finlint: linted ${path.basename(file)} v${version} in ${took} ms${res.kind === 'report' ? ` (${res.findings.length} findings, ${res.elapsedMs} ms in the worker)` : ` (${res.kind})`}`);
  };

  const schedule = (uri: string, delayMs: number) => {
    const root = roots.get(uri);
    if (root) {
      clearTimeout(root.timer);
      root.timer = undefined;
    }
    pool.cancel(uri); // the text changed: an older lint's result is already out of date
    const run = () => {
      const r = roots.get(uri);
      if (r) r.timer = undefined;
      lint(uri).catch((e: unknown) => log(`finlint: lint of ${uri} failed: ${errorMessage(e)}`));
    };
    if (delayMs <= 0 || !root) {
      run();
      return;
    }
    root.timer = setTimeout(run, delayMs);
  };

  const relintAll = () => {
    for (const doc of documents.all()) schedule(doc.uri, 0);
  };

  const isSettingsFile = (file: string): boolean => {
    if (SETTINGS_NAMES.has(path.basename(file)) || RULESET_FILE.test(path.basename(file))) return true;
    for (const r of roots.values()) {
      if (r.settingsFiles.has(file)) return true;
      if (r.settingsDirs.some((d) => !path.relative(d, file).startsWith('..'))) return true;
    }
    return false;
  };

  /** A file changed on disk (or was saved): re-lint what depends on it. */
  const fileChanged = (file: string) => {
    if (isSettingsFile(file)) {
      relintAll();
      return;
    }
    for (const r of roots.values()) if (r.refs.has(file)) schedule(r.uri, 0);
  };

  // ---------------------------------------------------------------------------------------------------------
  // Protocol

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const c = params.capabilities;
    caps.configuration = c.workspace?.configuration === true;
    caps.watchRegistration = c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    caps.resolve = c.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    caps.showDocument = c.window?.showDocument?.support === true;
    caps.documentChanges = c.workspace?.workspaceEdit?.documentChanges === true;
    caps.createFile = caps.documentChanges && (c.workspace?.workspaceEdit?.resourceOperations ?? []).includes('create');
    caps.folders = c.workspace?.workspaceFolders === true;
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings !== undefined) pushedSettings = normalizeSettings(init.settings);
    folders = (params.workspaceFolders ?? []).map((f) => fileOf(f.uri)).filter((f): f is string => f !== undefined);
    if (folders.length === 0 && params.rootUri) folders = [fileOf(params.rootUri)].filter((f): f is string => f !== undefined);
    pool.warm(1);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: true },
        executeCommandProvider: { commands: [REVEAL_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'finlint' },
    };
  });

  connection.onInitialized(() => {
    if (caps.watchRegistration) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCH_GLOB }] }).catch((e: unknown) => log(`finlint: cannot watch files: ${errorMessage(e)}`));
    }
    if (caps.folders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => fileOf(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => fileOf(f.uri)).filter((f): f is string => f !== undefined)];
        settingsCache.clear();
        relintAll();
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    const pushed = (params.settings as { finlint?: unknown } | undefined)?.finlint;
    if (pushed !== undefined) pushedSettings = normalizeSettings(pushed);
    settingsCache.clear();
    relintAll();
  });

  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    if (!roots.has(uri)) {
      schedule(uri, 0); // just opened, or not (yet) an OpenAPI document: look at it now
      return;
    }
    pool.cancel(uri); // the running lint is out of date already: stop it now, not after the pause
    const file = fileOf(uri);
    void settingsFor(file ? folderOf(file) : '').then((s) => {
      if (documents.get(uri)?.version === e.document.version) schedule(uri, s.debounceMs);
    });
  });

  documents.onDidSave((e) => {
    const root = roots.get(e.document.uri);
    if (root && root.lintedVersion !== e.document.version) schedule(e.document.uri, 0);
    const file = fileOf(e.document.uri);
    if (file) {
      for (const r of roots.values()) if (r.uri !== e.document.uri && r.refs.has(file)) schedule(r.uri, 0);
      if (isSettingsFile(file)) relintAll();
    }
  });

  documents.onDidClose((e) => dropRoot(e.document.uri));

  connection.onDidChangeWatchedFiles((params) => {
    const files = new Set(params.changes.map((c) => fileOf(c.uri)).filter((f): f is string => f !== undefined));
    if ([...files].some(isSettingsFile)) {
      relintAll();
      return;
    }
    for (const f of files) fileChanged(f);
  });

  const entriesAt = (uri: string): Entry[] => [...(contributions.get(uri)?.values() ?? [])].flat();

  connection.onHover(async (params) => {
    const pos = params.position;
    const hits = entriesAt(params.textDocument.uri).filter((e) => e.finding && rangesOverlap(e.diagnostic.range, { start: pos, end: pos }));
    if (hits.length === 0) return null;
    const parts = await Promise.all(
      hits.map((e) => hoverMarkdown(e.finding!, e.root.report?.ruleInfo[e.finding!.code], e.root.report?.failSeverity ?? 'error')),
    );
    return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } };
  });

  // ---------------------------------------------------------------------------------------------------------
  // Code actions

  interface ActionData {
    kind: 'ignore';
    uri: string;
    key: string;
  }

  const findEntry = (uri: string, key: string) => entriesAt(uri).find((e) => e.finding && findingKey(e.finding) === key);

  const textOf = async (uri: string): Promise<{ text: string; version: number | null } | undefined> => {
    const doc = documents.get(uri);
    if (doc) return { text: doc.getText(), version: doc.version };
    const file = fileOf(uri);
    if (!file) return undefined;
    try {
      return { text: await fs.readFile(file, 'utf8'), version: null };
    } catch {
      return undefined;
    }
  };

  const editOf = (uri: string, version: number | null, edits: TextEdit[]): WorkspaceEdit =>
    caps.documentChanges ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };

  const ignoreAction = async (uri: string, entry: Entry): Promise<WorkspaceEdit | undefined> => {
    const f = entry.finding!;
    const current = await textOf(uri);
    const file = fileOf(uri);
    if (!current || !file) return undefined;
    const res = await pool.run<IgnoreEditResponse>({ kind: 'ignore-edit', text: current.text, file, path: f.path, rule: f.code });
    return res ? editOf(uri, current.version, res.edits) : undefined;
  };

  const waiverAction = async (entry: Entry, uri: string): Promise<CodeAction | undefined> => {
    const f = entry.finding!;
    const report = entry.root.report;
    const file = fileOf(uri);
    if (!report || !file) return undefined;
    const waiversFile = report.waiversFile;
    const waiversUri = uriOf(waiversFile);
    const open = documents.get(waiversUri);
    const exists = open !== undefined || existsSync(waiversFile);
    if (!exists && !caps.createFile) return undefined;
    const text = open ? open.getText() : exists ? await fs.readFile(waiversFile, 'utf8').catch(() => undefined) : undefined;
    if (exists && text === undefined) return undefined;
    const waiver = newWaiver(f.code, file, f.path, waiversFile, new Date());
    const edit = waiverEdit(text, waiver);
    if (!edit) return undefined;
    const display = path.relative(folderOf(file), waiversFile) || path.basename(waiversFile);
    let workspaceEdit: WorkspaceEdit;
    if (edit.create) {
      workspaceEdit = {
        documentChanges: [
          { kind: 'create', uri: waiversUri, options: { ignoreIfExists: true } },
          { textDocument: { uri: waiversUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: edit.newText }] },
        ],
      };
    } else {
      const doc = TextDocument.create(waiversUri, 'yaml', 0, text!);
      workspaceEdit = editOf(waiversUri, open ? open.version : null, [{ range: { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) }, newText: edit.newText }]);
    }
    return {
      title: `Waive ${f.code} at ${waiver.pointer} in ${display} (fill in reason, owner, expiry)`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [entry.diagnostic],
      edit: workspaceEdit,
      ...(caps.showDocument ? { command: { title: 'Show the waiver', command: REVEAL_COMMAND, arguments: [waiversUri, edit.reasonLine] } } : {}),
    };
  };

  connection.onCodeAction(async (params) => {
    const only = params.context.only;
    if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === CodeActionKind.Empty)) return [];
    const uri = params.textDocument.uri;
    const wanted = new Set(params.context.diagnostics.map((d) => (d.data as DiagnosticData | undefined)?.key).filter(Boolean));
    const keys = new Set(params.context.diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`));
    const entries = entriesAt(uri).filter((e) => {
      if (!e.finding || !isWaivable(e.finding)) return false;
      if (params.context.diagnostics.length === 0) return rangesOverlap(e.diagnostic.range, params.range);
      const d = e.diagnostic;
      return wanted.has((d.data as DiagnosticData).key) || keys.has(`${String(d.code)}@${d.range.start.line}:${d.range.start.character}`);
    });
    const actions: CodeAction[] = [];
    const doc = documents.get(uri);
    for (const entry of entries) {
      const f = entry.finding!;
      const fix = doc ? quickFix(f, doc) : undefined;
      if (fix && doc) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: [entry.diagnostic], edit: editOf(uri, doc.version, [fix.edit]) });
      const ignore: CodeAction = {
        title: `Ignore ${f.code} here: add x-finlint-ignore to the enclosing object (fill in the reason)`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [entry.diagnostic],
        data: { kind: 'ignore', uri, key: findingKey(f) } satisfies ActionData,
      };
      if (!caps.resolve) {
        const edit = await ignoreAction(uri, entry).catch(() => undefined);
        if (edit) actions.push({ ...ignore, edit });
      } else {
        actions.push(ignore);
      }
      const waiver = await waiverAction(entry, uri).catch((e: unknown) => {
        log(`finlint: cannot prepare a waiver: ${errorMessage(e)}`);
        return undefined;
      });
      if (waiver) actions.push(waiver);
    }
    return actions;
  });

  connection.onCodeActionResolve(async (action) => {
    const data = action.data as ActionData | undefined;
    if (data?.kind !== 'ignore' || action.edit) return action;
    const entry = findEntry(data.uri, data.key);
    if (!entry) return action;
    const edit = await ignoreAction(data.uri, entry).catch(() => undefined);
    return edit ? { ...action, edit } : action;
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== REVEAL_COMMAND || !caps.showDocument) return null;
    const [uri, line] = (params.arguments ?? []) as [string, number];
    const at = { line: Number(line) || 0, character: 0 };
    await connection.window.showDocument({ uri, takeFocus: true, selection: { start: at, end: at } });
    return null;
  });

  connection.onShutdown(async () => {
    for (const r of roots.values()) clearTimeout(r.timer);
    await pool.close();
  });

  documents.listen(connection);
  connection.listen();
}
