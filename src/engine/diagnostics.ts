import type { Finding, Position, RuleInfo, SeverityNumber } from './types.js';

/** Engine diagnostics that are not finlint rules; documented in docs/engine.md. */
export const ENGINE_DOCS = 'https://github.com/finlint/finlint/blob/main/docs/engine.md';

interface EngineCode {
  description: string;
  howToFix: string;
  severity: SeverityNumber;
}

export const ENGINE_CODES: Record<string, EngineCode> = {
  'invalid-ref': {
    description: 'A $ref could not be followed or was refused.',
    howToFix: 'Point the $ref at an existing target inside the lint root, or pass --root / --allow-remote-refs if it is intended.',
    severity: 0,
  },
  parser: {
    description: 'The document parses with a problem such as a duplicated key.',
    howToFix: 'Fix the document so that it parses cleanly (for example remove the duplicated key).',
    severity: 0,
  },
  'unrecognized-format': {
    description: 'The document is not recognised as OpenAPI 2.0, 3.0 or 3.1.',
    howToFix: 'Declare "openapi: 3.0.x", "openapi: 3.1.x" or "swagger: \'2.0\'" at the top of the document.',
    severity: 0,
  },
  'waiver-expired': {
    description: 'A waiver is past its expiry date and no longer waives anything.',
    howToFix: 'Fix the findings it covered, or renew the waiver with a new expiry date, reason and owner after review.',
    severity: 1,
  },
  'waiver-stale': {
    description: 'A waiver or inline x-finlint-ignore matches no finding.',
    howToFix: 'Delete the waiver (the finding it covered is gone), or correct its rule, file or pointer.',
    severity: 1,
  },
  'waiver-invalid': {
    description: 'An inline x-finlint-ignore is malformed or gives no x-finlint-ignore-reason.',
    howToFix: 'Write x-finlint-ignore as a list of rule ids and add x-finlint-ignore-reason explaining the exception.',
    severity: 1,
  },
};

export function isEngineCode(code: string): boolean {
  return code in ENGINE_CODES;
}

export function engineDocsUrl(code: string): string {
  return `${ENGINE_DOCS}#${code}`;
}

export function engineRuleInfo(code: string): RuleInfo {
  const e = ENGINE_CODES[code];
  return {
    id: code,
    description: e?.description ?? code,
    severity: e?.severity ?? 0,
    documentationUrl: engineDocsUrl(code),
    controls: [],
    howToFix: e?.howToFix ?? '',
    category: 'engine',
  };
}

/** Builds an engine finding (waiver problems) at a position in a file. */
export function engineFinding(
  code: keyof typeof ENGINE_CODES,
  message: string,
  source: string,
  path: (string | number)[],
  start: Position,
  end: Position = start,
): Finding {
  const e = ENGINE_CODES[code];
  return {
    code,
    message,
    severity: e.severity,
    path,
    range: { start, end },
    source,
    controls: [],
    documentationUrl: engineDocsUrl(code),
    howToFix: e.howToFix,
  };
}
