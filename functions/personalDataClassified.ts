import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { describeParameterHit, URL_LOCATIONS, whereCarried } from './utils/cardData.js';
import { isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import {
  declaresClassification,
  holderOf,
  personalDataIndex,
  personalDataOptionsSchema,
  valueSchema,
  type Holder,
  type PersonalClassification,
  type PersonalDataOptions,
} from './utils/personalData.js';
import { mergeAllOf } from './utils/schemaWalker.js';
import { andList } from './utils/lists.js';

/** Names that only a natural person has: with one more kind of identifier, the schema describes a person. */
const PERSON_NAME_PHRASES: ReadonlySet<string> = new Set([
  'first name',
  'firstname',
  'last name',
  'lastname',
  'given name',
  'givenname',
  'given names',
  'family name',
  'familyname',
  'middle name',
  'middle names',
  'maiden name',
  'birth name',
  'surname',
  'surnames',
  'forename',
  'forenames',
]);

/** Kinds that, two or more together with a person's name or date of birth, describe a person. */
const IDENTIFYING_KINDS: ReadonlySet<string> = new Set(['name', 'birth', 'email', 'phone', 'address', 'national-id']);

/** Parameter locations that are part of the URL. */
const URL_PARTS: ReadonlySet<string> = new Set(['path', 'query', 'querystring']);

/** Properties listed with their reason in a grouped finding; the rest are listed by name. */
const DETAILED = 4;

interface Group {
  holder: Holder;
  unclassified: [string, PersonalClassification][];
  names: Set<string>;
  /** Properties that show the schema describes a natural person. */
  personEvidence: string[];
  kinds: Set<string>;
}

function listProperties(items: readonly [string, PersonalClassification][]): string {
  const detailed = items.slice(0, DETAILED).map(([name, cls]) => `"${name}" (${cls.label}: ${cls.reason})`);
  const rest = items.slice(DETAILED).map(([name]) => `"${name}"`);
  if (rest.length === 0) return andList(detailed);
  return `${detailed.join(', ')} and ${rest.length} more (${rest.join(', ')})`;
}

/** A header or parameter object's own path, not its `schema`. */
function headerPath(path: JsonPath): JsonPath {
  return path[path.length - 1] === 'schema' ? path.slice(0, -1) : path;
}

/**
 * fin-gdpr-personal-data-classified: properties, parameters and headers that hold personal data (names, contact data,
 * identifiers, national ids, criminal-offence data; special categories are fin-gdpr-special-category-flagged's)
 * declare `x-data-classification` (or `x-pii`), and component schemas that describe a natural person declare
 * `x-data-subject`. One finding per schema lists its unclassified properties (so that a model with twenty personal
 * fields is one finding, fixed in one place); a classification on the schema covers the properties written in it.
 */
export const personalDataClassified = createRulesetFunction<JsonObject, PersonalDataOptions | null>(
  {
    input: { type: 'object' },
    options: personalDataOptionsSchema('fin-gdpr-personal-data-classified', '{ personal: { names: ["handle"] } }'),
  },
  function personalDataClassified(root, options) {
    const index = personalDataIndex(root, options);
    const results: IFunctionResult[] = [];
    const groups = new Map<object, Group>();
    const headers = new Set<object>();

    for (const { visit, cls } of index.visits) {
      if (cls.class === 'special-category' || visit.name === undefined) continue;
      if (visit.isParameter) {
        // Request parameters are judged below, once per Parameter Object; response headers here, once per Header Object.
        if (visit.ctx.direction !== 'response' || !visit.holder || headers.has(visit.holder)) continue;
        headers.add(visit.holder);
        if (cls.by === 'declaration' || [visit.holder, visit.schema, visit.merged].some(declaresClassification)) continue;
        results.push({
          message: `Header "${visit.name}" of ${whereCarried(visit.ctx).replace(/^a header of /, '')} holds ${cls.label} (${cls.reason}) but declares no x-data-classification.`,
          path: headerPath(visit.path),
        });
        continue;
      }
      const holder = holderOf(root, visit, whereCarried);
      if (!holder) continue;
      let group = groups.get(holder.object);
      if (!group) {
        group = { holder, unclassified: [], names: new Set(), personEvidence: [], kinds: new Set() };
        groups.set(holder.object, group);
      }
      const kind = cls.class === 'national-id' ? 'national-id' : cls.kind;
      if (IDENTIFYING_KINDS.has(kind)) group.kinds.add(kind);
      if ((cls.kind === 'name' && cls.phrase !== undefined && PERSON_NAME_PHRASES.has(cls.phrase)) || (cls.kind === 'birth' && cls.phrase !== 'place of birth')) {
        if (!group.personEvidence.includes(visit.name)) group.personEvidence.push(visit.name);
      }
      if (group.names.has(visit.name)) continue;
      group.names.add(visit.name);
      const own = [visit.schema, visit.merged, valueSchema(visit.merged)];
      const around = [holder.object, holder.composite, mergeAllOf(holder.composite)];
      if (cls.by === 'declaration' || [...own, ...around].some(declaresClassification)) continue;
      group.unclassified.push([visit.name, cls]);
    }

    // Identical inline schemas (a flattened document repeats `Debtor: {Name}` in every operation) are one finding at the
    // first copy, with the number of other copies, rather than one per operation.
    const copies = new Map<string, Group[]>();
    for (const group of groups.values()) {
      if (group.holder.component !== undefined || group.unclassified.length === 0) continue;
      const key = `${group.holder.inlineName ?? ''}|${group.unclassified.map(([n, c]) => `${n}:${c.class}/${c.kind}`).join(',')}`;
      const list = copies.get(key) ?? [];
      list.push(group);
      copies.set(key, list);
    }
    const repeated = new Map<Group, number>();
    for (const list of copies.values()) {
      repeated.set(list[0], list.length - 1);
      for (const other of list.slice(1)) groups.delete(other.holder.object);
    }

    for (const group of groups.values()) {
      const { holder } = group;
      const others = repeated.get(group) ?? 0;
      const label = others > 0 ? `${holder.label} (and ${others} identical inline ${others === 1 ? 'copy' : 'copies'} elsewhere)` : holder.label;
      const subjectDeclared = [holder.object, holder.composite, mergeAllOf(holder.composite)].some((o) => isObject(o) && o['x-data-subject'] !== undefined);
      const describesPerson = holder.component !== undefined && group.personEvidence.length > 0 && group.kinds.size >= 2 && !subjectDeclared;
      const parts: string[] = [];
      if (group.unclassified.length > 0) {
        parts.push(`${label} holds personal data without x-data-classification: ${listProperties(group.unclassified)}.`);
      }
      if (describesPerson) {
        const evidence = andList(group.personEvidence.slice(0, 2).map((n) => `"${n}"`));
        parts.push(
          group.unclassified.length > 0
            ? `It describes a natural person (${evidence}) but does not declare x-data-subject.`
            : `${holder.label} describes a natural person (${evidence}) but does not declare x-data-subject.`,
        );
      }
      if (parts.length > 0) results.push({ message: parts.join(' '), path: holder.path });
    }

    const reported = new Set<object>();
    const inlineParameters = new Map<string, IFunctionResult & { others: number; base: string }>();
    for (const hit of index.parameters) {
      if (hit.cls.class === 'special-category' || reported.has(hit.node)) continue;
      // Personal data in the URL is reported by fin-gdpr-no-personal-data-in-url / -no-sensitive-identifiers-in-url,
      // which ask for it to leave the URL; classifying it there would not fix it.
      if (URL_PARTS.has(hit.location) || (URL_LOCATIONS.has(hit.location) && hit.cls.class !== 'personal' && hit.cls.kind !== 'partial')) continue;
      reported.add(hit.node);
      if (hit.cls.by === 'declaration' || hit.annotated.some(declaresClassification)) continue;
      const base = `${describeParameterHit(hit)} holds ${hit.cls.label} (${hit.cls.reason}) but declares no x-data-classification`;
      // The same parameter written inline in many operations is one finding at the first, with the number of others.
      if (hit.parameter.owner !== 'components' && !hit.nested) {
        const key = `${hit.location}|${hit.name.toLowerCase()}|${hit.cls.class}/${hit.cls.kind}`;
        const first = inlineParameters.get(key);
        if (first) {
          first.others++;
          continue;
        }
        inlineParameters.set(key, { message: base, path: hit.path, others: 0, base });
        continue;
      }
      results.push({ message: `${base}.`, path: hit.path });
    }
    for (const { base, path, others } of inlineParameters.values()) {
      const suffix = others > 0 ? `; the same parameter is written inline in ${others} other ${others === 1 ? 'operation' : 'operations'}` : '';
      results.push({ message: `${base}${suffix}.`, path });
    }
    return results;
  },
);
