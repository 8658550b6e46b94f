/** Thrown when a ruleset file cannot be read or is invalid; the CLI prints its message and exits 2. */
export class RulesetLoadError extends Error {}
