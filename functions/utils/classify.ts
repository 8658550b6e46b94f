import { isObject, type JsonObject } from './guards.js';
import { containsPhrase, indexOfSequence, phraseTokens, tokenize } from './names.js';

/**
 * The data-classification engine (catalogue §4.2, §4.4): decides what kind of data a property or parameter holds,
 * and says why. It is generic: a class is a `DataClassDefinition` (token-sequence entries with vetoes, context
 * requirements and schema evidence), so the personal-data family adds its classes next to the cardholder-data ones
 * in functions/utils/cardData.ts without touching this file.
 *
 * Decision order, for one subject (a name, its schema and what surrounds it):
 * 1. An explicit declaration (`x-data-classification`, alias `x-sensitive: <value>`) wins, both ways: a value that
 *    names a class decides the class; a value of the §4.4 vocabulary that names some other class ("public",
 *    "personal"...) overrides every name match; a value that confirms (`pci-chd` supplies a context, `credential`
 *    confirms a PIN) lets the name decide. Unknown values and the weak flags `x-pii: true` / `x-sensitive: true` are
 *    ignored here (they say "sensitive", not what).
 * 2. The name is tokenised (camelCase, snake_case, kebab-case, digits) and matched against each class's token
 *    sequences, in the order the classes are given. Vetoes are looked for in the tokens outside the matched phrase
 *    (`cvcCheck`: `check` vetoes `cvc`), then in the surrounding names for context vetoes (`pinCode` inside an
 *    `Address`).
 * 3. Derived kinds: tokens that do not veto but change the kind (`panLast4` is a masked PAN, `panToken` a token).
 * 4. Context: entries that are ambiguous on their own (`number`, `expiry`, `cid`) count only in the required
 *    context, established by the name itself, the enclosing schema's name or title, the property it hangs under, or
 *    the request path.
 * 5. Schema evidence: a class may veto on the schema (a boolean is never a CVC) or accept schema evidence in place
 *    of the context (`securityCode` with `pattern: ^[0-9]{3,4}$`).
 * 6. Siblings: an entry may yield to a sibling property that holds the class more plainly (`accountNumber` next to
 *    `number`).
 * 7. Aliases: when the name does not match, the value's own schema name and title are tried (`txtVal` titled
 *    "Track 2 Data"); whole-name entries (`number`) never match an alias, and a vetoed name is final.
 *
 * Every decision carries a `reason` clause that rule messages quote: `its name contains "card number"`,
 * `its name is "number" in a card context (schema "CardDetails")`, `it is declared x-data-classification: pci-sad`.
 */

/** One way of naming a class: a token sequence (`card number`), optionally the whole name only. */
export interface ClassEntry {
  phrase: string;
  exact?: boolean;
  /** Token sequences outside the phrase that veto this entry only. */
  vetoes?: readonly string[];
  /** The entry counts only in this context (see `ClassifierConfig.contexts`). */
  context?: string;
  /** With `context`: schema evidence of the class (see `DataClassDefinition.confirms`) also satisfies it. */
  evidenceInsteadOfContext?: boolean;
  /** Token sequences in the surrounding names that veto this entry (`address` for `pin code`). */
  contextVetoes?: readonly string[];
  /**
   * Sibling names (whole names, as token sequences) that take precedence: `accountNumber` in a card object is not
   * the card number when the object also has a `number` or `pan`.
   */
  yieldsTo?: readonly string[];
}

/** Words that establish a context, e.g. `card`. */
export interface ContextDefinition {
  words: readonly string[];
  /**
   * When set, a surrounding name (schema, property, path segment) establishes the context only when one of the words
   * is its head: followed by nothing but these tokens or digits. `CardDetails` is about a card; `DebitAccountCardLink`
   * is about a link.
   */
  trailing?: readonly string[];
}

/** Tokens that keep the class but change its kind, e.g. PAN + `last 4` = a masked PAN. */
export interface DerivedKind {
  tokens: readonly string[];
  kind: string;
  label: string;
}

export interface DataClassDefinition {
  /** Class id, e.g. `pan`, `sad`, `card-expiry`. */
  id: string;
  /** Kind within the class, e.g. SAD `cvc`, `pin`, `track`; PAN `full`. */
  kind: string;
  /** For messages: `a card verification code`. */
  label: string;
  entries: readonly ClassEntry[];
  /** Token sequences outside the phrase that veto every entry. */
  vetoes: readonly string[];
  derived?: readonly DerivedKind[];
  /** Schema evidence against the class: returns why the schema cannot be of the class (`it is a boolean`). */
  refutes?: (schema: JsonObject) => string | undefined;
  /** Schema evidence for the class: returns why (`its pattern "^[0-9]{3,4}$" fits a CVC`). */
  confirms?: (schema: JsonObject) => string | undefined;
}

/** An explicit classification value and what it means. */
export interface DeclaredValue {
  /** Class and kind the value names; undefined for a value that only confirms sensitivity. */
  class?: string;
  kind?: string;
  label?: string;
  /** The value establishes this context (e.g. `pci-chd` establishes the card context). */
  context?: string;
  /** With `class`: the value stands for several kinds and the name picks the kind (e.g. `pci-sad`: CVC, PIN or track). */
  nameRefinesKind?: boolean;
  /** A value that confirms a name match of one of these classes instead of replacing it (`credential` for a PIN). */
  confirms?: readonly string[];
}

export interface ClassifierConfig {
  /** Class definitions, tried in order; the first that matches decides. */
  classes: readonly DataClassDefinition[];
  /** Context id -> what establishes it (e.g. `card` -> card, cards, cc). */
  contexts: Readonly<Record<string, ContextDefinition>>;
  /** Known `x-data-classification` values (lower-case, `_` read as `-`). Unknown values are ignored. */
  declared: Readonly<Record<string, DeclaredValue>>;
}

/** A name surrounding the subject, with a label for explanations: `schema "Card"`, `path /cards/{id}`. */
export interface ContextName {
  label: string;
  name: string;
}

export interface ClassifySubject {
  /** Property, parameter or header name. */
  name?: string;
  /** The value's schema, `allOf` merged (for arrays of scalars, the items). */
  schema: JsonObject;
  /** Objects that may carry `x-data-classification`: the Parameter/Header Object, the property schema. */
  annotated: readonly JsonObject[];
  /** Surrounding names, nearest first. */
  context: readonly ContextName[];
  /**
   * Other names of the value itself, tried when the name does not match: the component name of a `$ref`'d property
   * schema (`number: {$ref: CardNumber}`) and its `title` (`txtVal` titled "Track 2 Data").
   */
  aliases?: readonly ContextName[];
  /** Names of the other properties of the holding object. */
  siblings?: readonly string[];
}

export interface Classification {
  class: string;
  kind: string;
  /** For messages: `a card number (PAN)`. */
  label: string;
  by: 'declaration' | 'name' | 'evidence';
  /** The matched token sequence, when decided by name. */
  phrase?: string;
  /** The explanation, as a clause: `its name contains "card number"`. */
  reason: string;
  /** The explicit classification value found, normalised, if any. */
  declared?: string;
}

/** Splits a name into tokens; reads a leading single lower-case letter before capitals as part of an acronym (`pINData` -> pin data). */
export function tokenizeName(name: string): readonly string[] {
  const fixed = /^[a-z][A-Z]{2,}/.test(name) ? name[0].toUpperCase() + name.slice(1) : name;
  return tokenize(fixed);
}

/** Tokens outside the matched phrase, or undefined when the entry does not match. */
function matchEntry(tokens: readonly string[], entry: ClassEntry): string[] | undefined {
  if (entry.exact) return tokens.join(' ') === entry.phrase ? [] : undefined;
  const seq = phraseTokens(entry.phrase);
  const at = indexOfSequence(tokens, seq);
  return at === -1 ? undefined : [...tokens.slice(0, at), ...tokens.slice(at + seq.length)];
}

/** Normalises a phrase from configuration (`cardNumber`, `card_number`, `card number` -> `card number`). */
export function normalisePhrase(phrase: string): string {
  return tokenizeName(phrase).join(' ');
}

/** Reads the explicit classification of a subject: `x-data-classification` (string or list), `x-sensitive`, `x-pii`. */
export function declaredClassifications(annotated: readonly JsonObject[]): { values: string[]; weak: string[] } {
  // Weak values (`x-sensitive: true`, `x-pii: true`) say "sensitive" without saying what; they never override a match.
  const values: string[] = [];
  const weak: string[] = [];
  const norm = (v: string) => v.trim().toLowerCase().replace(/_/g, '-');
  for (const obj of annotated) {
    if (!isObject(obj)) continue;
    const dc = obj['x-data-classification'];
    if (typeof dc === 'string') values.push(norm(dc));
    else if (Array.isArray(dc)) for (const v of dc) if (typeof v === 'string') values.push(norm(v));
    const sensitive = obj['x-sensitive'];
    if (typeof sensitive === 'string') values.push(norm(sensitive));
    else if (sensitive === true) weak.push('sensitive');
    if (obj['x-pii'] === true) weak.push('personal');
  }
  return { values, weak };
}

/** Whether a surrounding name establishes a context: it contains a context word, as its head when `trailing` is set. */
export function establishesContext(name: string, def: ContextDefinition): boolean {
  const tokens = tokenizeName(name);
  if (def.trailing === undefined) return def.words.some((w) => containsPhrase(tokens, w));
  const trailing = new Set(def.trailing);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const word = def.words.find((w) => {
      const seq = w.split(' ');
      return i + 1 >= seq.length && seq.every((t, j) => tokens[i + 1 - seq.length + j] === t);
    });
    if (word !== undefined) return true;
    if (!trailing.has(tokens[i]) && !/^[0-9]+$/.test(tokens[i])) return false;
  }
  return false;
}

function contextSource(
  contextId: string,
  rest: readonly string[],
  subject: ClassifySubject,
  config: ClassifierConfig,
  declaredContexts: ReadonlySet<string>,
): string | undefined {
  const def = config.contexts[contextId];
  if (declaredContexts.has(contextId)) return 'its declared classification';
  if (def === undefined) return undefined;
  const own = def.words.find((w) => containsPhrase(rest, w));
  if (own !== undefined) return `"${own}" in the name`;
  return subject.context.find((c) => establishesContext(c.name, def))?.label;
}

/** Classifies one subject against the configured classes, with an explanation; undefined when it is none of them. */
export function classify(subject: ClassifySubject, config: ClassifierConfig): Classification | undefined {
  const { values } = declaredClassifications(subject.annotated);
  const declaredContexts = new Set(values.flatMap((v) => (config.declared[v]?.context ? [config.declared[v].context as string] : [])));
  const byName = matchByName(subject, config, declaredContexts);

  // 1. A value that names a class of this config decides.
  for (const value of values) {
    const meaning = config.declared[value];
    if (meaning?.class === undefined) continue;
    if (meaning.nameRefinesKind && byName?.class === meaning.class) {
      return { ...byName, by: 'declaration', reason: `it is declared x-data-classification: ${value} (${byName.reason})`, declared: value };
    }
    return {
      class: meaning.class,
      kind: meaning.kind ?? meaning.class,
      label: meaning.label ?? value,
      by: 'declaration',
      reason: `it is declared x-data-classification: ${value}`,
      declared: value,
    };
  }
  if (byName === undefined) return undefined;
  if (values.length === 0) return byName;
  // 2. A value that confirms the name match (a context, or a related class such as `credential` for a PIN) keeps it;
  //    a known value of another class overrides it; unknown (organisation-specific) values are ignored.
  const confirms = values.some((v) => {
    const m = config.declared[v];
    return m !== undefined && (m.context !== undefined || m.confirms?.includes(byName.class) === true);
  });
  const overrides = values.some((v) => config.declared[v] !== undefined || CLASSIFICATION_VOCABULARY.has(v));
  if (overrides && !confirms) return undefined;
  return { ...byName, declared: values[0] };
}

/** The `x-data-classification` values of catalogue §4.4. A known value that does not name or confirm a class overrides a name match. */
export const CLASSIFICATION_VOCABULARY: ReadonlySet<string> = new Set([
  'public',
  'internal',
  'personal',
  'special-category',
  'criminal-offence',
  'national-id',
  'financial',
  'pci-chd',
  'pci-pan',
  'pci-pan-masked',
  'pci-pan-truncated',
  'pci-pan-token',
  'pci-sad',
  'credential',
]);

function matchByName(subject: ClassifySubject, config: ClassifierConfig, declaredContexts: ReadonlySet<string>): Classification | undefined {
  const names: { label: string; name: string }[] = [];
  if (subject.name !== undefined) names.push({ label: 'its name', name: subject.name });
  for (const alias of subject.aliases ?? []) names.push(alias);
  for (const [i, n] of names.entries()) {
    const found = matchOneName(n.name, n.label, i > 0 || subject.name === undefined, subject, config, declaredContexts);
    // A vetoed name (`cvcCheck`) is a decision: its schema name or title does not get a second chance.
    if (found === VETOED) return undefined;
    if (found) return found;
  }
  return undefined;
}

const VETOED = Symbol('vetoed');

interface EntryIndex {
  /** Every (class, entry) pair in configuration order: the first match wins, so order is meaning. */
  flat: { cls: DataClassDefinition; entry: ClassEntry }[];
  /** First token of an entry's phrase -> positions in `flat`, ascending. */
  byFirstToken: Map<string, number[]>;
}

const entryIndexes = new WeakMap<readonly DataClassDefinition[], EntryIndex>();

function entryIndex(classes: readonly DataClassDefinition[]): EntryIndex {
  let index = entryIndexes.get(classes);
  if (index === undefined) {
    index = { flat: [], byFirstToken: new Map() };
    for (const cls of classes) {
      for (const entry of cls.entries) {
        const first = phraseTokens(entry.phrase)[0];
        const list = index.byFirstToken.get(first);
        if (list) list.push(index.flat.length);
        else index.byFirstToken.set(first, [index.flat.length]);
        index.flat.push({ cls, entry });
      }
    }
    entryIndexes.set(classes, index);
  }
  return index;
}

/**
 * The entries that can match these tokens (their phrase's first token occurs in the name), in configuration order.
 * Every other entry fails matchEntry, so skipping them changes nothing but the time spent.
 */
function candidateEntries(index: EntryIndex, tokens: readonly string[]): number[] {
  const seen = new Set<string>();
  let out: number[] = [];
  for (const t of tokens) {
    if (seen.has(t)) continue;
    seen.add(t);
    const list = index.byFirstToken.get(t);
    if (list) out = out.length === 0 ? list : out.concat(list);
  }
  return seen.size > 1 && out.length > 0 ? [...new Set(out)].sort((a, b) => a - b) : out;
}

function matchOneName(
  name: string,
  label: string,
  isAlias: boolean,
  subject: ClassifySubject,
  config: ClassifierConfig,
  declaredContexts: ReadonlySet<string>,
): Classification | typeof VETOED | undefined {
  const tokens = tokenizeName(name);
  let vetoed = false;
  if (tokens.length === 0) return undefined;
  const contextTokens = subject.context.map((c) => tokenizeName(c.name));
  const siblings = (subject.siblings ?? []).filter((s) => s !== subject.name).map((s) => tokenizeName(s).join(' '));
  const index = entryIndex(config.classes);
  for (const at of candidateEntries(index, tokens)) {
    const { cls, entry } = index.flat[at];
    {
      // A whole-name entry (`number`) says nothing about a schema or title that happens to be called that.
      if (isAlias && entry.exact) continue;
      const rest = matchEntry(tokens, entry);
      if (rest === undefined) continue;
      if (cls.vetoes.some((v) => containsPhrase(rest, v)) || entry.vetoes?.some((v) => containsPhrase(rest, v))) {
        vetoed = true;
        continue;
      }
      if (entry.contextVetoes?.some((v) => contextTokens.some((t) => containsPhrase(t, v)) || containsPhrase(rest, v))) continue;
      if (entry.yieldsTo?.some((y) => siblings.includes(y))) continue;
      const refuted = cls.refutes?.(subject.schema);
      if (refuted !== undefined) continue;
      let contextNote = '';
      if (entry.context !== undefined) {
        const source = contextSource(entry.context, rest, subject, config, declaredContexts);
        const evidence = entry.evidenceInsteadOfContext ? cls.confirms?.(subject.schema) : undefined;
        if (source === undefined && evidence === undefined) continue;
        contextNote = source !== undefined ? ` in a ${entry.context} context (${source})` : ` and ${evidence}`;
      }
      const derived = cls.derived?.find((d) => d.tokens.some((t) => containsPhrase(rest, t)));
      return {
        class: cls.id,
        kind: derived?.kind ?? cls.kind,
        label: derived?.label ?? cls.label,
        by: 'name',
        phrase: entry.phrase,
        reason: `${label} ${entry.exact ? 'is' : 'contains'} "${entry.phrase}"${contextNote}`,
      };
    }
  }
  return vetoed ? VETOED : undefined;
}

/** Extends a class with configured names and vetoes (rule options); configured names need no context. */
export function extendDefinition(
  base: DataClassDefinition,
  extra: { names?: readonly string[]; vetoes?: readonly string[] } | undefined,
): DataClassDefinition {
  if (!extra || (!extra.names?.length && !extra.vetoes?.length)) return base;
  return {
    ...base,
    entries: [...base.entries, ...(extra.names ?? []).map((p) => ({ phrase: normalisePhrase(p) }))],
    vetoes: [...base.vetoes, ...(extra.vetoes ?? []).map(normalisePhrase)],
  };
}
