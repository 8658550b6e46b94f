import { controls as CONTROL_TITLES, frameworkOf, frameworks as FRAMEWORKS } from '../../rulesets/controls.js';
import { rulesById } from '../../rulesets/registry.js';
import type { Waiver } from '../config/waivers.js';
import { isEngineCode } from '../engine/diagnostics.js';
import { toPointer } from '../engine/fingerprint.js';
import { SEVERITY_NAMES, type Finding, type InputError, type Report, type SeverityNumber } from '../engine/types.js';
import { FINLINT_VERSION } from '../version.js';
import { notStaticallyCheckable, type NotCheckable } from './notCheckable.js';

/** Appends to a list in a map of lists (in place: spreading per item is quadratic). */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The compliance report model: per framework and control, the status of every document (failed, waived, passed,
 * not applicable), the findings grouped by document and by control, and the waivers. Pure: it reads only the
 * report and the optional inputs; `loadAuditInputs` (./inputs.ts) gathers those from disk.
 */

export type OasVersion = '2.0' | '3.0' | '3.1';

/** Status of a control for one document, and overall. Ordered from worst to best. */
export const CONTROL_STATUSES = ['failed', 'waived', 'passed', 'na'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];
export const STATUS_LABELS: Readonly<Record<ControlStatus, string>> = {
  failed: 'failed',
  waived: 'waived',
  passed: 'passed',
  na: 'not applicable',
};

/** Frameworks every report lists, whether or not a rule of the run cites them. Others appear when cited. */
export const CORE_FRAMEWORKS: readonly string[] = ['pci-dss-4.0.1', 'gdpr', 'owasp-api-2023'];

/** A waiver whose expiry is at most this many days away is highlighted as expiring. */
export const EXPIRING_WITHIN_DAYS = 30;

export interface AuditInputs {
  /** Text of the linted and referenced files, keyed as findings name them (`Finding.source`): excerpts and OAS versions. */
  sources?: Readonly<Record<string, string>>;
  /** Rule id -> the "Why" section of its documentation page (Markdown). */
  why?: Readonly<Record<string, string>>;
  /** Waivers file, keyed as findings name it -> its entries, to describe expired and stale waivers. */
  waivers?: Readonly<Record<string, readonly Waiver[]>>;
  /**
   * Linted document -> the rules that ran on it (its configuration's). Default: every rule active in the report
   * ran on every document.
   */
  rulesByDocument?: Readonly<Record<string, readonly string[]>>;
}

export interface ModelOptions {
  /** Report date (default now); also the day waiver expiry is counted from. */
  now?: Date;
  toolVersion?: string;
}

export type SeverityCounts = [number, number, number, number];

export interface ReportDocument {
  /** Anchor id: `d1`, `d2`... */
  id: string;
  source: string;
  /** Linted as a document of its own (otherwise a `$ref`'d file or a waivers file that has findings). */
  linted: boolean;
  oasVersion?: OasVersion;
  /** Counted in control coverage: linted, or a referenced file with findings that cite controls. */
  coverage: boolean;
  /** Open (not waived) findings by severity. */
  open: SeverityCounts;
  waived: number;
  /** Indices into `findings`, in report order. */
  findings: number[];
}

export interface ReportRule {
  id: string;
  description: string;
  howToFix: string;
  /** The "Why" of the rule's docs page (Markdown), when known. */
  why?: string;
  documentationUrl: string;
  severity: SeverityNumber;
  controls: string[];
  category?: string;
  /** Ran in this run (on at least one document). */
  active: boolean;
  /** OAS versions the rule inspects (finlint rules); undefined = any. */
  oasVersions?: readonly OasVersion[];
  /** An engine diagnostic (waivers, $refs), not a rule. */
  engine: boolean;
}

export interface ReportFinding {
  /** Anchor id: `f1`, `f2`... */
  id: string;
  finding: Finding;
  /** Index into `documents`. */
  document: number;
  /** Framework ids of the controls the finding cites. */
  frameworks: string[];
}

export interface ReportControl {
  id: string;
  framework: string;
  /** The part after `framework:`. */
  clause: string;
  title: string;
  /** In finlint's control vocabulary (rulesets/controls.ts); a custom rule may cite other ids. */
  known: boolean;
  /** Rules that provide evidence for the control: finlint's rules citing it and any rule of the run citing it. */
  rules: string[];
  /** Those of `rules` that ran in this run. */
  activeRules: string[];
  status: ControlStatus;
  /** Status per coverage document, aligned with `ComplianceModel.coverageDocuments`. */
  documents: ControlStatus[];
  /** Number of coverage documents in each status. */
  counts: Record<ControlStatus, number>;
  open: number;
  waived: number;
  /** Worst severity among the open findings. */
  worst?: SeverityNumber;
  /** Indices into `findings`. */
  findings: number[];
}

export interface ReportFramework {
  id: string;
  title: string;
  url?: string;
  controls: ReportControl[];
  /** Number of controls in each overall status. */
  counts: Record<ControlStatus, number>;
  notCheckable: readonly NotCheckable[];
}

export type WaiverStatus = 'expired' | 'stale' | 'invalid' | 'expiring' | 'active';
export const WAIVER_STATUS_LABELS: Readonly<Record<WaiverStatus, string>> = {
  expired: 'expired',
  stale: 'stale',
  invalid: 'invalid',
  expiring: 'expires soon',
  active: 'active',
};

export interface ReportWaiver {
  /** Anchor id: `w1`, `w2`... */
  id: string;
  kind: 'waiver' | 'inline';
  status: WaiverStatus;
  rule?: string;
  /** Where the waiver is written: `finlint.waivers.yaml:12` or `openapi.yaml#/servers/0`. */
  location: string;
  /** What a waivers-file entry names: its file glob and pointer. */
  target?: string;
  reason?: string;
  owner?: string;
  ticket?: string;
  expires?: string;
  /** Days from the report date to the expiry (negative when expired). */
  daysLeft?: number;
  /** Waived findings it covers (indices into `findings`). */
  findings: number[];
  /** The `waiver-expired`, `waiver-stale` or `waiver-invalid` finding about it. */
  problem?: number;
}

export interface ComplianceModel {
  generatedAt: Date;
  /** YYYY-MM-DD (UTC) of `generatedAt`. */
  date: string;
  toolVersion: string;
  preset: string;
  /** Rules active in the run. */
  rulesActive: number;
  configs: string[];
  documents: ReportDocument[];
  /** Indices into `documents` of the documents counted in control coverage. */
  coverageDocuments: number[];
  inputErrors: InputError[];
  totals: { open: SeverityCounts; waived: number; findings: number };
  frameworks: ReportFramework[];
  findings: ReportFinding[];
  rules: Record<string, ReportRule>;
  waivers: ReportWaiver[];
  filtered?: Report['filtered'];
}

/** The OAS version a document declares (`openapi: 3.1.0`, `swagger: "2.0"`), or undefined when it cannot tell. */
export function detectOasVersion(text: string): OasVersion | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  if (body.trimStart().startsWith('{')) {
    try {
      const data = JSON.parse(body) as Record<string, unknown>;
      value = data.openapi ?? data.swagger;
    } catch {
      // not strict JSON (YAML flow style): fall through to the top-level key pattern
    }
  }
  if (value === undefined) value = /^["']?(?:openapi|swagger)["']?[ \t]*:[ \t]*["']?(\d[\d.]*)/m.exec(body)?.[1];
  const v = String(value ?? '');
  if (v === '2.0' || v === '2') return '2.0';
  if (/^3\.0(\.|$)/.test(v)) return '3.0';
  if (/^3\.1(\.|$)/.test(v)) return '3.1';
  return undefined;
}

function emptyCounts(): Record<ControlStatus, number> {
  return { failed: 0, waived: 0, passed: 0, na: 0 };
}

function worstStatus(statuses: readonly ControlStatus[]): ControlStatus {
  for (const s of CONTROL_STATUSES) if (statuses.includes(s)) return s;
  return 'na';
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function compareControlIds(a: string, b: string): number {
  const pa = a.split(/[:.-]/);
  const pb = b.split(/[:.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    const nx = Number(x.replace(/^\D+/, ''));
    const ny = Number(y.replace(/^\D+/, ''));
    if (x.replace(/\d+$/, '') === y.replace(/\d+$/, '') && !Number.isNaN(nx) && !Number.isNaN(ny) && nx !== ny) return nx - ny;
    return x < y ? -1 : 1;
  }
  return 0;
}

function ruleSummaries(report: Report, findings: readonly Finding[], why: AuditInputs['why']): Record<string, ReportRule> {
  const rules: Record<string, ReportRule> = {};
  const add = (id: string, base: Omit<ReportRule, 'id' | 'why' | 'oasVersions' | 'engine'>) => {
    const fin = rulesById.get(id);
    rules[id] = {
      id,
      ...base,
      ...(why?.[id] ? { why: why[id] } : {}),
      ...(fin ? { oasVersions: fin.definition.extensions.oasVersions } : {}),
      engine: isEngineCode(id),
    };
  };
  for (const info of Object.values(report.ruleInfo ?? {})) {
    add(info.id, {
      description: info.description,
      howToFix: info.howToFix,
      documentationUrl: info.documentationUrl,
      severity: info.severity,
      controls: [...info.controls],
      ...(info.category ? { category: info.category } : {}),
      active: !isEngineCode(info.id),
    });
  }
  for (const f of findings) {
    if (rules[f.code]) continue;
    const fin = rulesById.get(f.code)?.definition;
    add(f.code, {
      description: fin?.description ?? '',
      howToFix: f.howToFix,
      documentationUrl: f.documentationUrl,
      severity: f.severity,
      controls: [...f.controls],
      ...(fin ? { category: fin.extensions.category } : {}),
      active: !isEngineCode(f.code),
    });
  }
  return rules;
}

/** Builds the compliance report model from a lint report. */
export function buildComplianceModel(report: Report, inputs: AuditInputs = {}, options: ModelOptions = {}): ComplianceModel {
  const generatedAt = options.now ?? new Date();
  const date = generatedAt.toISOString().slice(0, 10);
  const rules = ruleSummaries(report, report.findings, inputs.why);
  const activeAll = Object.values(rules)
    .filter((r) => r.active)
    .map((r) => r.id);

  // Documents: the linted files in order, then every other source that has a finding.
  const documents: ReportDocument[] = [];
  const docIndex = new Map<string, number>();
  const addDocument = (source: string, linted: boolean) => {
    if (docIndex.has(source)) return;
    docIndex.set(source, documents.length);
    const text = inputs.sources?.[source];
    const oasVersion = text !== undefined ? detectOasVersion(text) : undefined;
    documents.push({
      id: `d${documents.length + 1}`,
      source,
      linted,
      ...(oasVersion ? { oasVersion } : {}),
      coverage: linted,
      open: [0, 0, 0, 0],
      waived: 0,
      findings: [],
    });
  };
  for (const file of report.files) addDocument(file, true);
  for (const f of report.findings) addDocument(f.source, false);

  const findings: ReportFinding[] = report.findings.map((finding, i) => {
    const d = docIndex.get(finding.source)!;
    const doc = documents[d];
    doc.findings.push(i);
    if (finding.suppression) doc.waived++;
    else doc.open[Math.min(3, Math.max(0, finding.severity))]++;
    if (finding.controls.length > 0) doc.coverage = true;
    return { id: `f${i + 1}`, finding, document: d, frameworks: [...new Set(finding.controls.map(frameworkOf))] };
  });
  const coverageDocuments = documents.flatMap((d, i) => (d.coverage ? [i] : []));

  // Which controls to list: the vocabulary of each framework, plus any id a rule of the run or a finding cites.
  const cited = new Set<string>();
  for (const r of Object.values(rules)) if (r.active) for (const c of r.controls) cited.add(c);
  for (const f of report.findings) for (const c of f.controls) cited.add(c);
  const evidence = new Map<string, string[]>();
  const addEvidence = (control: string, rule: string) => {
    const list = evidence.get(control) ?? [];
    if (!list.includes(rule)) list.push(rule);
    evidence.set(control, list);
  };
  for (const [id, rule] of rulesById) for (const c of rule.definition.extensions.controls) addEvidence(c, id);
  for (const r of Object.values(rules)) for (const c of r.controls) addEvidence(c, r.id);

  const frameworkIds = [...FRAMEWORKS.map((f) => f.id), ...[...new Set([...cited].map(frameworkOf))].filter((id) => !FRAMEWORKS.some((f) => f.id === id)).sort()];
  const shownFrameworks = frameworkIds.filter((id) => CORE_FRAMEWORKS.includes(id) || [...cited].some((c) => frameworkOf(c) === id));

  // Findings per (document, control).
  const hits = new Map<string, { open: number; waived: number }>();
  for (const f of findings) {
    for (const c of new Set(f.finding.controls)) {
      const key = `${f.document}\u0000${c}`;
      const h = hits.get(key) ?? { open: 0, waived: 0 };
      if (f.finding.suppression) h.waived++;
      else h.open++;
      hits.set(key, h);
    }
  }
  const rulesFor = (doc: ReportDocument): ReadonlySet<string> => {
    if (!doc.linted) return new Set();
    return new Set(inputs.rulesByDocument?.[doc.source] ?? activeAll);
  };
  const docRules = documents.map(rulesFor);
  const applies = (ruleId: string, doc: ReportDocument) => {
    const versions = rules[ruleId]?.oasVersions ?? rulesById.get(ruleId)?.definition.extensions.oasVersions;
    return !versions || !doc.oasVersion || versions.includes(doc.oasVersion);
  };

  const findingsByControl = new Map<string, number[]>();
  findings.forEach((f, i) => {
    for (const c of new Set(f.finding.controls)) push(findingsByControl, c, i);
  });

  const frameworks: ReportFramework[] = shownFrameworks.map((fwId) => {
    const fw = FRAMEWORKS.find((f) => f.id === fwId);
    const vocabulary = Object.keys(CONTROL_TITLES).filter((c) => frameworkOf(c) === fwId);
    const extra = [...cited].filter((c) => frameworkOf(c) === fwId && !vocabulary.includes(c)).sort(compareControlIds);
    const controls = [...vocabulary, ...extra].map((id): ReportControl => {
      const ruleIds = evidence.get(id) ?? [];
      const activeRules = ruleIds.filter((r) => rules[r]?.active);
      const statuses = coverageDocuments.map((d): ControlStatus => {
        const h = hits.get(`${d}\u0000${id}`);
        if (h && h.open > 0) return 'failed';
        if (h && h.waived > 0) return 'waived';
        const doc = documents[d];
        return ruleIds.some((r) => docRules[d].has(r) && applies(r, doc)) ? 'passed' : 'na';
      });
      const counts = emptyCounts();
      for (const s of statuses) counts[s]++;
      const idx = findingsByControl.get(id) ?? [];
      const open = idx.filter((i) => !findings[i].finding.suppression);
      return {
        id,
        framework: fwId,
        clause: id.slice(fwId.length + 1),
        title: CONTROL_TITLES[id] ?? 'Not in finlint\u2019s control vocabulary (cited by a custom rule)',
        known: id in CONTROL_TITLES,
        rules: ruleIds,
        activeRules,
        status: worstStatus(statuses),
        documents: statuses,
        counts,
        open: open.length,
        waived: idx.length - open.length,
        ...(open.length > 0 ? { worst: Math.min(...open.map((i) => findings[i].finding.severity)) as SeverityNumber } : {}),
        findings: idx,
      };
    });
    const counts = emptyCounts();
    for (const c of controls) counts[c.status]++;
    return {
      id: fwId,
      title: fw?.title ?? fwId,
      ...(fw ? { url: fw.url } : {}),
      controls,
      counts,
      notCheckable: notStaticallyCheckable[fwId] ?? [],
    };
  });

  const open: SeverityCounts = [0, 0, 0, 0];
  let waived = 0;
  for (const f of report.findings) {
    if (f.suppression) waived++;
    else open[Math.min(3, Math.max(0, f.severity))]++;
  }

  return {
    generatedAt,
    date,
    toolVersion: options.toolVersion ?? FINLINT_VERSION,
    preset: report.preset,
    rulesActive: report.rules,
    configs: [...(report.configs ?? [])],
    documents,
    coverageDocuments,
    inputErrors: [...report.inputErrors],
    totals: { open, waived, findings: report.findings.length },
    frameworks,
    findings,
    rules,
    waivers: waiverRows(findings, inputs, date),
    ...(report.filtered ? { filtered: report.filtered } : {}),
  };
}

const WAIVER_ORDER: readonly WaiverStatus[] = ['expired', 'stale', 'invalid', 'expiring', 'active'];

function waiverRows(findings: readonly ReportFinding[], inputs: AuditInputs, today: string): ReportWaiver[] {
  const rows: Omit<ReportWaiver, 'id'>[] = [];
  const byKey = new Map<string, Omit<ReportWaiver, 'id'>>();
  findings.forEach((rf, i) => {
    const f = rf.finding;
    const s = f.suppression;
    if (s) {
      const key = `${s.kind}\u0000${s.location}\u0000${f.code}`;
      const existing = byKey.get(key);
      if (existing) {
        existing.findings.push(i);
        return;
      }
      const daysLeft = s.expires ? daysBetween(today, s.expires) : undefined;
      const row: Omit<ReportWaiver, 'id'> = {
        kind: s.kind,
        status: daysLeft !== undefined && daysLeft <= EXPIRING_WITHIN_DAYS ? 'expiring' : 'active',
        rule: f.code,
        location: s.location,
        reason: s.justification,
        ...(s.owner ? { owner: s.owner } : {}),
        ...(s.ticket ? { ticket: s.ticket } : {}),
        ...(s.expires ? { expires: s.expires } : {}),
        ...(daysLeft !== undefined ? { daysLeft } : {}),
        findings: [i],
      };
      byKey.set(key, row);
      rows.push(row);
      return;
    }
    const status = f.code === 'waiver-expired' ? 'expired' : f.code === 'waiver-stale' ? 'stale' : f.code === 'waiver-invalid' ? 'invalid' : undefined;
    if (!status) return;
    if (f.path[0] === 'waivers' && typeof f.path[1] === 'number') {
      const entry = inputs.waivers?.[f.source]?.[f.path[1]];
      const daysLeft = entry ? daysBetween(today, entry.expires) : undefined;
      rows.push({
        kind: 'waiver',
        status,
        location: `${f.source}:${f.range.start.line + 1}`,
        ...(entry
          ? {
              rule: entry.rule,
              target: `${entry.file}${entry.pointer.startsWith('#') ? entry.pointer : `#${entry.pointer}`}`,
              reason: entry.reason,
              owner: entry.owner,
              ...(entry.ticket ? { ticket: entry.ticket } : {}),
              expires: entry.expires,
              daysLeft,
            }
          : {}),
        findings: [],
        problem: i,
      });
      return;
    }
    const at = f.path.at(-1) === 'x-finlint-ignore' ? f.path.slice(0, -1) : f.path;
    rows.push({ kind: 'inline', status, location: `${f.source}#${toPointer(at)}`, findings: [], problem: i });
  });
  rows.sort((a, b) => WAIVER_ORDER.indexOf(a.status) - WAIVER_ORDER.indexOf(b.status));
  return rows.map((r, i) => ({ id: `w${i + 1}`, ...r }));
}

/** `error`, `warn`, `info`, `hint`. */
export function severityLabel(severity: number): string {
  return SEVERITY_NAMES[severity] ?? 'hint';
}
