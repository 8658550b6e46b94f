import type { IFunctionResult } from '@stoplight/spectral-core';

/**
 * Grouping of identical declarations. Generated documents often repeat the same inline header or parameter on every
 * operation (or every response component); a rule that judges the declaration would then report one decision dozens
 * of times. Findings about structurally identical objects are reported once, at the first declaration met (callers
 * visit `components` first), with a note counting the copies.
 */

/** A structural signature of a JSON value, or undefined when it cannot be serialised (a cyclic schema). */
export function signatureOf(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

export class IdenticalDeclarations {
  private readonly groups = new Map<string, { results: IFunctionResult[]; repeats: number }>();
  private readonly loose: IFunctionResult[] = [];

  /**
   * Records the findings about one declaration. Returns false (and counts a copy) when an identical declaration was
   * already recorded; its findings then stand for this one too.
   */
  add(declaration: unknown, results: readonly IFunctionResult[]): boolean {
    const signature = signatureOf(declaration);
    if (signature === undefined) {
      this.loose.push(...results);
      return true;
    }
    const group = this.groups.get(signature);
    if (group) {
      group.repeats++;
      return false;
    }
    this.groups.set(signature, { results: [...results], repeats: 0 });
    return true;
  }

  /** Whether an identical declaration was already recorded (so the caller can skip judging it). */
  seen(declaration: unknown): boolean {
    const signature = signatureOf(declaration);
    const group = signature === undefined ? undefined : this.groups.get(signature);
    if (group) group.repeats++;
    return group !== undefined;
  }

  /** All findings, each noting how many identical copies it stands for. */
  results(copies: (n: number) => string): IFunctionResult[] {
    const out = [...this.loose];
    for (const { results, repeats } of this.groups.values()) {
      const note = repeats === 0 ? '' : ` ${copies(repeats)}`;
      for (const r of results) out.push({ ...r, message: `${r.message}${note}` });
    }
    return out;
  }
}
