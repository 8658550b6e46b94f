import finGdprPersonalDataClassified from '../rules/fin-gdpr-personal-data-classified.js';
import finGdprNoPersonalDataInUrl from '../rules/fin-gdpr-no-personal-data-in-url.js';
import finGdprNoSensitiveIdentifiersInUrl from '../rules/fin-gdpr-no-sensitive-identifiers-in-url.js';
import finGdprSpecialCategoryFlagged from '../rules/fin-gdpr-special-category-flagged.js';
import finGdprRetentionDocumented from '../rules/fin-gdpr-retention-documented.js';
import finGdprErasureEndpoint from '../rules/fin-gdpr-erasure-endpoint.js';
import finGdprExportEndpoint from '../rules/fin-gdpr-export-endpoint.js';
import finGdprRectificationEndpoint from '../rules/fin-gdpr-rectification-endpoint.js';
import finGdprResponsesFullySpecified from '../rules/fin-gdpr-responses-fully-specified.js';
import finGdprDataResidencyDeclared from '../rules/fin-gdpr-data-residency-declared.js';
import type { FinRule } from '../types.js';

/** Family F: personal data (catalogue §5 F). */
export const gdprRules: readonly FinRule[] = [
  finGdprPersonalDataClassified,
  finGdprNoPersonalDataInUrl,
  finGdprNoSensitiveIdentifiersInUrl,
  finGdprSpecialCategoryFlagged,
  finGdprRetentionDocumented,
  finGdprErasureEndpoint,
  finGdprExportEndpoint,
  finGdprRectificationEndpoint,
  finGdprResponsesFullySpecified,
  finGdprDataResidencyDeclared,
];
