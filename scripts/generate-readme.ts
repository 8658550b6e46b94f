import { readFileSync, writeFileSync } from 'node:fs';
import { withRulesTable } from './rulesTable.js';

const file = new URL('../README.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = withRulesTable(before);
if (after !== before) writeFileSync(file, after);
process.stdout.write(after === before ? 'README rules table is up to date.\n' : 'README rules table regenerated.\n');
