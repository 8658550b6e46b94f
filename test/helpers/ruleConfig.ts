import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll } from 'vitest';
import { stringify } from 'yaml';

/**
 * Writes a finlint.config.yaml that switches every finlint rule off except `ruleId`, configured with `options`, and
 * returns its path, for `testRule(RULE, scenarios, { config })`. The directory is removed after the test file.
 */
export function ruleConfig(ruleId: string, severity: 'error' | 'warn' | 'info' | 'hint', options: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'finlint-config-'));
  const file = path.join(dir, 'finlint.config.yaml');
  writeFileSync(file, stringify({ extends: [['finlint', 'off']], rules: { [ruleId]: { severity, options } } }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return file;
}
