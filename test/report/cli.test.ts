import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';

const root = path.resolve(__dirname, '../..');
const NOW = new Date('2026-06-01T12:00:00Z');

describe('finlint report', () => {
  it('writes the HTML report to -o and says what it wrote', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'finlint-report-'));
    const out = path.join(dir, 'report.html');
    const r = await runCli(['report', 'examples/payments-noncompliant.yaml', 'examples/swagger2-payments.yaml', '--no-config', '-p', 'all', '-o', out], { cwd: root, now: NOW });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Compliance report of 2 documents \\(\\d+ open findings, 0 waived\\) written to ${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\.\\n$`));
    const page = await readFile(out, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<time datetime="2026-06-01T12:00:00.000Z">');
    expect(page).toContain('<pre class="excerpt"');
  });
  it('writes to stdout with -o -, and exits 2 when an input cannot be read (the report still lists it)', async () => {
    const r = await runCli(['report', 'examples/payments-compliant.yaml', 'missing.yaml', '--no-config', '-o', '-'], { cwd: root, now: NOW });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('finlint: missing.yaml: file not found\n');
    expect(r.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.stdout).toContain('<section id="input-errors"');
    expect(r.stdout).toContain('<code>missing.yaml</code>: file not found');
  });
  it('reads a document from stdin and shows its excerpts', async () => {
    const doc = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\nservers:\n  - url: http://api.bank.example\npaths: {}\n';
    const r = await runCli(['report', '-', '--stdin-filepath', 'piped.yaml', '--no-config', '-o', '-'], { cwd: root, stdin: doc, now: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<span class="hit"><span class="ln">4</span>  - url: http://api.bank.example</span>');
  });
  it('is also a lint --format, next to others, with the audit inputs loaded', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'finlint-report-'));
    const r = await runCli(['lint', 'examples/swagger2-payments.yaml', '--no-config', '-f', 'html', '-o', path.join(dir, 'r.html'), '-f', 'markdown', '-o', path.join(dir, 'r.md'), '-F', 'none'], { cwd: root, now: NOW });
    expect(r.code).toBe(0);
    const page = await readFile(path.join(dir, 'r.html'), 'utf8');
    expect(page).toContain('<pre class="excerpt"');
    expect(page).toContain('<h5>Why</h5>');
    const md = await readFile(path.join(dir, 'r.md'), 'utf8');
    expect(md).toContain('### Control coverage');
    expect(md).toContain('Controls that rules of this run checked, across 1 document:');
  });
  it('is listed in the help', async () => {
    const r = await runCli(['--help'], { cwd: root });
    expect(r.stdout).toMatch(/finlint report <inputs\.\.>\s+Write the HTML compliance report/);
  });
});
