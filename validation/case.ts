// What a validation case is — a textbook result or a scenario claim, held
// against the engine — and the small statistics every case shares: the mean and
// its standard error, "3 standard errors" from Student's t, the judgement.
// No I/O and no clock: a case is a pure function of its context.
import type { RunCache } from './runner.ts';
import type { ClaimCheck } from './claims/claim-check.ts';
import { studentQuantile } from './student-t.ts';

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
  /** A claim's check (effect, control, whether it holds); absent for a textbook result. */
  claim?: ClaimCheck;
}

/** What a case runs with: how many seeds, and the run cache its caller owns (shared by every case of one check). */
export interface CaseContext {
  /** Fewer seeds for the textbook cases (the test suite, `check --quick`); same scenarios. Claims ignore it. */
  quick: boolean;
  cache: RunCache;
}

/** A textbook result, or a built-in scenario's claim, checked against the engine. */
export interface ValidationCase {
  id: string;
  title: string;
  citation: string;
  /**
   * `textbook` (the default): a result from theory or a paper. A claim is a `finding`,
   * or a `definition` (one arm fixed by a rule: shown apart, never counted as a finding).
   */
  kind?: 'textbook' | 'finding' | 'definition';
  run(ctx: CaseContext): ValidationResult;
  /** A claim of model 1 that model 2 breaks, with what model 2 shows (printed as BROKEN; it must fail). */
  brokenByModel2?: string;
  /**
   * A published value that neither this model nor an independent reimplementation
   * reproduces, with the evidence (printed as DIFFERS; it must still differ).
   */
  knownDiscrepancy?: string;
}

/**
 * PASS, FAIL, BROKEN (a claim model 2 breaks, failing as it should), DIFFERS (a
 * documented discrepancy with a paper, still differing) or UNMARK (a marked case
 * that passes: its mark is stale).
 */
export type Verdict = 'PASS' | 'FAIL' | 'BROKEN' | 'DIFFERS' | 'UNMARK';

/** The verdict of a case's result; PASS, BROKEN and DIFFERS count as success. */
export function verdict(c: ValidationCase, r: ValidationResult): Verdict {
  if (c.brokenByModel2 !== undefined) return r.pass ? 'UNMARK' : 'BROKEN';
  if (c.knownDiscrepancy !== undefined) return r.pass ? 'UNMARK' : 'DIFFERS';
  return r.pass ? 'PASS' : 'FAIL';
}

/** PASS, BROKEN and DIFFERS are successes (a marked case failing as marked); FAIL and UNMARK are not: `check` exits 1. */
export const isSuccess = (v: Verdict): boolean => v === 'PASS' || v === 'BROKEN' || v === 'DIFFERS';

/** A case's outcome, or a failure carrying the error when the case itself threw (one bad case does not stop a check). */
export function runCase(c: ValidationCase, ctx: CaseContext): ValidationResult {
  try {
    return c.run(ctx);
  } catch (e) {
    return { model: NaN, theory: NaN, tolerance: NaN, pass: false, detail: `the case failed to run: ${(e as Error).message}` };
  }
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

/** Formats a number for a detail sentence (4 significant digits, integers as is). */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x);
  return Math.abs(x) >= 100 ? x.toFixed(1) : x.toPrecision(4);
}
