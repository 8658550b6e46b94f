import { allRules } from '../rulesets/registry.js';
import { profileDefinitions, profileRules } from '../rulesets/profiles.js';

function code(v: unknown): string {
  return `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``;
}

/** docs/profiles.md, generated from rulesets/profiles.ts and the rule metadata (npm run docs:readme; a meta-test checks it). */
export function profilesDoc(): string {
  const out: string[] = [
    '# Profiles',
    '',
    '<!-- Generated from rulesets/profiles.ts by `npm run docs:readme`; do not edit by hand. -->',
    '',
    'A profile is the set of rules a regime holds an API to, with severities and option values. Select one with',
    '`finlint lint --preset <name>`, or in finlint.config.yaml with `extends: finlint:<name>` (then change single',
    'rules under `rules:` as usual). `finlint rules --preset <name>` lists what a profile turns on.',
    '',
    '| Profile | Rules | error | warn | info | hint | Based on |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const p of profileDefinitions) {
    const rules = profileRules(p.name);
    const n = (s: string) => rules.filter((e) => e.severity === s).length;
    const base = p.base === 'recommended-rules' ? 'rules marked recommended' : p.base === 'all-rules' ? 'every rule' : `\`${p.base}\``;
    out.push(`| [\`${p.name}\`](#${p.name}) | ${rules.length} | ${n('error')} | ${n('warn')} | ${n('info')} | ${n('hint')} | ${base}${p.families?.length ? ` + ${p.families.map((f) => `\`fin-${f}-*\``).join(', ')}` : ''} |`);
  }
  out.push('', `finlint has ${allRules.length} rules. The FAPI (\`fin-fapi-*\`) and PSD2 (\`fin-psd2-*\`) families are opt-in: only \`all\`, \`strict\` and the open-banking profiles turn them on.`);
  for (const p of profileDefinitions) {
    out.push('', `## ${p.name}`, '', `**${p.title}.** ${p.description}`, '');
    const rules = profileRules(p.name);
    const base = p.base === 'recommended-rules' || p.base === 'all-rules' ? undefined : new Map(profileRules(p.base).map((e) => [e.rule.id, e]));
    if (base) {
      const added = rules.filter((e) => !base.has(e.rule.id));
      const changed = rules.filter((e) => {
        const b = base.get(e.rule.id);
        return b !== undefined && (b.severity !== e.severity || JSON.stringify(b.options) !== JSON.stringify(e.options));
      });
      const removed = [...base.keys()].filter((id) => !rules.some((e) => e.rule.id === id));
      out.push(`Starts from \`${p.base}\` (${base.size} rules), then:`, '');
      out.push('| Rule | Change | Severity | Options | Why |', '| --- | --- | --- | --- | --- |');
      for (const e of added) out.push(`| [${e.rule.id}](rules/${e.rule.id}.md) | added | ${e.severity} | ${e.options ? code(e.options) : ''} | ${p.notes?.[e.rule.id] ?? ''} |`);
      for (const e of changed) out.push(`| [${e.rule.id}](rules/${e.rule.id}.md) | changed | ${base.get(e.rule.id)!.severity === e.severity ? e.severity : `${base.get(e.rule.id)!.severity} → ${e.severity}`} | ${e.options ? code(e.options) : ''} | ${p.notes?.[e.rule.id] ?? ''} |`);
      for (const id of removed) out.push(`| [${id}](rules/${id}.md) | off | | | ${p.notes?.[id] ?? ''} |`);
      // Rules of an added family that the profile leaves off.
      const leftOff = Object.entries(p.rules ?? {}).filter(([id, c]) => (c === 'off' || (typeof c === 'object' && c.severity === 'off')) && !base.has(id));
      for (const [id] of leftOff) out.push(`| [${id}](rules/${id}.md) | not turned on | | | ${p.notes?.[id] ?? ''} |`);
    } else {
      if (p.raise) out.push(`Every rule, severities raised: ${Object.entries(p.raise).map(([a, b]) => `${a} → ${b}`).join(', ')}.`, '');
      out.push('| Rule | Severity |', '| --- | --- |');
      for (const e of rules) out.push(`| [${e.rule.id}](rules/${e.rule.id}.md) | ${e.severity} |`);
    }
  }
  return `${out.join('\n')}\n`;
}
