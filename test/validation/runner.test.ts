// The validation set's one run cache and how a claim is evaluated from it, on
// small scenarios: runs are shared, held by the cache its caller owns (two caches
// share nothing), bounded to the current scenario, read data files only through
// the owner's reader; a claim is data that can be run over other seeds, and
// fails when a seed gives no value or the interval touches zero.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { RunCache, type NamedScenario, type Variation } from '../../validation/runner.ts';
import { claimsOf, differences, evaluateClaim, periods, variants, variations } from '../../validation/claims/claim.ts';
import { claimCase } from '../../validation/claims/claim-check.ts';
import { metric, type Measure } from '../../validation/claims/measures.ts';
import { readDataFiles } from '../../io/read-files.ts';
import krackhardtFixture from '../fixtures/krackhardt.json' with { type: 'json' };

/** Two ways of working on 60 people for 60 ticks: the hierarchy and the peers. */
const small: NamedScenario = {
  name: 'small',
  input: {
    ticks: 60,
    organization: { size: 60, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
    environment: { rate: 1, deadline: 20 },
    shocks: [{ at: 20, kind: 'remove-nodes', target: 'top', count: 1 }],
    variants: [
      { label: 'hierarchy', set: { 'protocol.kind': 'client-server' } },
      { label: 'p2p', set: { 'protocol.kind': 'p2p' } },
    ],
  },
};
const other: NamedScenario = { name: 'other', input: structuredClone(small.input) };

describe('the run cache', () => {
  it('runs every variant once per (variation, seed) and hands back the same runs after', () => {
    const cache = new RunCache();
    const a = cache.variants(small, {}, 1);
    expect(Object.keys(a)).toEqual(['hierarchy', 'p2p']);
    expect(a['p2p']!.sim.tick).toBe(60);
    expect(cache.variants(small, {}, 1)).toBe(a);
    expect(cache.variants(small, {}, 2)).not.toBe(a);
    expect(cache.variants(small, { 'environment.rate': 2 }, 1)).not.toBe(a);
    // A second cache shares nothing with the first: nothing is kept outside the object.
    expect(new RunCache().variants(small, {}, 1)).not.toBe(a);
    expect(new RunCache().variants(small, {}, 1)['p2p']!.summary.hash).toBe(a['p2p']!.summary.hash);
  });

  it('keeps the runs of the current scenario only (by default), and refuses two scenarios of one name', () => {
    const cache = new RunCache();
    const a = cache.variants(small, {}, 1);
    cache.variants(other, {}, 1);
    expect(cache.variants(small, {}, 1)).not.toBe(a); // run again after `other` took its place
    const two = new RunCache({ keepScenarios: 2 });
    const b = two.variants(small, {}, 1);
    two.variants(other, {}, 1);
    expect(two.variants(small, {}, 1)).toBe(b);
    expect(() => two.variants({ name: 'small', input: structuredClone(small.input) }, {}, 1)).toThrow(/two different scenarios are named "small"/);
  });

  it('runs a variant alone when only it is asked for; the others join later, in the file\'s order, the first run kept', () => {
    const cache = new RunCache();
    const p2p = cache.variant(small, {}, 4, 'p2p');
    const all = cache.variants(small, {}, 4);
    expect(Object.keys(all)).toEqual(['hierarchy', 'p2p']);
    expect(all['p2p']).toBe(p2p);
    expect(all['hierarchy']!.summary.hash).toBe(new RunCache().variant(small, {}, 4, 'hierarchy').summary.hash);
  });

  it('names a missing variant and an invalid variation', () => {
    const cache = new RunCache();
    expect(() => cache.variant(small, {}, 1, 'steward')).toThrow(/small: no variant "steward" \(variants: hierarchy, p2p\)/);
    expect(() => cache.variants(small, { 'environment.rate': -1 }, 1)).toThrow(/small: variant "hierarchy" is invalid: .*environment\.rate/);
  });

  it('reads data files only through its owner\'s reader, once per scenario and layers', () => {
    const named = { name: 'krackhardt-fixture', input: krackhardtFixture };
    expect(() => new RunCache().variants(named, {}, 1)).toThrow(/krackhardt-fixture: this scenario reads data files; give the run cache a readData/);
    let reads = 0;
    const dir = fileURLToPath(new URL('../fixtures/', import.meta.url));
    const cache = new RunCache({ readData: (s) => { reads++; return readDataFiles(s, dir); } });
    expect(cache.variants(named, {}, 1)['default']!.sim.n).toBe(21);
    cache.variants(named, {}, 2);
    expect(reads).toBe(1);
  });

  it('computes a memo once per cache', () => {
    const cache = new RunCache();
    let calls = 0;
    const f = () => ++calls;
    expect(cache.memo('k', f)).toBe(1);
    expect(cache.memo('k', f)).toBe(1);
    expect(new RunCache().memo('k', f)).toBe(2);
  });
});

describe('a claim as data', () => {
  const missed = metric('missed');
  const [hierarchyMissesMore, impossible, undefinedOnSomeSeeds] = claimsOf(small, [
    { id: 'misses', title: 'peers miss fewer', compared: 'p2p − hierarchy, missed', ...variants('hierarchy', 'p2p'), measure: missed, side: '<' },
    { id: 'same', title: 'a variant against itself', compared: 'p2p − p2p, missed', ...variants('p2p', 'p2p'), measure: missed, side: '<' },
    { id: 'holes', title: 'a measure without a value on odd seeds', compared: '…', ...variants('hierarchy', 'p2p'), measure: ((r) => (r.sim.seed % 2 ? null : missed(r))) as Measure, side: '<' },
  ]);

  it('is evaluated over its own seeds, or over others given, with the numbers of every seed', () => {
    const cache = new RunCache();
    expect(hierarchyMissesMore!.id).toBe('small/misses');
    expect(hierarchyMissesMore!.seeds).toEqual({ from: 1, count: 20 });
    const r = evaluateClaim(hierarchyMissesMore!, cache, [1, 2, 3, 4, 5]);
    expect(r.seeds).toEqual([1, 2, 3, 4, 5]);
    expect(r.a).toEqual([1, 2, 3, 4, 5].map((s) => cache.variants(small, {}, s)['hierarchy']!.summary.metrics['missed']));
    let sum = 0;
    for (let i = 0; i < 5; i++) sum += r.b[i]! - r.a[i]!;
    expect(r.model).toBeCloseTo(sum / 5, 12);
    expect(r.relation).toBe('<');
    expect(r.pass).toBe(r.model + r.tolerance < 0);
    expect(claimCase(hierarchyMissesMore!).citation).toBe('small scenario: p2p − hierarchy, missed, paired over 20 seeds');
  });

  it('fails when the interval touches zero or a seed gives no value', () => {
    const cache = new RunCache();
    const same = evaluateClaim(impossible!, cache, [1, 2, 3]);
    expect(same.model).toBe(0);
    expect(same.pass).toBe(false);
    const holes = evaluateClaim(undefinedOnSomeSeeds!, cache, [1, 2, 3, 4]);
    expect(holes.pass).toBe(false);
    expect(holes.detail).toMatch(/over 2 seeds \(2 seeds gave no value\)/);
  });

  it('compares variants, variations, periods of one run, or differences of differences', () => {
    const cache = new RunCache({ keepScenarios: 1 });
    const calm = { shocks: [] };
    const at = (label: string, v: Variation, seed: number) => cache.variants(small, v, seed)[label]!.summary.metrics['missed']!;
    const [v, w, p, d] = claimsOf(small, [
      { id: 'v', title: '', compared: '', ...variants('hierarchy', 'p2p', calm), measure: missed, side: '<' },
      { id: 'w', title: '', compared: '', ...variations('hierarchy', calm, {}), measure: missed, side: '>' },
      { id: 'p', title: '', compared: '', ...periods('p2p', {}, metric('resolved')), measure: missed, side: '>' },
      { id: 'd', title: '', compared: '', ...differences('hierarchy', 'p2p', {}, calm), measure: missed, side: '<' },
    ]);
    const one = (c: typeof v) => evaluateClaim(c!, cache, [3]);
    expect([one(v).a[0], one(v).b[0]]).toEqual([at('hierarchy', calm, 3), at('p2p', calm, 3)]);
    expect([one(w).a[0], one(w).b[0]]).toEqual([at('hierarchy', calm, 3), at('hierarchy', {}, 3)]);
    expect([one(p).a[0], one(p).b[0]]).toEqual([at('p2p', {}, 3), cache.variants(small, {}, 3)['p2p']!.summary.metrics['resolved']]);
    expect([one(d).a[0], one(d).b[0]]).toEqual([at('hierarchy', {}, 3) - at('hierarchy', calm, 3), at('p2p', {}, 3) - at('p2p', calm, 3)]);
  });
});
