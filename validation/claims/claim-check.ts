// How a claim is checked (MODEL.md §10.6): its effect — the paired difference
// b − a over the seeds, whose 95 % CI must exclude 0 on the claimed side — and,
// when it names a control (the switch that turns its mechanism off), the same
// difference with the control applied to every arm, which must vanish: its 95 %
// CI within ±20 % of the effect's size (stats/equivalence.ts). A claim holds
// only when its effect holds and its control makes it vanish. A `definition`
// (one arm fixed by a rule) is checked the same way but is never a finding.
//
// `check`, its tests and `check --robust` (each point's effect) all judge here.
import { pairedDifference } from '../../engine/stats.ts';
import { holds, vanishes, EQUIVALENCE_MARGIN } from '../../stats/equivalence.ts';
import type { RunCache, Variation } from '../runner.ts';
import type { ValidationCase, ValidationResult } from '../case.ts';
import { evaluateClaim, fmt, seedList, withOverrides, type Claim, type ClaimResult } from './claim.ts';

/**
 * An effect's state: `holds` (its CI excludes 0 on the claimed side, every seed
 * giving a number), `fails` (it excludes 0 on the other side), `inconclusive`
 * (the CI holds 0, or some seed gave no number).
 */
export type EffectState = 'holds' | 'fails' | 'inconclusive';

/** The paired difference over the seeds: mean, 95 % CI, pairs counted, whether every seed gave both numbers, and its state. */
export interface Effect {
  mean: number;
  lo: number;
  hi: number;
  n: number;
  complete: boolean;
  state: EffectState;
}

/** The control's outcome: the effect with the control on, and whether it vanished (within ±margin of the effect's size). */
export interface ControlOutcome extends Omit<Effect, 'state'> {
  variation: Variation;
  /** Half-width of the band "no effect": EQUIVALENCE_MARGIN × |the effect's mean|. */
  band: number;
  state: 'vanishes' | 'persists';
}

/** A claim's check: its effect, its control's outcome (when it names one), and whether it holds. */
export interface ClaimCheck {
  kind: 'finding' | 'definition';
  seeds: number[];
  effect: Effect;
  control?: ControlOutcome;
  /** Effect holds, and the control (if any) makes it vanish. */
  holds: boolean;
}

const sign = (side: '>' | '<'): 1 | -1 => (side === '>' ? 1 : -1);

/** The effect of per-seed numbers a and b (null: no number) on a claim's side. */
export function effectOf(a: readonly (number | null)[], b: readonly (number | null)[], side: '>' | '<'): Effect {
  const d = pairedDifference(a.map((x) => x ?? NaN), b.map((x) => x ?? NaN));
  // Every seed must give a number: a claim that holds only on the seeds where it is defined is not checked.
  const complete = d.n === a.length && d.n === b.length;
  const state: EffectState = !complete ? 'inconclusive' : holds(d, sign(side)) ? 'holds' : holds(d, -sign(side) as 1 | -1) ? 'fails' : 'inconclusive';
  return { mean: d.mean, lo: d.lo, hi: d.hi, n: d.n, complete, state };
}

/** The claim with its control on (its overrides applied to every arm after the arm's own); the claim itself when it has none. */
export function controlled(claim: Claim): Claim {
  const control = claim.control;
  return control === undefined ? claim : withOverrides(claim, () => control);
}

/**
 * The seeds of a control test: the claim's seeds, then as many again after the
 * largest. An equivalence test needs a narrower interval than a difference test
 * (its CI must fit inside ±20 % of the effect, not merely exclude 0): at a claim's
 * 20 seeds a control whose effect is ~0 was seen to miss the band by its width
 * alone (hydra), so the control runs on twice the seeds.
 */
export function controlSeeds(seeds: readonly number[]): number[] {
  const after = Math.max(0, ...seeds) + 1;
  return [...seeds, ...seeds.map((_, i) => after + i)];
}

/** Checks a claim over `seeds` (default its own): the effect, the control (on twice the seeds), whether it holds. */
export function checkClaim(claim: Claim, cache: RunCache, seeds: readonly number[] = seedList(claim.seeds)): ClaimCheck & { result: ClaimResult } {
  const result = evaluateClaim(claim, cache, seeds);
  const effect = effectOf(result.a, result.b, claim.side);
  let control: ControlOutcome | undefined;
  if (claim.control !== undefined) {
    const off = evaluateClaim(controlled(claim), cache, controlSeeds(seeds));
    const c = effectOf(off.a, off.b, claim.side);
    const band = EQUIVALENCE_MARGIN * Math.abs(effect.mean);
    // A control that leaves seeds without a number has not shown the effect gone.
    const gone = c.complete && vanishes(off.interval, effect.mean);
    const { state: _, ...numbers } = c;
    control = { ...numbers, variation: claim.control, band, state: gone ? 'vanishes' : 'persists' };
  }
  const holdsNow = effect.state === 'holds' && (control === undefined || control.state === 'vanishes');
  return { kind: claim.kind ?? 'finding', seeds: [...seeds], effect, ...(control !== undefined ? { control } : {}), holds: holdsNow, result };
}

/** The seeds of a claim's case: `seeds` when given (`check --seeds A-B`), else the claim's own. */
function caseSeeds(claim: Claim, seeds: readonly number[] | undefined): number[] {
  return seeds !== undefined ? [...seeds] : seedList(claim.seeds);
}

/** The seeds as the citation says them: "20 seeds", "20 seeds from seed 1001". */
function seedsText(seeds: readonly number[]): string {
  const from = seeds[0] ?? 1;
  const contiguous = seeds.every((s, i) => s === from + i);
  if (!contiguous) return `seeds ${seeds.join(', ')}`;
  return `${seeds.length} seeds${from === 1 ? '' : ` from seed ${from}`}`;
}

/**
 * A claim as a case of the validation set (what `check` prints), over its own
 * seeds or the ones given; the case's `pass` is the claim's `holds` (effect and
 * control), and its result carries the check.
 */
export function claimCase(claim: Claim, seeds?: readonly number[]): ValidationCase {
  const list = caseSeeds(claim, seeds);
  return {
    id: claim.id,
    title: claim.title,
    kind: claim.kind ?? 'finding',
    citation: `${claim.scenario.name} scenario: ${claim.compared}, paired over ${seedsText(list)}`,
    run: ({ cache }) => claimResult(checkClaim(claim, cache, list)),
    ...(claim.brokenByModel2 !== undefined ? { brokenByModel2: claim.brokenByModel2 } : {}),
  };
}

/** The case's result of a claim's check: the effect as model ± tolerance against 0, the control in the detail. */
function claimResult(check: ClaimCheck & { result: ClaimResult }): ValidationResult {
  const { result, ...claim } = check;
  const { seeds: _s, a: _a, b: _b, interval: _i, complete: _c, ...base } = result;
  let detail = base.detail;
  if (claim.control !== undefined) {
    const c = claim.control;
    detail += `; with the control on (${controlText(c.variation)}, ${c.n} seeds): ${fmt(c.mean)}, 95 % CI [${fmt(c.lo)}, ${fmt(c.hi)}], ${c.state === 'vanishes' ? 'within' : 'not within'} ±${fmt(c.band)} (20 % of the effect): the effect ${c.state}`;
  }
  return { ...base, detail, pass: claim.holds, claim };
}

/** A control's overrides as `path=value` words. */
export function controlText(v: Variation): string {
  return Object.entries(v).map(([k, x]) => `${k}=${JSON.stringify(x)}`).join(', ');
}
