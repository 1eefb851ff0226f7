// What the network views compute before drawing: who is cut off after a shock (a
// tree view: chains of managers that no longer reach the head; an informal view:
// people outside the largest group), the connected sample drawn for a large
// organization (never above the cap), the radial tree (a whole circle), and the
// colours of the ways of working (the same in every scenario).
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../workers/host.ts';
import { informalCutOff, treeCutOff } from '../../viz/cut-off.ts';
import { drawnPeople, subTopology } from '../../viz/draw-sample.ts';
import { treeLayout } from '../../viz/layout.ts';
import { VARIANT_COLOURS, variantColours } from '../../viz/palette.ts';

/** A balanced tree with `span` reports per manager, filled breadth-first (node 0 the head), and a ring of informal ties. */
function org(n: number, span: number): Topology {
  const formalParent = Int32Array.from({ length: n }, (_, v) => (v === 0 ? -1 : Math.floor((v - 1) / span)));
  const offsets = new Int32Array(n + 1), targets = new Int32Array(2 * n);
  for (let v = 0; v < n; v++) { offsets[v + 1] = 2 * (v + 1); targets[2 * v] = (v + n - 1) % n; targets[2 * v + 1] = (v + 1) % n; }
  return { n, offsets, targets, complete: false, formalParent, formalRoot: 0 };
}

describe('who is cut off', () => {
  it('when the head leaves, everyone is cut off from the head, one piece per direct report', () => {
    const t = org(43, 6), alive = new Uint8Array(43).fill(1);
    alive[0] = 0;
    const c = treeCutOff(t, alive);
    expect(c.count).toBe(42);
    expect(c.pieces).toBe(6);
    expect(c.piece[0]).toBe(-1);
  });

  it('when a manager leaves, only their team is cut off (each report with their own team a piece); the rest still reaches the head', () => {
    const t = org(259, 6), alive = new Uint8Array(259).fill(1);
    alive[1] = 0; // reports 7 … 12, each with 6 reports of their own
    const c = treeCutOff(t, alive);
    expect(c.count).toBe(6 * 7);
    expect(c.pieces).toBe(6);
    expect(new Set([7, 8, 9, 10, 11, 12].map((v) => c.piece[v])).size).toBe(6);
    expect(c.piece[43]).toBe(c.piece[7]); // 43 … 48 report to 7
    expect(c.piece[2]).toBe(-1);
    expect(c.piece[13]).toBe(-1);
  });

  it('a ring cut in two places splits in two: the smaller side is cut off from the rest', () => {
    const t = org(20, 3), alive = new Uint8Array(20).fill(1);
    alive[3] = 0; alive[10] = 0; // pieces 4 … 9 (6 people) and 11 … 2 (12 people)
    const c = informalCutOff(t, alive);
    expect(c.count).toBe(6);
    expect(c.pieces).toBe(1);
    expect(c.piece[5]).toBe(0);
    expect(c.piece[15]).toBe(-1);
  });

  it('an unbroken or complete layer has nobody cut off', () => {
    const alive = new Uint8Array(20).fill(1);
    expect(informalCutOff(org(20, 3), alive).count).toBe(0);
    expect(informalCutOff({ ...org(20, 3), complete: true }, alive).count).toBe(0);
    expect(treeCutOff(org(20, 3), alive).count).toBe(0);
  });
});

describe('the people drawn for a large organization', () => {
  it('everyone up to the cap; above it a connected piece of exactly the cap, from the head down', () => {
    expect(drawnPeople(org(500, 6), true, 1000)).toBeNull();
    const ids = drawnPeople(org(5000, 6), true, 1000)!;
    expect(ids.length).toBe(1000);
    expect([...ids]).toEqual([...ids].sort((a, b) => a - b));
    expect(ids[0]).toBe(0); // the head, and every manager of anyone drawn
    const drawn = new Set(ids);
    for (const v of ids) if (v > 0) expect(drawn.has(Math.floor((v - 1) / 6))).toBe(true);
  });

  it('an informal sample is a walk along ties, and its sub-layer keeps only ties among the drawn', () => {
    const t = org(3000, 6), ids = drawnPeople(t, false, 500)!;
    expect(ids.length).toBe(500);
    const sub = subTopology(t, ids);
    expect(sub.n).toBe(500);
    for (let i = 0; i < sub.n; i++) for (let k = sub.offsets[i]!; k < sub.offsets[i + 1]!; k++) expect(sub.targets[k]!).toBeLessThan(500);
    expect(sub.targets.length).toBeGreaterThan(2 * 500 - 10); // a contiguous arc of the ring: nearly every tie kept
  });
});

describe('the radial tree', () => {
  it('of a breadth-first hierarchy is a whole circle: everyone without reports on the rim, evenly spaced, the head at the centre', () => {
    const t = org(400, 6), pos = treeLayout(t);
    expect(Math.hypot(pos[0]!, pos[1]!)).toBeCloseTo(0, 6);
    const hasReports = new Set([...t.formalParent].filter((p) => p >= 0));
    const angles: number[] = [];
    for (let v = 0; v < 400; v++) {
      const r = Math.hypot(pos[2 * v]!, pos[2 * v + 1]!);
      if (hasReports.has(v)) expect(r).toBeLessThan(1);
      else { expect(r).toBeCloseTo(1, 5); angles.push(Math.atan2(pos[2 * v + 1]!, pos[2 * v]!)); }
    }
    angles.sort((a, b) => a - b);
    const gaps = angles.map((a, i) => (i ? a - angles[i - 1]! : a + 2 * Math.PI - angles.at(-1)!));
    // No gap on the rim is more than twice the even spacing (the old tidy tree left a quarter of the circle empty).
    expect(Math.max(...gaps)).toBeLessThan((2 * 2 * Math.PI) / angles.length);
  });
});

describe('variant colours', () => {
  it('a way of working has one colour in every scenario: hierarchy blue, peers orange, stewards green', () => {
    const classroom = variantColours([{ label: 'hierarchy', kind: 'client-server' }, { label: 'p2p', kind: 'p2p' }, { label: 'steward', kind: 'steward' }]);
    const krackhardt = variantColours([{ label: 'chart', kind: 'client-server' }, { label: 'p2p-chart', kind: 'p2p' }, { label: 'advice', kind: 'p2p' }]);
    const stewards = variantColours([{ label: 'p2p', kind: 'p2p' }, { label: 'steward', kind: 'steward' }]);
    expect(classroom).toEqual([VARIANT_COLOURS[0], VARIANT_COLOURS[1], VARIANT_COLOURS[2]]);
    expect(krackhardt.slice(0, 2)).toEqual([VARIANT_COLOURS[0], VARIANT_COLOURS[1]]);
    expect(stewards).toEqual([VARIANT_COLOURS[1], VARIANT_COLOURS[2]]);
    expect(new Set(krackhardt).size).toBe(3); // a second variant of a kind gets a colour of its own
  });
});
