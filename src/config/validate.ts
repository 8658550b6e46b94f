import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import ajvErrorsModule from 'ajv-errors';
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';

/** One problem in a configuration or waivers file, located by key path and (when known) line and column. */
export interface ConfigIssue {
  file: string;
  /** Key path such as `rules.fin-auth-no-http-basic` or `overrides[0].files`; empty for the whole file. */
  key: string;
  message: string;
  line?: number;
  column?: number;
}

/** Thrown for an invalid configuration, waivers or baseline file. The CLI prints one line per issue and exits 2. */
export class ConfigError extends Error {
  readonly issues: ConfigIssue[];
  constructor(issues: ConfigIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

export function formatIssue(i: ConfigIssue): string {
  const where = i.line !== undefined ? `${i.file}:${i.line}:${i.column ?? 1}` : i.file;
  return `${where}: ${i.key ? `${i.key}: ` : ''}${i.message}`;
}

export function configIssue(file: string, key: string, message: string, pos?: { line: number; column: number }): ConfigError {
  return new ConfigError([{ file, key, message, ...(pos ?? {}) }]);
}

// ajv and ajv-errors are CommonJS: Node's ESM loader hands over module.exports, bundlers the `default` export.
type AjvClass = typeof AjvModule.default;
const Ajv = ((AjvModule as unknown as { default?: AjvClass }).default ?? AjvModule) as AjvClass;
type AjvErrorsFn = typeof ajvErrorsModule.default;
const ajvErrors = ((ajvErrorsModule as unknown as { default?: AjvErrorsFn }).default ?? ajvErrorsModule) as AjvErrorsFn;
let ajv: InstanceType<AjvClass> | undefined;

/**
 * A validator compiled on first use: most runs load no configuration or waivers file, and creating ajv and compiling
 * the two schemas cost ~50 ms of every start-up.
 */
export function compileSchema(schema: object): () => ValidateFunction {
  let validate: ValidateFunction | undefined;
  return () => {
    if (!ajv) {
      ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
      ajvErrors(ajv);
    }
    return (validate ??= ajv.compile(schema));
  };
}

/** `a.b[0].c` from JSON pointer segments. */
export function keyPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out;
}

function pointerSegments(instancePath: string, data: unknown): (string | number)[] {
  if (instancePath === '') return [];
  const out: (string | number)[] = [];
  let cur: unknown = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      out.push(Number(seg));
      cur = cur[Number(seg)];
    } else {
      out.push(seg);
      cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

/** The closest candidate to `word`, if it is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = distance(word.toLowerCase(), c.toLowerCase());
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** A parsed YAML file that can tell the line and column of any key path. */
export class YamlSource {
  readonly data: unknown;
  private readonly doc: ReturnType<typeof parseDocument>;
  private readonly lines = new LineCounter();

  constructor(
    readonly file: string,
    text: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    const error = this.doc.errors[0];
    if (error) {
      const pos = this.lines.linePos(error.pos[0]);
      throw configIssue(file, '', `invalid YAML: ${error.message.split('\n')[0]}`, { line: pos.line, column: pos.col });
    }
    this.data = this.doc.toJS();
  }

  /** Line/column (1-based) of the value at `segments`, or of the key `key` inside it. */
  position(segments: readonly (string | number)[], key?: string): { line: number; column: number } | undefined {
    let node = (segments.length === 0 ? this.doc.contents : this.doc.getIn(segments, true)) as Node | null | undefined;
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (pair && isScalar(pair.key)) node = pair.key;
    }
    const offset = node?.range?.[0];
    if (offset === undefined) return undefined;
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }

  /** 0-based start and end of the node at `segments`, for findings that point into this file. */
  range(segments: readonly (string | number)[]): { start: { line: number; character: number }; end: { line: number; character: number } } {
    const node = (segments.length === 0 ? this.doc.contents : this.doc.getIn(segments, true)) as Node | null | undefined;
    const [from, to] = node?.range ?? [0, 0];
    const a = this.lines.linePos(from);
    const b = this.lines.linePos(to);
    return { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } };
  }
}

function errorMessage(e: ErrorObject): { message: string; extraKey?: string } {
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = String(e.params.additionalProperty);
      return { message: 'unknown key', extraKey: extra };
    }
    case 'enum':
      return { message: `must be one of ${(e.params.allowedValues as unknown[]).map((v) => String(v)).join(', ')}` };
    case 'required':
      return { message: `missing required key "${String(e.params.missingProperty)}"` };
    default:
      return { message: e.message ?? 'is invalid' };
  }
}

/**
 * Validates parsed YAML against a compiled schema and turns ajv's errors into issues that name the bad key, with
 * line and column and a "did you mean" for misspelt keys. Errors of `if`/`then` wrappers are dropped in favour of
 * the precise error they contain.
 */
export function validateYaml(source: YamlSource, validator: () => ValidateFunction, schemaKeys: (segments: (string | number)[]) => string[]): ConfigIssue[] {
  const validate = validator();
  if (validate(source.data)) return [];
  const issues: ConfigIssue[] = [];
  const generic = new Set<ConfigIssue>();
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    if (e.keyword === 'if') continue;
    const segments = pointerSegments(e.instancePath, source.data);
    const { message, extraKey } = errorMessage(e);
    const full = extraKey !== undefined ? [...segments, extraKey] : segments;
    let text = message;
    if (extraKey !== undefined) {
      const allowed = schemaKeys(segments);
      const guess = didYouMean(extraKey, allowed);
      text = `unknown key${guess ? ` (did you mean ${guess}?)` : ''}${allowed.length ? `; allowed keys: ${allowed.join(', ')}` : ''}`;
    }
    const key = keyPath(full);
    const id = `${key}\0${text}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const issue: ConfigIssue = { file: source.file, key, message: text, ...(source.position(segments, extraKey) ?? {}) };
    if (['errorMessage', 'type', 'anyOf', 'oneOf'].includes(e.keyword)) generic.add(issue);
    issues.push(issue);
  }
  // When a key has a precise error, drop the generic ("must be ...") errors of its ancestors.
  const isBelow = (j: ConfigIssue, i: ConfigIssue) =>
    j !== i && (i.key === '' ? j.key !== '' : j.key.startsWith(`${i.key}.`) || j.key.startsWith(`${i.key}[`));
  return issues.filter((i) => !generic.has(i) || !issues.some((j) => isBelow(j, i)));
}
