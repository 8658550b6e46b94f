import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { loadWaivers } from '../../src/config/waivers.js';
import { configTemplate, waiversTemplate } from '../../src/cli/init.js';

const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

/** The first ```yaml block after a heading. */
function yamlAfter(heading: string): string {
  const from = readme.indexOf(heading);
  expect(from, heading).toBeGreaterThan(-1);
  const m = /```yaml\n([\s\S]*?)```/.exec(readme.slice(from));
  return m![1];
}

async function write(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'finlint-readme-'));
  await writeFile(path.join(dir, name), text);
  return path.join(dir, name);
}

describe('README examples are valid', () => {
  it('the configuration example passes the schema', async () => {
    await expect(loadConfig(await write('finlint.config.yaml', yamlAfter('## Configuration')))).resolves.toBeDefined();
  });
  it('the waivers example passes the schema', async () => {
    const set = await loadWaivers(await write('finlint.waivers.yaml', yamlAfter('## Waivers and inline ignores')));
    expect(set.waivers).toHaveLength(1);
  });
  it('the files finlint init writes pass the schema', async () => {
    await expect(loadConfig(await write('finlint.config.yaml', configTemplate()))).resolves.toBeDefined();
    expect((await loadWaivers(await write('finlint.waivers.yaml', waiversTemplate()))).waivers).toEqual([]);
  });
});
