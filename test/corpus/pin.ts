import { createHash } from 'node:crypto';

/**
 * Findings pin: a per-rule digest of what finlint reports on a corpus document, so that a performance change can
 * be proven not to change a single finding (issue 8: "the findings must be identical before and after each
 * optimisation"). Each finding is reduced to a canonical line (rule, severity, source-relative path, range,
 * message); lines are sorted and hashed per rule, with the count kept readable for diffs.
 */
export interface PinFinding {
  code: string;
  severity: number;
  message: string;
  path: (string | number)[];
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  source?: string;
}

export interface RulePin {
  count: number;
  sha256: string;
}

/** document (corpus-relative path) -> rule id -> pin. Rules listed with count 0 are pinned as silent. */
export type PinFile = Record<string, Record<string, RulePin>>;

function line(f: PinFinding): string {
  const r = f.range;
  return JSON.stringify([f.severity, f.path, r.start.line, r.start.character, r.end.line, r.end.character, f.message]);
}

/** Digests findings per rule; `ruleIds` are the rules that ran (so that a silent rule is pinned as 0). */
export function pinFindings(findings: readonly PinFinding[], ruleIds: readonly string[]): Record<string, RulePin> {
  const byRule = new Map<string, string[]>(ruleIds.map((id) => [id, []]));
  for (const f of findings) {
    const list = byRule.get(f.code);
    if (list) list.push(line(f));
    else byRule.set(f.code, [line(f)]);
  }
  const out: Record<string, RulePin> = {};
  for (const id of [...byRule.keys()].sort()) {
    const lines = byRule.get(id)!.sort();
    out[id] = { count: lines.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16) };
  }
  return out;
}

/** Rule ids whose pin differs, with counts, for a readable assertion message. Rules absent from `expected` are not compared. */
export function pinDifferences(expected: Record<string, RulePin>, actual: Record<string, RulePin>): string[] {
  const diffs: string[] = [];
  for (const [id, want] of Object.entries(expected)) {
    const got = actual[id] ?? { count: 0, sha256: pinFindings([], [id])[id].sha256 };
    if (got.sha256 !== want.sha256) diffs.push(`${id}: expected ${want.count} findings (${want.sha256}), got ${got.count} (${got.sha256})`);
  }
  return diffs;
}
