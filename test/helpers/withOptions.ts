import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import finlintRuleset from '../../rulesets/ruleset.js';
import { rulesById } from '../../rulesets/registry.js';
import { lint } from '../../src/engine/lint.js';
import type { Finding } from '../../src/engine/types.js';

/**
 * Runs one rule with `functionOptions`, the way an organisation ruleset configures it, and returns its findings.
 * Options that fail the function's option schema make `lint` throw (Spectral validates them when the ruleset loads).
 */
export async function runRuleWithOptions(
  ruleId: string,
  options: Record<string, unknown>,
  document: string | object,
  files: Record<string, string | object> = {},
): Promise<Finding[]> {
  const rule = rulesById.get(ruleId);
  if (!rule) throw new Error(`unknown rule id ${ruleId}`);
  const then = rule.definition.then;
  if (Array.isArray(then)) throw new Error('rules with several `then` entries are not supported here');
  const dir = await mkdtemp(path.join(tmpdir(), 'finlint-opts-'));
  const text = (d: string | object) => (typeof d === 'string' ? d : stringify(d));
  try {
    await writeFile(path.join(dir, 'openapi.yaml'), text(document));
    for (const [rel, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), text(content));
    }
    const report = await lint(['openapi.yaml'], {
      cwd: dir,
      ruleset: {
        extends: [[finlintRuleset, 'off']],
        rules: { [ruleId]: { ...rule.definition, then: { ...then, functionOptions: options } } },
      },
    });
    if (report.inputErrors.length > 0) throw new Error(`input errors: ${JSON.stringify(report.inputErrors)}`);
    return report.findings.filter((f) => f.code === ruleId);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
