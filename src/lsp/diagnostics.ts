import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { FailSeverity } from '../config/load.js';
import { isEngineCode } from '../engine/diagnostics.js';
import { severityNumber, SEVERITY_NAMES, type Finding, type InputError } from '../engine/types.js';

export const DIAGNOSTIC_SOURCE = 'finlint';

/** What the server keeps of a diagnostic, to answer hovers and code actions about it. */
export interface DiagnosticData {
  /** Identifies the finding among those of its document. */
  key: string;
}

/** Whether CI (`--fail-severity`) fails on this finding. Waived findings never fail. */
export function failsBuild(f: Finding, failSeverity: FailSeverity): boolean {
  return f.suppression === undefined && failSeverity !== 'none' && f.severity <= severityNumber(failSeverity);
}

/**
 * The editor severity of a finding: an error exactly when CI would fail on it (so with `failSeverity: warn`, warn
 * findings are red too, and with `none` nothing is), otherwise the finding's own severity, at most a warning.
 * Waived findings are hints: visible, listed in the hover, but not in the way.
 */
export function editorSeverity(f: Finding, failSeverity: FailSeverity): DiagnosticSeverity {
  if (f.suppression) return DiagnosticSeverity.Hint;
  if (failsBuild(f, failSeverity)) return DiagnosticSeverity.Error;
  return [DiagnosticSeverity.Warning, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Hint][f.severity];
}

export function findingKey(f: Finding): string {
  const r = f.range;
  return `${f.code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}#${f.fingerprint ?? f.path.join('/')}`;
}

/** `finlint.waivers.yaml:12` -> the file and its 0-based line. */
export function parseLocation(location: string): { file: string; line: number } | undefined {
  const m = /^(.*):(\d+)$/.exec(location);
  return m ? { file: m[1], line: Number(m[2]) - 1 } : undefined;
}

/** The diagnostic of a finding: rule id as code with its docs page, controls in the message, waivers as hints. */
export function toDiagnostic(f: Finding, failSeverity: FailSeverity, waiverUri?: (file: string) => string | undefined): Diagnostic {
  let message = f.message;
  if (f.controls.length > 0) message += `\nControls: ${f.controls.join(', ')}`;
  if (f.suppression) {
    const s = f.suppression;
    const who = [s.owner && `owner ${s.owner}`, s.ticket && `ticket ${s.ticket}`, s.expires && `until ${s.expires}`].filter(Boolean).join(', ');
    message += `\nWaived (${s.kind === 'inline' ? 'x-finlint-ignore' : s.location}${who ? `, ${who}` : ''}): ${s.justification}`;
  }
  const d: Diagnostic = {
    range: f.range,
    severity: editorSeverity(f, failSeverity),
    code: f.code,
    source: DIAGNOSTIC_SOURCE,
    message,
    data: { key: findingKey(f) } satisfies DiagnosticData,
  };
  if (f.documentationUrl) d.codeDescription = { href: f.documentationUrl };
  if (f.code === 'waiver-stale' && f.path.includes('x-finlint-ignore')) d.tags = [DiagnosticTag.Unnecessary];
  if (f.suppression?.kind === 'waiver' && waiverUri) {
    const loc = parseLocation(f.suppression.location);
    const uri = loc && waiverUri(loc.file);
    if (loc && uri) {
      d.relatedInformation = [
        { location: { uri, range: { start: { line: loc.line, character: 0 }, end: { line: loc.line, character: 0 } } }, message: 'The waiver that covers this finding' },
      ];
    }
  }
  return d;
}

/** A file CI could not lint at all (invalid YAML, not OpenAPI...): one error, where the CLI would point. */
export function inputErrorDiagnostic(e: InputError): Diagnostic {
  const line = Math.max(0, (e.line ?? 1) - 1);
  const character = Math.max(0, (e.column ?? 1) - 1);
  return {
    range: { start: { line, character }, end: { line, character } },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    message: `finlint cannot lint this file: ${e.message}`,
  };
}

/** Severity name of a finding, for the hover. */
export function severityName(f: Finding): string {
  return SEVERITY_NAMES[f.severity] ?? String(f.severity);
}

/** Whether a finding can be waived or ignored inline: rule findings, not findings about waivers or the engine's. */
export function isWaivable(f: Finding): boolean {
  return !isEngineCode(f.code) && f.suppression === undefined;
}
