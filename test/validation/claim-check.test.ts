// How a claim is checked (validation/claims/claim-check.ts, MODEL.md §10.6), on a
// small scenario: an effect holds, fails or is inconclusive by where its 95 % CI
// lies; a claim holds only when its effect holds and its control (applied to
// every arm) makes the effect vanish — its CI within ±20 % of the effect's size;
// a control that leaves the mechanism on does not; definitions are cases of
// their own kind; claims run over seeds given instead of their own.
import { describe, expect, it } from 'vitest';
import { RunCache, type NamedScenario } from '../../validation/runner.ts';
import { claimsOf, variants, variations, withOverrides, armsOf } from '../../validation/claims/claim.ts';
import { checkClaim, claimCase, controlled, controlSeeds, effectOf } from '../../validation/claims/claim-check.ts';
import { verdict } from '../../validation/case.ts';
import { metric } from '../../validation/claims/measures.ts';

/** The hierarchy and the peers on 60 people for 60 ticks. */
const small: NamedScenario = {
  name: 'small',
  input: {
    ticks: 60,
    organization: { size: 60, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
    environment: { rate: 1, deadline: 20 },
    variants: [
      { label: 'hierarchy', set: { 'protocol.kind': 'client-server' } },
      { label: 'p2p', set: { 'protocol.kind': 'p2p' } },
    ],
  },
};

const SEEDS = [1, 2, 3, 4, 5, 6];
const cache = new RunCache();

// Twice the rate brings more situations: the mechanism is the rate, and setting both arms'
// rate to 1 (the control) switches it off; `protocol.memory` (at its default) does not.
const [moreWork, moreWorkNoControlEffect, definitionLike, brokenOne] = claimsOf(small, [
  { id: 'more-work', title: 'twice the rate brings more situations', compared: 'rate 2 − rate 1, situations', ...variations('p2p', { 'environment.rate': 1 }, { 'environment.rate': 2 }), measure: metric('situations'), side: '>', control: { 'environment.rate': 1 } },
  { id: 'wrong-control', title: 'the same with a control that changes nothing', compared: '…', ...variations('p2p', { 'environment.rate': 1 }, { 'environment.rate': 2 }), measure: metric('situations'), side: '>', control: { 'protocol.memory': 8 } },
  { id: 'rule', title: 'peers spend more messages per situation', compared: '…', ...variants('hierarchy', 'p2p'), measure: metric('messagesPerSituation'), side: '>', kind: 'definition' },
  { id: 'broken', title: 'marked broken, with a control that persists', compared: '…', ...variations('p2p', { 'environment.rate': 1 }, { 'environment.rate': 2 }), measure: metric('situations'), side: '>', control: { 'protocol.memory': 8 }, brokenByModel2: 'for the test' },
]);

describe('an effect', () => {
  it('holds when its 95 % CI excludes 0 on the claimed side, fails on the other side, is inconclusive when it holds 0 or a seed gives no number', () => {
    expect(effectOf([1, 2, 3, 4], [2, 3.1, 4.2, 5], '>').state).toBe('holds');
    expect(effectOf([1, 2, 3, 4], [2, 3.1, 4.2, 5], '<').state).toBe('fails');
    expect(effectOf([1, 2, 3, 4], [1.1, 1.9, 3.2, 3.8], '>').state).toBe('inconclusive');
    const holes = effectOf([1, 2, null, 4], [2, 3.1, 4.2, 5], '>');
    expect([holes.state, holes.complete, holes.n]).toEqual(['inconclusive', false, 3]);
  });
});

describe('the control test (MODEL.md §10.6)', () => {
  it('applies the control to every arm after the arm\'s own overrides', () => {
    const off = controlled(moreWork!);
    expect(armsOf(off).map((a) => a.variation)).toEqual([{ 'environment.rate': 1 }, { 'environment.rate': 1 }]);
    expect(armsOf(withOverrides(moreWork!, (i) => ({ 'environment.deadline': 10 + i }))).map((a) => a.variation['environment.deadline'])).toEqual([10, 11]);
  });

  it('a claim whose control switches its mechanism off holds: the effect holds and vanishes with the control on', () => {
    const c = checkClaim(moreWork!, cache, SEEDS);
    expect(c.effect.state).toBe('holds');
    expect(c.control!.state).toBe('vanishes');
    expect([c.control!.mean, c.control!.lo, c.control!.hi]).toEqual([0, 0, 0]); // both arms the same runs
    expect(c.control!.band).toBeCloseTo(0.2 * Math.abs(c.effect.mean), 12);
    expect(c.holds).toBe(true);
  });

  it('a control that leaves the mechanism on does not make the effect vanish, so the claim does not hold although its effect does', () => {
    const c = checkClaim(moreWorkNoControlEffect!, cache, SEEDS);
    expect(c.effect.state).toBe('holds');
    expect(c.control!.state).toBe('persists');
    expect(c.control!.lo).toBeGreaterThan(c.control!.band);
    expect(c.holds).toBe(false);
    const r = claimCase(moreWorkNoControlEffect!, SEEDS).run({ quick: true, cache });
    expect(r.pass).toBe(false);
    expect(r.detail).toMatch(/with the control on \(protocol\.memory=8, 12 seeds\): .* not within ±.* \(20 % of the effect\): the effect persists/);
  });

  it('a claim marked broken by model 2 is BROKEN when its control persists, UNMARK otherwise', () => {
    const c = claimCase(brokenOne!, SEEDS);
    expect(verdict(c, c.run({ quick: true, cache }))).toBe('BROKEN');
    const fixed = claimCase({ ...brokenOne!, control: { 'environment.rate': 1 } }, SEEDS);
    expect(verdict(fixed, fixed.run({ quick: true, cache }))).toBe('UNMARK');
  });
});

describe('a claim as a case of `check`', () => {
  it('is a finding by default and a definition when its kind says so; it runs over the seeds given, else its own', () => {
    expect(claimCase(moreWork!).kind).toBe('finding');
    expect(claimCase(definitionLike!).kind).toBe('definition');
    expect(claimCase(moreWork!).citation).toBe('small scenario: rate 2 − rate 1, situations, paired over 20 seeds');
    const fresh = claimCase(definitionLike!, [1001, 1002, 1003]);
    expect(fresh.citation).toBe('small scenario: …, paired over 3 seeds from seed 1001');
    const r = fresh.run({ quick: true, cache });
    expect(r.claim!.seeds).toEqual([1001, 1002, 1003]);
    expect(r.claim!.kind).toBe('definition');
    expect(r.claim!.control).toBeUndefined();
    expect(r.pass).toBe(r.claim!.effect.state === 'holds');
  });
});

describe('the control test\'s seeds', () => {
  it('are the claim\'s seeds and as many again after the largest (an equivalence test needs the narrower interval)', () => {
    expect(controlSeeds([1, 2, 3])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(controlSeeds([1001, 1005])).toEqual([1001, 1005, 1006, 1007]);
    const r = checkClaim(moreWork!, cache, SEEDS);
    expect(r.control!.n).toBe(2 * SEEDS.length);
    expect(r.effect.n).toBe(SEEDS.length);
  });
});
