// The real organizations (issue 6): the counts published with each data set,
// found again through the engine (people, ties, the shocks' partitions). Their
// claims are checked with every other claim in claims.test.ts.
import { describe, it, expect } from 'vitest';
import { tieCount } from '../../engine/graph/csr.ts';
import krackhardt from '../../scenarios/krackhardt.json' with { type: 'json' };
import lazega from '../../scenarios/lazega.json' with { type: 'json' };
import karate from '../../scenarios/karate.json' with { type: 'json' };
import emailEu from '../../scenarios/email-eu.json' with { type: 'json' };
import { componentSizes, rows, simOf, undirectedTies } from './real-orgs.ts';
import { emailEuDepartmentsButCenter, karateSidesButLeader, lazegaOfficesButPartner } from '../../validation/claims/real-org-bridges.ts';

/** The groups of column `column` of a nodes.csv, in order of first appearance, ids ascending, without person `except`. */
function groupsBut(path: string, column: number, except: number): number[][] {
  const groups = new Map<string, number[]>();
  for (const r of rows(path)) {
    const id = Number(r[0]);
    if (id === except) continue;
    const g = groups.get(r[column]!) ?? [];
    g.push(id);
    groups.set(r[column]!, g);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => a - b));
}

describe('Krackhardt — the chart against the advice network', () => {
  it('has the published counts: 21 managers, a reports-to tree of 20 lines rooted at the CEO (7), 190 advice nominations', () => {
    const sim = simOf(krackhardt, 'advice');
    expect(sim.n).toBe(21);
    const parent = sim.state.i32('formal.parent');
    const label = (i: number) => sim.labels[i]!;
    const roots = [...parent.keys()].filter((i) => parent[i]! < 0);
    expect(roots.map(label)).toEqual(['7']);
    expect([...parent].filter((p) => p >= 0).length).toBe(20);
    for (const vp of ['2', '14', '18', '21']) expect(label(parent[sim.labels.indexOf(vp)]!)).toBe('7');
    const advice = rows('data/krackhardt-hightech/edges-advice.csv');
    expect(advice.length).toBe(190);
    // The informal layer is the undirected union of the nominations: 145 ties once mutual ones merge.
    expect(tieCount(sim.informal())).toBe(undirectedTies(advice));
    expect(tieCount(sim.informal())).toBe(145);
    // The chart-only peers talk along the 20 reporting lines.
    expect(tieCount(simOf(krackhardt, 'p2p-chart').informal())).toBe(20);
  });
});

describe('Lazega — a law firm\'s three offices as silos', () => {
  it('has the published counts: 71 lawyers (36 partners), 378 cowork ties, 892 advice nominations; offices of 48, 19 and 4', () => {
    const sim = simOf(lazega, 'cowork');
    expect(sim.n).toBe(71);
    expect(tieCount(sim.informal())).toBe(378);
    const nodes = rows('data/lazega-lawfirm/nodes.csv');
    expect(nodes.filter((r) => r[3] === 'partner').length).toBe(36);
    const advice = rows('data/lazega-lawfirm/edges-advice.csv');
    expect(advice.length).toBe(892);
    expect(tieCount(simOf(lazega, 'advice').informal())).toBe(undirectedTies(advice));
    // Lawyer 8 works with nobody.
    const g = sim.informal(), eight = sim.labels.indexOf('8');
    expect(g.offsets[eight + 1]! - g.offsets[eight]!).toBe(0);
    // The partition by office (tick 150) leaves each office on its own: Boston's 48 but lawyer 8, Hartford's 19,
    // Providence's 4, and lawyer 8 alone.
    sim.step(151);
    expect(componentSizes(sim)).toEqual([47, 19, 4, 1]);
  });
});

describe('Karate — a club that split in two', () => {
  it('has the published counts: 34 members, 78 ties; the split along club_after_split leaves two connected halves of 17', () => {
    const sim = simOf(karate, 'p2p');
    expect(sim.n).toBe(34);
    expect(tieCount(sim.informal())).toBe(78);
    expect(componentSizes(sim)).toEqual([34]);
    sim.step(151);
    expect(componentSizes(sim)).toEqual([17, 17]);
    // 11 of the 78 ties crossed the fault line.
    expect(tieCount(sim.informal())).toBe(67);
  });
});

describe('email-eu — 1,005 people in 42 departments', () => {
  it('has the published counts: 1,005 people, 25,571 e-mail arcs (642 self-loops), 42 departments, a largest component of 986', () => {
    const sim = simOf(emailEu, 'p2p');
    expect(sim.n).toBe(1005);
    const arcs = rows('data/email-eu-core/edges-email.csv');
    expect(arcs.length).toBe(25571);
    expect(arcs.filter(([s, t]) => s === t).length).toBe(642);
    expect(tieCount(sim.informal())).toBe(undirectedTies(arcs));
    expect(tieCount(sim.informal())).toBe(16064);
    expect(componentSizes(sim)[0]).toBe(986);
    expect(new Set(rows('data/email-eu-core/nodes.csv').map((r) => r[1])).size).toBe(42);
    // The partition by department (tick 100): no piece is larger than the largest department (109 people).
    sim.step(101);
    expect(componentSizes(sim)[0]!).toBeLessThanOrEqual(109);
  });
});

describe('the silo controls: each decider left out of its partition (validation/claims/real-org-bridges.ts)', () => {
  it('each list is the partition column of its nodes.csv without the decider: Lazega\'s offices without lawyer 22, the karate sides without the administrator (33), email-eu\'s departments without person 160', () => {
    expect(lazegaOfficesButPartner).toEqual(groupsBut('data/lazega-lawfirm/nodes.csv', 7, 22));
    expect(karateSidesButLeader).toEqual(groupsBut('data/zachary-karate/nodes.csv', 2, 33));
    expect(emailEuDepartmentsButCenter).toEqual(groupsBut('data/email-eu-core/nodes.csv', 1, 160));
  });
});
