import type { JsonObject } from './guards.js';
import { operations, type OperationRef } from './oas.js';
import { dataSubjectResources, rightExemption, rightsPortal, type DataSubjectOptions, type DataSubjectResource } from './personalData.js';

/**
 * Shared shape of the data-subject rights rules (fin-gdpr-erasure-endpoint, -export-endpoint, -rectification-endpoint):
 * for each data-subject resource, the rule's own test decides whether the right is served; the right's marker
 * (`x-gdpr-erasure: true` on an operation anywhere in the document), its documented exemption
 * (`x-gdpr-erasure: not-applicable` + `x-gdpr-erasure-reason` on the schema, the path item or `info`) and
 * `info.x-gdpr-rights-portal` settle it for every resource.
 */
export interface RightCheck {
  /** The extension: `x-gdpr-erasure`, `x-gdpr-export`, `x-gdpr-rectification`. */
  key: string;
  /** The right, for messages: `erasure (Art. 17)`. */
  right: string;
  /** Returns a clause saying what is missing, or undefined when the resource serves the right. */
  missing(resource: DataSubjectResource, ops: readonly OperationRef[]): string | undefined;
}

export interface RightFinding {
  message: string;
  path: (string | number)[];
}

/** Operations marked with the right's extension (`x-gdpr-erasure: true`). */
export function markedOperations(root: JsonObject, key: string): OperationRef[] {
  return operations(root).filter((op) => op.operation[key] === true);
}

export function checkRight(root: JsonObject, options: DataSubjectOptions | null | undefined, check: RightCheck): RightFinding[] {
  const resources = dataSubjectResources(root, options);
  if (resources.length === 0 || rightsPortal(root)) return [];
  const out: RightFinding[] = [];
  const marked = markedOperations(root, check.key);
  const ops = operations(root);
  for (const resource of resources) {
    const exemption = rightExemption(root, check.key, resource.holders);
    if (exemption === 'exempt') continue;
    if (exemption === 'no-reason') {
      out.push({
        message: `Data-subject resource ${resource.reportKey} records ${check.key}: not-applicable without a reason in ${check.key}-reason.`,
        path: resource.reportPath,
      });
      continue;
    }
    if (marked.length > 0) continue;
    const missing = check.missing(resource, ops);
    if (missing === undefined) continue;
    out.push({
      message: `Data-subject resource ${resource.reportKey} (${resource.reason}) offers no ${check.right}: ${missing}.`,
      path: resource.reportPath,
    });
  }
  return out;
}
