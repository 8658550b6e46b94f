/**
 * Extra veto tokens for rules that judge credential *values* in schemas (not names in URLs, where
 * `passwordResetToken` or `passwordResetLink` must still count as credentials). The shared credential dictionary
 * (dictionaries.ts) holds the vetoes every rule wants (`public`, `ref`, `namespace`, `indicator`...). Covers:
 * `passwordChangeDate`, `passwordChangeIndicator` (3-D Secure account info), `otpDeliveryChannel`,
 * `passwordIncludeDigit`, `expirePasswordDays`, `passwordProtected` (string-typed policy flags), references to
 * secrets (`secretRef`, `secretNamespace`, `secretFile`),
 * `pinLngthCpblties` (ISO 20022 abbreviations), `passwordMinLength`. Rules that judge credential *values* add them
 * with `extendClass`. (Not `time`: it would veto `oneTimePasscode`, whose phrase is only `passcode`.)
 */
export const EXTRA_CREDENTIAL_VETOES: readonly string[] = [
  'cpblties',
  'len',
  'lngth',
  'reset',
  'retries',
  'tries',
  'mode',
  'result',
  'channel',
  'delivery',
  'expire',
  'text',
  'link',
  'scanning',
];
