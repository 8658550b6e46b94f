import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import { FORMAT_NAMES, type FormatName } from './names.js';
import type { Formatter } from './types.js';

export const formatters = { stylish, json, sarif, junit, github, markdown, html } satisfies Record<FormatName, Formatter>;
if (Object.keys(formatters).join() !== FORMAT_NAMES.join()) throw new Error('FORMAT_NAMES and the formatters disagree');
export { FORMAT_NAMES, loadFormatter, type FormatName } from './names.js';
export type { Formatter, FormatContext } from './types.js';
