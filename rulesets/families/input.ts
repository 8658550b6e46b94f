import finInputStringMaxLength from '../rules/fin-input-string-max-length.js';
import finInputStringRestricted from '../rules/fin-input-string-restricted.js';
import finInputPatternAnchored from '../rules/fin-input-pattern-anchored.js';
import finInputArrayMaxItems from '../rules/fin-input-array-max-items.js';
import finInputNumericBounds from '../rules/fin-input-numeric-bounds.js';
import finInputClosedRequestObjects from '../rules/fin-input-closed-request-objects.js';
import finInputRequestBodySchemaDefined from '../rules/fin-input-request-body-schema-defined.js';
import finInputMoneyNotFloat from '../rules/fin-input-money-not-float.js';
import finInputCurrencyCode from '../rules/fin-input-currency-code.js';
import finInputUploadLimits from '../rules/fin-input-upload-limits.js';
import finInputNoWildcardMediaType from '../rules/fin-input-no-wildcard-media-type.js';
import finInputUrlFieldsConstrained from '../rules/fin-input-url-fields-constrained.js';
import finInputNonEnumerableIds from '../rules/fin-input-non-enumerable-ids.js';
import type { FinRule } from '../types.js';

/** Family G: input validation and resource bounds (catalogue §5 G). */
export const inputRules: readonly FinRule[] = [
  finInputStringMaxLength,
  finInputStringRestricted,
  finInputPatternAnchored,
  finInputArrayMaxItems,
  finInputNumericBounds,
  finInputClosedRequestObjects,
  finInputRequestBodySchemaDefined,
  finInputMoneyNotFloat,
  finInputCurrencyCode,
  finInputUploadLimits,
  finInputNoWildcardMediaType,
  finInputUrlFieldsConstrained,
  finInputNonEnumerableIds,
];
