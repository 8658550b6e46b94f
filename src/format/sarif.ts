import * as path from 'node:path';
import { frameworks } from '../../rulesets/controls.js';
import type { Finding, InputError, RuleInfo } from '../engine/types.js';
import { toPointer } from '../engine/fingerprint.js';
import { FINLINT_URL, FINLINT_VERSION } from '../version.js';
import type { Formatter } from './types.js';
import { describedRules } from './util.js';

const LEVEL = ['error', 'warning', 'note', 'note'] as const;
/** GitHub code scanning ranks security alerts by this number (0-10) on the rule. */
const SECURITY_SEVERITY = ['8.0', '5.0', '3.0', '1.0'];

/** A SARIF `uri` for a finding source: relative paths against %SRCROOT% with `/`, absolute ones as file:// URIs. */
function artifactLocation(source: string): { uri: string; uriBaseId?: string } {
  const posix = source.split(path.sep).join('/');
  const encode = (p: string) => p.split('/').map(encodeURIComponent).join('/');
  if (path.isAbsolute(source)) return { uri: `file://${posix.startsWith('/') ? '' : '/'}${encode(posix)}` };
  return { uri: encode(posix.replace(/^\.\//, '')), uriBaseId: '%SRCROOT%' };
}

function region(f: Finding) {
  const startLine = f.range.start.line + 1;
  const startColumn = f.range.start.character + 1;
  let endLine = f.range.end.line + 1;
  let endColumn = f.range.end.character + 1;
  if (endLine < startLine || (endLine === startLine && endColumn < startColumn)) {
    endLine = startLine;
    endColumn = startColumn;
  }
  return { startLine, startColumn, endLine, endColumn };
}

function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/s.exec(text);
  return (m ? m[1] : text).trim();
}

function sarifRule(rule: RuleInfo) {
  const description = rule.description.trim();
  // SARIF requires non-empty texts: a rule without a description (allowed in Spectral rulesets) gets its id.
  const short = description ? firstSentence(description) : rule.id;
  const framework = new Set(rule.controls.map((c) => c.split(':')[0]));
  const tags = [...rule.controls, ...frameworks.filter((fw) => framework.has(fw.id)).map((fw) => fw.title)];
  if (rule.controls.length > 0) tags.push('security');
  if (rule.category) tags.push(rule.category);
  const help = rule.howToFix.trim();
  return {
    id: rule.id,
    shortDescription: { text: short },
    ...(description && description !== short ? { fullDescription: { text: description } } : {}),
    ...(rule.documentationUrl ? { helpUri: rule.documentationUrl } : {}),
    ...(help
      ? { help: { text: help, markdown: `${help}${rule.documentationUrl ? `\n\n[Rule documentation](${rule.documentationUrl})` : ''}` } }
      : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] ?? 'note' },
    properties: {
      tags: [...new Set(tags)],
      ...(rule.controls.length > 0 ? { 'security-severity': SECURITY_SEVERITY[rule.severity] ?? '1.0', controls: rule.controls } : {}),
    },
  };
}

function notification(e: InputError) {
  return {
    level: 'error',
    message: { text: e.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(e.source),
          ...(e.line !== undefined ? { region: { startLine: e.line, startColumn: e.column ?? 1 } } : {}),
        },
      },
    ],
  };
}

/**
 * SARIF 2.1.0, valid against the OASIS schema and accepted by GitHub code scanning: rule metadata with
 * `helpUri` and the controls as `properties.tags`, results with regions, logical locations (JSON pointers),
 * stable `partialFingerprints`, waived findings as `suppressions`, and unreadable inputs as notifications.
 */
export const sarif: Formatter = (report, ctx = {}) => {
  const rules = describedRules(report);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = report.findings.map((f) => {
    const pointer = toPointer(f.path);
    return {
      ruleId: f.code,
      ruleIndex: index.get(f.code)!,
      level: LEVEL[f.severity] ?? 'note',
      message: { text: f.message.trim() || f.code },
      locations: [
        {
          physicalLocation: { artifactLocation: artifactLocation(f.source), region: region(f) },
          logicalLocations: [{ fullyQualifiedName: pointer || '/', kind: 'member' }],
        },
      ],
      ...(f.fingerprint ? { partialFingerprints: { 'finlint/v1': f.fingerprint } } : {}),
      ...(f.suppression
        ? {
            suppressions: [
              {
                kind: f.suppression.kind === 'inline' ? 'inSource' : 'external',
                status: 'accepted',
                justification: f.suppression.justification,
                properties: {
                  location: f.suppression.location,
                  ...(f.suppression.owner ? { owner: f.suppression.owner } : {}),
                  ...(f.suppression.ticket ? { ticket: f.suppression.ticket } : {}),
                  ...(f.suppression.expires ? { expires: f.suppression.expires } : {}),
                },
              },
            ],
          }
        : {}),
      ...(f.controls.length > 0 ? { properties: { controls: f.controls } } : {}),
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'finlint',
            semanticVersion: ctx.toolVersion ?? FINLINT_VERSION,
            informationUri: FINLINT_URL,
            rules: rules.map(sarifRule),
          },
        },
        invocations: [
          {
            executionSuccessful: report.inputErrors.length === 0,
            ...(report.inputErrors.length > 0 ? { toolExecutionNotifications: report.inputErrors.map(notification) } : {}),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
        ...(report.filtered ? { properties: { filtered: report.filtered } } : {}),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
