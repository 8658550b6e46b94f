import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's `docs/` directory, found by walking up from this module (works from `src/` and from `dist/`). */
export function docsDir(): string | undefined {
  let dir = typeof __filename === 'string' ? path.dirname(__filename) : path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (existsSync(candidate)) return path.join(dir, 'docs');
    dir = path.dirname(dir);
  }
  return undefined;
}
