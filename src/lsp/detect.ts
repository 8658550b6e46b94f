/** Top-level `openapi:` / `swagger:` in YAML (or pretty-printed JSON), or `"openapi":` right after `{` or `,`. */
const AT_LINE_START = /^["']?(?:openapi|swagger)["']?\s*:/m;
const IN_JSON = /[{,]\s*"(?:openapi|swagger)"\s*:/;
const HEAD = 64 * 1024;

/**
 * Whether a text looks like an OpenAPI 2.0/3.x document, cheaply (a scan, no parse), so that other YAML and JSON
 * files (CI workflows, package.json, `$ref`'d fragments) are left alone. The lint itself then checks the version.
 */
export function looksLikeOpenApi(text: string): boolean {
  const head = text.length > HEAD ? text.slice(0, HEAD) : text;
  if (AT_LINE_START.test(head) || IN_JSON.test(head)) return true;
  if (text.length <= HEAD) return false;
  // the version key can come last in a large JSON document
  return AT_LINE_START.test(text) || IN_JSON.test(text);
}
