import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { docsDir } from '../cli/docs.js';
import { loadWaivers, type Waiver } from '../config/waivers.js';
import { isEngineCode } from '../engine/diagnostics.js';
import type { LintInput } from '../engine/loader.js';
import type { Report } from '../engine/types.js';
import type { AuditInputs } from './model.js';

export interface LoadAuditOptions {
  /** Working directory the report's sources are relative to. */
  cwd: string;
  /** The per-configuration groups of a `lintProject` run: which rules ran on which documents. */
  groups?: readonly { report: Report }[];
  /** The inputs of the run: the content of those that are not files (stdin) is taken from here. */
  inputs?: readonly LintInput[];
  /** Read the "Why" of each rule with findings from its docs page (default true). */
  docs?: boolean;
}

/** The "Why" section of a rule documentation page, or undefined. */
export function whySection(markdown: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => /^##\s+Why\s*$/.test(l));
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^##\s/.test(l));
  const text = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
  return text || undefined;
}

/**
 * Gathers what the compliance report shows beyond the lint report: the text of every file with findings (for
 * excerpts and OAS versions), the "Why" of each rule from its docs page, the entries of waivers files with
 * expired or stale waivers, and which rules ran on which document. Files that cannot be read are left out.
 */
export async function loadAuditInputs(report: Report, options: LoadAuditOptions): Promise<AuditInputs> {
  const sources: Record<string, string> = {};
  const contents = new Map((options.inputs ?? []).flatMap((i) => (typeof i === 'string' ? [] : [[i.source, i.content] as const])));
  const names = [...new Set([...report.files, ...report.findings.map((f) => f.source)])];
  for (const source of names) {
    const given = contents.get(source);
    if (given !== undefined) {
      sources[source] = given;
      continue;
    }
    try {
      sources[source] = await readFile(path.resolve(options.cwd, source), 'utf8');
    } catch {
      // unreadable now (stdin, deleted since): the report shows the finding without an excerpt
    }
  }

  const why: Record<string, string> = {};
  const dir = options.docs === false ? undefined : docsDir();
  if (dir) {
    for (const code of new Set(report.findings.map((f) => f.code))) {
      if (!/^[a-z0-9-]+$/.test(code) || isEngineCode(code)) continue;
      try {
        const text = whySection(await readFile(path.join(dir, 'rules', `${code}.md`), 'utf8'));
        if (text) why[code] = text;
      } catch {
        // a rule without a docs page (a custom rule): the report uses its description
      }
    }
  }

  const waivers: Record<string, Waiver[]> = {};
  const waiverFiles = new Set(
    report.findings.filter((f) => (f.code === 'waiver-expired' || f.code === 'waiver-stale') && f.path[0] === 'waivers').map((f) => f.source),
  );
  for (const file of waiverFiles) {
    try {
      waivers[file] = (await loadWaivers(file, options.cwd)).waivers;
    } catch {
      // changed or broken since the run: the report shows the engine's message only
    }
  }

  const rulesByDocument: Record<string, string[]> = {};
  for (const g of options.groups ?? []) {
    const ids = Object.keys(g.report.ruleInfo ?? {}).filter((id) => !isEngineCode(id));
    for (const file of g.report.files) rulesByDocument[file] = ids;
  }

  return {
    sources,
    why,
    waivers,
    ...(Object.keys(rulesByDocument).length > 0 ? { rulesByDocument } : {}),
  };
}
