// A scenario claim as data: which scenario, which two numbers per seed are
// compared (a variant under a variation, read by a measure — or the difference
// of two such, what a shock costs), on which side of zero their paired
// difference b − a must lie, and over which seeds. The claim passes only when
// every seed gives both numbers and the 95 % CI of the paired difference
// excludes zero on the claimed side.
//
// Being data, a claim can be run over other seeds or with other variations by
// whoever iterates over the list (`evaluateClaim` takes the seeds; a variation
// is an object to extend), and printed as what it compares. `check` judges it
// with its control (claim-check.ts); `check --robust` moves it over the
// skeptic's space (validation/robust/), with the parameters the claim or its
// scenario object (`{ name, input, robust: [...] }`) declares.
import { pairedDifference, type Interval } from '../../engine/stats.ts';
import type { RunCache, NamedScenario, Variation } from '../runner.ts';
import type { ValidationResult } from '../case.ts';
import type { RobustParameter } from '../robust/parameter.ts';
import type { Measure } from './measures.ts';

/** One number per seed: variant `variant` of the scenario under `variation`, read by the claim's measure (or the arm's own). */
export interface Arm {
  variant: string;
  variation: Variation;
  /** Read this instead of the claim's measure (a later window of the same run, say). */
  measure?: Measure;
}

/** One side of the comparison: an arm, or the difference `minus[0] − minus[1]` of two arms (shocked − calm). */
export type Term = Arm | { minus: readonly [Arm, Arm] };

/** Seeds `from`, `from + 1`, … (`count` of them). */
export interface SeedRange {
  from: number;
  count: number;
}

export interface Claim {
  /** `<scenario>/<short id>`, unique. */
  id: string;
  scenario: NamedScenario;
  /** The claim, in words (also its test's name). */
  title: string;
  /** What b − a is, in words, for the check's citation line. */
  compared: string;
  a: Term;
  b: Term;
  measure: Measure;
  /** '>' : b − a must be above 0; '<' : below 0. */
  side: '>' | '<';
  seeds: SeedRange;
  /**
   * What makes the difference (MODEL.md §10.6): the mechanism, in words. A claim
   * without one is not yet rewritten for model 2 (issue 15).
   */
  mechanism?: string;
  /**
   * The switch that turns the mechanism off (a variation applied to both arms): with
   * it on, the effect must vanish — its 95 % CI within ±20 % of the effect's size
   * without it (stats/equivalence.ts).
   */
  control?: Variation;
  /**
   * `finding` (the default): a difference the dynamics produce. `definition`: one arm is
   * fixed by a rule (e.g. client-server has no duplicates by construction) — shown as
   * such, never counted as a finding (MODEL.md §10.6).
   */
  kind?: 'finding' | 'definition';
  /**
   * Written against model 1 and no longer holding under model 2 (MODEL.md §10), with
   * what model 2 shows instead: `check` prints it as BROKEN, a test asserts that it
   * does fail, and the fair contest's part 3 (issue 15) rewrites it.
   */
  brokenByModel2?: string;
  /**
   * The conditional lesson the claim is, when the robustness map (docs/claims.md)
   * finds it holding in less than half of the skeptic's space: where it holds, in
   * words, with the map's numbers. The map prints it beside the claim, and a test
   * fails when a claim so flagged has none (issue 15).
   */
  conditional?: string;
  /**
   * Parameters of this claim that the skeptic's space adds to the common ones and its
   * scenario's (`check --robust`, MODEL.md §10.6).
   */
  robust?: readonly RobustParameter[];
}

/** Seeds per claim (at least 20, issue 6), from seed 1: fewer would widen the CI and could fail a true claim. */
export const CLAIM_SEEDS: SeedRange = { from: 1, count: 20 };

/** What a claim file writes per claim: the claim without its scenario and seeds (`claimsOf` adds them). */
export type ClaimSpec = Omit<Claim, 'id' | 'scenario' | 'seeds'> & { id: string; seeds?: SeedRange };

/** The claims of one scenario, ids prefixed with its name, over CLAIM_SEEDS unless a claim says otherwise. */
export function claimsOf(scenario: NamedScenario, specs: readonly ClaimSpec[]): Claim[] {
  return specs.map((s) => ({ ...s, id: `${scenario.name}/${s.id}`, scenario, seeds: s.seeds ?? CLAIM_SEEDS }));
}

// ---------------------------------------------------------------- what is compared

/** Variants `a` and `b` of one run (with `variation` applied): b − a. */
export function variants(a: string, b: string, variation: Variation = {}): { a: Arm; b: Arm } {
  return { a: { variant: a, variation }, b: { variant: b, variation } };
}

/** Variant `variant` under variation `a` and under variation `b`: b − a. */
export function variations(variant: string, a: Variation, b: Variation): { a: Arm; b: Arm } {
  return { a: { variant, variation: a }, b: { variant, variation: b } };
}

/** Two measures of variant `variant` in one run (during and after a shock, say): `later` − the claim's measure. */
export function periods(variant: string, variation: Variation, later: Measure): { a: Arm; b: Arm } {
  return { a: { variant, variation }, b: { variant, variation, measure: later } };
}

/**
 * Difference in differences: for each of variants `a` and `b`, its measure under
 * `shocked` minus under `calm` (what the shocks cost that way of working): b's − a's.
 */
export function differences(a: string, b: string, shocked: Variation, calm: Variation): { a: Term; b: Term } {
  const cost = (variant: string): Term => ({ minus: [{ variant, variation: shocked }, { variant, variation: calm }] });
  return { a: cost(a), b: cost(b) };
}

// ---------------------------------------------------------------- arms

/** A claim's arms in order: a's (one arm, or the two of a difference), then b's. */
export function armsOf(claim: Pick<Claim, 'a' | 'b'>): Arm[] {
  const of = (t: Term): Arm[] => ('minus' in t ? [t.minus[0], t.minus[1]] : [t]);
  return [...of(claim.a), ...of(claim.b)];
}

/** The claim with each arm replaced by `f(arm, i)`, i its place in `armsOf`. */
export function mapArms(claim: Claim, f: (arm: Arm, i: number) => Arm): Claim {
  let i = 0;
  const map = (t: Term): Term => ('minus' in t ? { minus: [f(t.minus[0], i++), f(t.minus[1], i++)] } : f(t, i++));
  const a = map(claim.a);
  return { ...claim, a, b: map(claim.b) };
}

/** The claim with `extra` overrides applied to every arm after the arm's own (a control, a point of the skeptic's space). */
export function withOverrides(claim: Claim, extra: (i: number) => Variation): Claim {
  return mapArms(claim, (arm, i) => ({ ...arm, variation: { ...arm.variation, ...extra(i) } }));
}

/** The claim with its control switched on in every arm (its mechanism off); the claim itself when it names no control. */
export function withControl(claim: Claim): Claim {
  const control = claim.control;
  if (control === undefined) return claim;
  return { ...withOverrides(claim, () => control), id: `${claim.id} (control)` };
}

// ---------------------------------------------------------------- evaluation

/** The seeds of a range, in order. */
export function seedList(range: SeedRange): number[] {
  return Array.from({ length: range.count }, (_, i) => range.from + i);
}

/** A term's number at one seed (null when the run gives none). */
export function termValue(claim: Claim, term: Term, seed: number, cache: RunCache): number | null {
  if ('minus' in term) {
    const x = termValue(claim, term.minus[0], seed, cache), y = termValue(claim, term.minus[1], seed, cache);
    return x === null || y === null ? null : x - y;
  }
  const run = cache.variant(claim.scenario, term.variation, seed, term.variant);
  return (term.measure ?? claim.measure)(run);
}

/**
 * A claim's outcome: the case's result, the paired difference's interval, whether
 * every seed gave both numbers, and the two numbers of every seed.
 */
export type ClaimResult = ValidationResult & { seeds: number[]; a: (number | null)[]; b: (number | null)[]; interval: Interval; complete: boolean };

/** The paired difference b − a over `seeds` (default: the claim's own), its 95 % CI and pass/fail. */
export function evaluateClaim(claim: Claim, cache: RunCache, seeds: readonly number[] = seedList(claim.seeds)): ClaimResult {
  const a: (number | null)[] = [], b: (number | null)[] = [];
  for (const seed of seeds) {
    a.push(termValue(claim, claim.a, seed, cache));
    b.push(termValue(claim, claim.b, seed, cache));
  }
  const d = pairedDifference(a.map((x) => x ?? NaN), b.map((x) => x ?? NaN));
  // Every seed must give a number: a claim that holds only on the seeds where it is defined is not checked.
  const complete = d.n === seeds.length;
  const pass = complete && (claim.side === '>' ? d.lo > 0 : d.hi < 0);
  return {
    model: d.mean,
    theory: 0,
    tolerance: (d.hi - d.lo) / 2,
    relation: claim.side,
    pass,
    detail: `paired difference (b − a) = ${fmt(d.mean)}, 95 % CI [${fmt(d.lo)}, ${fmt(d.hi)}] over ${d.n} seeds${complete ? '' : ` (${seeds.length - d.n} seeds gave no value)`}`,
    seeds: [...seeds],
    a,
    b,
    interval: d,
    complete,
  };
}

/** A number for a detail sentence (3 significant digits). */
export function fmt(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(3) : String(x);
}
