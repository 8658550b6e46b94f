import { describe, expect, it } from 'vitest';
import { pinDifferences, pinFindings, type PinFinding } from './pin.js';

const range = { start: { line: 3, character: 4 }, end: { line: 3, character: 9 } };
const a: PinFinding = { code: 'fin-x', severity: 0, message: 'm1', path: ['paths', '/a'], range };
const b: PinFinding = { code: 'fin-x', severity: 0, message: 'm2', path: ['paths', '/b'], range };
const c: PinFinding = { code: 'fin-y', severity: 1, message: 'm3', path: [], range };

describe('findings pin', () => {
  it('does not depend on the order of findings', () => {
    expect(pinFindings([a, b, c], ['fin-x', 'fin-y'])).toEqual(pinFindings([c, b, a], ['fin-x', 'fin-y']));
  });
  it('pins silent rules as zero and reports a rule that starts firing', () => {
    const before = pinFindings([a], ['fin-x', 'fin-y']);
    expect(before['fin-y'].count).toBe(0);
    expect(pinDifferences(before, pinFindings([a, c], []))).toEqual([expect.stringMatching(/^fin-y: expected 0 findings .* got 1/)]);
  });
  it('reports a changed message, path, range or severity, and a lost finding', () => {
    const before = pinFindings([a, b], ['fin-x']);
    expect(pinDifferences(before, pinFindings([a, { ...b, message: 'other' }], []))).toHaveLength(1);
    expect(pinDifferences(before, pinFindings([a, { ...b, path: ['paths', '/c'] }], []))).toHaveLength(1);
    expect(pinDifferences(before, pinFindings([a, { ...b, range: { ...range, end: { line: 3, character: 10 } } }], []))).toHaveLength(1);
    expect(pinDifferences(before, pinFindings([a, { ...b, severity: 1 }], []))).toHaveLength(1);
    expect(pinDifferences(before, pinFindings([a], []))).toEqual([expect.stringMatching(/expected 2 findings .* got 1/)]);
  });
  it('does not compare rules the pin does not know (rules added later are pinned when they land)', () => {
    expect(pinDifferences(pinFindings([a], ['fin-x']), pinFindings([a, c], []))).toEqual([]);
  });
});
