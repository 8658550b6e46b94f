import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { FailSeverity } from '../config/load.js';
import type { Finding, RuleInfo } from '../engine/types.js';
import { controls as controlTitles } from '../../rulesets/controls.js';
import { docsDir } from '../cli/docs.js';
import { editorSeverity, failsBuild, severityName } from './diagnostics.js';

const whyCache = new Map<string, Promise<string | undefined>>();

/** The "Why" section of a rule's documentation page (docs/rules/<id>.md), when this installation has the docs. */
export function whyOf(ruleId: string): Promise<string | undefined> {
  let cached = whyCache.get(ruleId);
  if (!cached) {
    cached = (async () => {
      const dir = docsDir();
      if (!dir || !/^[A-Za-z0-9_.-]+$/.test(ruleId)) return undefined;
      try {
        const page = await readFile(path.join(dir, 'rules', `${ruleId}.md`), 'utf8');
        const m = /^## Why\s*\n([\s\S]*?)(?=^## )/m.exec(page);
        const text = m?.[1].trim().replace(/\s*\n(?!\n)\s*/g, ' ');
        return text || undefined;
      } catch {
        return undefined;
      }
    })();
    whyCache.set(ruleId, cached);
  }
  return cached;
}

const SEVERITY_WORDS = ['error', 'warning', 'information', 'hint'];

/** Markdown for the hover of one finding: what, why, how to fix, the controls, whether it fails CI, its waiver. */
export async function hoverMarkdown(f: Finding, info: RuleInfo | undefined, failSeverity: FailSeverity): Promise<string> {
  const title = f.documentationUrl ? `[${f.code}](${f.documentationUrl})` : f.code;
  const parts: string[] = [`**${title}** · ${severityName(f)}`, f.message];
  const why = (await whyOf(f.code)) ?? info?.description;
  if (why) parts.push(`**Why.** ${why}`);
  const fix = f.howToFix || info?.howToFix;
  if (fix) parts.push(`**How to fix.** ${fix}`);
  if (f.controls.length > 0) {
    parts.push(`**Controls.**\n${f.controls.map((c) => `- \`${c}\`${controlTitles[c] ? `: ${controlTitles[c]}` : ''}`).join('\n')}`);
  }
  if (f.suppression) {
    const s = f.suppression;
    const details = [s.owner && `owner ${s.owner}`, s.ticket && `ticket ${s.ticket}`, s.expires && `expires ${s.expires}`].filter(Boolean).join(', ');
    parts.push(`**Waived** by ${s.kind === 'inline' ? `\`x-finlint-ignore\` at \`${s.location}\`` : `\`${s.location}\``}${details ? ` (${details})` : ''}: ${s.justification}. It does not fail the build.`);
  } else if (failsBuild(f, failSeverity)) {
    parts.push(`Fails the build: CI fails on findings at or above \`${failSeverity}\`.`);
  } else {
    const shown = SEVERITY_WORDS[editorSeverity(f, failSeverity) - 1];
    parts.push(`Does not fail the build (fail severity \`${failSeverity}\`); shown as ${/^[aeiou]/.test(shown) ? 'an' : 'a'} ${shown}.`);
  }
  return parts.join('\n\n');
}
