import pkg from '../package.json' with { type: 'json' };

/** finlint's version, from package.json (bundled into dist/ at build time). */
export const FINLINT_VERSION: string = pkg.version;
/** Where finlint lives, for report metadata. */
export const FINLINT_URL = 'https://github.com/finlint/finlint';
