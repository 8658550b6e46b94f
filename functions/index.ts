/** finlint's custom Spectral functions, for organisation rulesets that build on them. */
export {};
