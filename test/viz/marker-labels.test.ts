// The charts' shock labels (viz/marker-labels.ts): no two labels in one row
// overlap, labels near the right edge turn to the left of their line, and the
// placement does not depend on the order the shocks are listed in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeMarkerLabels } from '../../viz/marker-labels.ts';

const CHAR = 5.3;
const extent = (x: number, label: string, anchor: 'start' | 'end') => (anchor === 'start' ? [x, x + label.length * CHAR] : [x - label.length * CHAR, x]) as [number, number];

describe('shock labels on the charts', () => {
  it('shocks a few ticks apart get different rows; a lone shock stays in the top row', () => {
    const placed = placeMarkerLabels([100, 104, 250], ['leader leaves', 'rumour', 'market shift'], 330);
    expect(placed.map((p) => p.row)).toEqual([0, 1, 0]);
    expect(placed.every((p) => p.anchor === 'start')).toBe(true);
  });

  it('a label that would leave the plot on the right goes to the left of its line', () => {
    const [p] = placeMarkerLabels([320], ['market shift'], 330);
    expect(p).toEqual({ x: 317, row: 0, anchor: 'end' });
  });

  it('while rows are free, no two labels in a row overlap (any positions, any order)', () => {
    const label = fc.constantFrom('leader leaves', 'rumour', 'surge', 'market shift', '10 % leave', 'silos', 'reconnect');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 40, max: 330, noNaN: true }), label), { minLength: 1, maxLength: 4 }), (marks) => {
        const placed = placeMarkerLabels(marks.map((m) => m[0]), marks.map((m) => m[1]), 330);
        for (let i = 0; i < marks.length; i++) {
          for (let j = i + 1; j < marks.length; j++) {
            if (placed[i]!.row !== placed[j]!.row) continue;
            const a = extent(placed[i]!.x, marks[i]![1], placed[i]!.anchor);
            const b = extent(placed[j]!.x, marks[j]![1], placed[j]!.anchor);
            expect(a[1] <= b[0] || b[1] <= a[0], `${JSON.stringify(marks)} → ${JSON.stringify(placed)}`).toBe(true);
          }
        }
        const reversed = placeMarkerLabels([...marks].reverse().map((m) => m[0]), [...marks].reverse().map((m) => m[1]), 330);
        // Ties at the same x keep list order, so compare only distinct positions.
        if (new Set(marks.map((m) => m[0])).size === marks.length) expect(reversed).toEqual([...placed].reverse());
      }),
      { numRuns: 300 },
    );
  });
});
