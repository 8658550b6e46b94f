import type { Formatter } from './types.js';

/**
 * The output formats, in the order the CLI lists them. A module of its own so that the CLI loads only the formatters
 * a run asks for (html and markdown bring in every rule's metadata); src/format/index.ts checks that it names
 * exactly its formatters.
 */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'html'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** The formatter of one format, loaded on demand. */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish.js')).stylish;
    case 'json':
      return (await import('./json.js')).json;
    case 'sarif':
      return (await import('./sarif.js')).sarif;
    case 'junit':
      return (await import('./junit.js')).junit;
    case 'github':
      return (await import('./github.js')).github;
    case 'markdown':
      return (await import('./markdown.js')).markdown;
    case 'html':
      return (await import('./html.js')).html;
  }
}
