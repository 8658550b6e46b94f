import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { declaredClassifications } from './utils/classify.js';
import { isObject, type JsonObject } from './utils/guards.js';
import { schemaVisits } from './utils/schemaWalker.js';

const PERSONAL_CLASSES: ReadonlySet<string> = new Set(['personal', 'special-category', 'national-id', 'criminal-offence']);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

/** A DPO / privacy contact: `x-dpo-contact` (an email, a URL, or an object with one), or a privacy contact in the description. */
function hasPrivacyContact(info: JsonObject): boolean {
  for (const key of ['x-dpo-contact', 'x-privacy-contact']) {
    const value = info[key];
    if (text(value) !== undefined) return true;
    if (isObject(value) && (text(value.email) !== undefined || text(value.url) !== undefined)) return true;
  }
  const description = text(info.description) ?? '';
  return /\b(?:data protection officer|DPO|privacy)\b/i.test(description) && /https?:\/\/|(?<![^\s@])[^\s@]+@[^\s@]+\.[a-z]{2,}/i.test(description);
}

/** Whether the document declares personal data anywhere: `x-data-classification` personal classes, `x-pii`, `x-data-subject`. */
function declaresPersonalData(root: JsonObject): boolean {
  return schemaVisits(root).some((v) => {
    const annotated = [v.holder, v.schema, v.merged].filter(isObject);
    if (annotated.some((o) => o['x-data-subject'] === true)) return true;
    const { values, weak } = declaredClassifications(annotated);
    return weak.includes('personal') || values.some((x) => PERSONAL_CLASSES.has(x));
  });
}

/**
 * fin-lifecycle-owner-contact: `info.contact` names an accountable owner (a `name`) and a way to reach it (an `email`
 * or a `url`); a document that declares personal data (`x-data-classification: personal` and related classes,
 * `x-pii: true`, `x-data-subject: true`) also names a data-protection contact in `info.x-dpo-contact` (or a privacy
 * contact with a link or address in `info.description`). Personal data is recognised only when declared; the
 * personal-data classifier of the fin-gdpr family should replace that once it exists.
 */
export const ownerContact = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function ownerContact(root) {
    const results: IFunctionResult[] = [];
    const info = isObject(root.info) ? root.info : undefined;
    if (!info) return results;
    const contact = isObject(info.contact) ? info.contact : undefined;
    if (!contact) {
      results.push({ message: 'info.contact is missing; name the team that owns the API and an email address or URL to reach it.', path: ['info'] });
    } else {
      const gaps: string[] = [];
      if (text(contact.name) === undefined) gaps.push('no name');
      if (text(contact.email) === undefined && text(contact.url) === undefined) gaps.push('neither an email nor a URL');
      if (gaps.length > 0) results.push({ message: `info.contact has ${gaps.join(' and ')}; name the owning team and how to reach it.`, path: ['info', 'contact'] });
    }
    if (!hasPrivacyContact(info) && declaresPersonalData(root)) {
      results.push({
        message: 'The API declares personal data but names no data-protection contact; add info.x-dpo-contact (an email address or URL).',
        path: ['info'],
      });
    }
    return results;
  },
);
