// What a validation case is, and the few helpers every case shares: the scenario
// of one variant, the seed loop, running an item until it settles, the mean and
// its standard error. No I/O and no clock: a case is a pure function of `quick`.
import { createSimulation, type Simulation } from '../simulation.ts';
import { expandVariants } from '../scenario/overrides.ts';
import type { Scenario } from '../scenario/schema.ts';
import { INFO } from '../information.ts';
import { validationScenarios, type ValidationScenarioName } from './scenarios.ts';
import { itemKey } from '../item-keys.ts';

/**
 * How the model's value is held against theory's: `≈` within the tolerance
 * (|model − theory| ≤ tolerance), `>` clearly above (model − tolerance > theory),
 * `<` clearly below (model + tolerance < theory).
 */
export type Relation = '≈' | '>' | '<';

/** One case's outcome: the model's value, theory's, the tolerance, and whether it passed. */
export interface ValidationResult {
  model: number;
  theory: number;
  tolerance: number;
  pass: boolean;
  /** What was run and how the numbers were found, in a sentence or two. */
  detail: string;
  /** Default `≈`. */
  relation?: Relation;
}

/** A textbook result checked against the engine (or, later, a built-in scenario's claim). */
export interface ValidationCase {
  id: string;
  title: string;
  citation: string;
  /** `quick` runs fewer seeds (the test suite, `check --quick`); same scenarios. */
  run(opts: { quick: boolean }): ValidationResult;
}

/** Whether `model` stands in `relation` to `theory` given `tolerance`. */
export function judge(model: number, theory: number, tolerance: number, relation: Relation = '≈'): boolean {
  if (!Number.isFinite(model) || !Number.isFinite(tolerance)) return false;
  if (relation === '>') return model - tolerance > theory;
  if (relation === '<') return model + tolerance < theory;
  return Math.abs(model - theory) <= tolerance;
}

/** A result whose `pass` is computed by `judge`. */
export function result(model: number, theory: number, tolerance: number, detail: string, relation: Relation = '≈'): ValidationResult {
  return { model, theory, tolerance, pass: judge(model, theory, tolerance, relation), detail, relation };
}

/** Mean, sample standard deviation and standard error of the mean (NaN for fewer than 2 values). */
export function meanSe(xs: readonly number[]): { mean: number; sd: number; se: number; count: number } {
  const count = xs.length;
  if (count === 0) return { mean: NaN, sd: NaN, se: NaN, count };
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / count;
  if (count < 2) return { mean, sd: NaN, se: NaN, count };
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  const sd = Math.sqrt(ss / (count - 1));
  return { mean, sd, se: sd / Math.sqrt(count), count };
}

/**
 * The tolerance "3 standard errors" for a mean of `count` runs: the normal's 3σ
 * coverage (99.73 %, two-sided) taken from Student's t with count − 1 degrees
 * of freedom, since the standard error is itself estimated from the runs (for
 * 6 runs that is 5.5 SE, for 20 runs 3.5, for 100 runs 3.1).
 */
export function threeSe(stats: { se: number; count: number }): number {
  if (stats.count < 2 || !Number.isFinite(stats.se)) return NaN;
  return studentQuantile(THREE_SIGMA_ONE_SIDED, stats.count - 1) * stats.se;
}

/** P(Z ≤ 3) for a standard normal Z. */
const THREE_SIGMA_ONE_SIDED = 0.9986501019683699;

/** The p-quantile (p > 0.5) of Student's t with nu degrees of freedom, by bisection on its CDF. */
export function studentQuantile(p: number, nu: number): number {
  let lo = 0, hi = 1;
  while (studentCdf(hi, nu) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentCdf(mid, nu) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** P(T ≤ t) for t ≥ 0 and Student's t with nu degrees of freedom: 1 − I_{nu/(nu+t²)}(nu/2, 1/2) / 2. */
function studentCdf(t: number, nu: number): number {
  return 1 - 0.5 * incompleteBeta(nu / (nu + t * t), nu / 2, 0.5);
}

/** The regularized incomplete beta function I_x(a, b), by its continued fraction (Numerical Recipes §6.4). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x > (a + 1) / (a + b + 2)) return 1 - (front * betaFraction(1 - x, b, a)) / b;
  return (front * betaFraction(x, a, b)) / a;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1, d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d; h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: about 15 digits). */
function lnGamma(x: number): number {
  const g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  x -= 1;
  let a = g[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += g[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The scenario of one variant of a validation scenario, validated, defaults filled in. */
export function variantScenario(name: ValidationScenarioName, label: string): Scenario {
  const variant = expandVariants(validationScenarios[name]).find((v) => v.label === label);
  if (!variant) throw new Error(`validation scenario "${name}" has no variant "${label}"`);
  if (!variant.ok) throw new Error(`validation scenario "${name}", ${variant.errors.join('; ')}`);
  return variant.scenario;
}

/** The seeds of a case: the scenario's seed and the next ones, as a sweep's `baseSeed + s`. */
export function seedsOf(scenario: Scenario, count: number): number[] {
  return Array.from({ length: count }, (_, s) => scenario.seed + s);
}

/**
 * Steps until item k has settled — everyone alive informed, or nobody left
 * spreading (a stifled rumour has died) — or the scenario's ticks run out.
 */
export function runItem(sim: Simulation, k = 0): void {
  const ticks = sim.scenario.ticks;
  while (sim.tick < ticks) {
    sim.step(1);
    const s = sim.state.scalars;
    if (!s[itemKey(k).seeded]) continue; // not seeded yet (its tick `at` is still ahead)
    if (s[itemKey(k).informed]! >= s['aliveCount']!) return;
    const st = sim.state.u8(itemKey(k).state);
    // NEW people become ACTIVE at the end of the tick, so after a step only ACTIVE ones can still spread.
    if (st.indexOf(INFO.ACTIVE) === -1) return;
  }
}

/** A simulation of `scenario` from `seed`, run with `runItem`. */
export function runToSettled(scenario: Scenario, seed: number, k = 0): Simulation {
  const sim = createSimulation(scenario, seed);
  runItem(sim, k);
  return sim;
}

/** Formats a number for a detail sentence (4 significant digits, integers as is). */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x);
  return Math.abs(x) >= 100 ? x.toFixed(1) : x.toPrecision(4);
}
