import { readFileSync, writeFileSync } from 'node:fs';
import { profilesDoc } from './profilesDoc.js';
import { withRulesTable } from './rulesTable.js';

const file = new URL('../README.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = withRulesTable(before);
if (after !== before) writeFileSync(file, after);
process.stdout.write(after === before ? 'README rules table is up to date.\n' : 'README rules table regenerated.\n');

const profiles = new URL('../docs/profiles.md', import.meta.url);
const doc = profilesDoc();
let old = '';
try {
  old = readFileSync(profiles, 'utf8');
} catch {
  // first run
}
if (old !== doc) writeFileSync(profiles, doc);
process.stdout.write(old === doc ? 'docs/profiles.md is up to date.\n' : 'docs/profiles.md regenerated.\n');
