/**
 * Rate-limit header vocabulary (catalogue H3/H4; draft-ietf-httpapi-ratelimit-headers).
 *
 * - IETF, draft-07 onwards: `RateLimit` (the current state: remaining quota `r` and reset `t` per policy) and
 *   `RateLimit-Policy` (the quota policies).
 * - IETF, up to draft-06: `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (and `RateLimit-Policy`).
 * - De-facto vendor names: `X-RateLimit-Limit`/`-Remaining`/`-Reset` (GitHub), `X-Rate-Limit-*` (Twitter), with
 *   suffixes such as `X-RateLimit-Remaining-Minute` (Kong).
 *
 * Names are compared case-insensitively.
 */

/** Any rate-limit field: `RateLimit`, `RateLimit-*`, `X-RateLimit-*`, `X-Rate-Limit-*`. */
export function isRateLimitHeader(name: string): boolean {
  return /^(x-)?rate-?limit(-.+)?$/i.test(name);
}

/**
 * A field that tells a client where it stands *now*: the IETF `RateLimit` field, or a remaining-quota or reset field of
 * the older families. A limit or policy alone is static information a client cannot pace itself with.
 */
export function isQuotaStateHeader(name: string): boolean {
  return /^ratelimit$/i.test(name) || /^(x-)?rate-?limit-(remaining|reset)(-.+)?$/i.test(name);
}

/** The current IETF field (draft-07 onwards). */
export function isIetfRateLimitField(name: string): boolean {
  return /^ratelimit$/i.test(name);
}

/**
 * A pre-07 or vendor field that has a current IETF equivalent: everything rate-limit shaped except `RateLimit` and
 * `RateLimit-Policy` (the latter exists in both generations).
 */
export function isLegacyRateLimitHeader(name: string): boolean {
  return isRateLimitHeader(name) && !/^ratelimit(-policy)?$/i.test(name);
}
