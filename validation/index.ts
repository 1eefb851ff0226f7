// The validation set, a part of its own that depends on the engine (never the
// reverse): the textbook results (cases/) and the built-in scenarios' claims
// (claims/), run through one cache the caller owns (runner.ts). `equipotent
// check` and the tests read these lists.
//
// A claim's case has `model` = the paired difference b − a over its seeds,
// `tolerance` = the half-width of its 95 % CI, `theory` = 0 (the bound it must
// clear) and `relation` = its side.
import type { ValidationCase } from './case.ts';
import type { Claim } from './claims/claim.ts';
import { textbookCases } from './cases/index.ts';
import { claims } from './claims/index.ts';
import { claimCase } from './claims/claim-check.ts';

export { textbookCases } from './cases/index.ts';
export { claims } from './claims/index.ts';
export { RunCache, type RunCacheOptions, type DataReader } from './runner.ts';
export { claimCase, checkClaim, effectOf, type ClaimCheck, type Effect, type EffectState } from './claims/claim-check.ts';
export { runCase, verdict, isSuccess, type Verdict, type CaseContext, type ValidationCase, type ValidationResult, type Relation } from './case.ts';

/** Every claim as a case of the validation set (`check` prints them after the textbook cases). */
export const claimCases: readonly ValidationCase[] = claims.map((c) => claimCase(c));

/**
 * The validation set as `check` runs it, in its order: the textbook results, then
 * every claim — over its own seeds, or over `seedsOf(claim)` (`check --seeds`).
 */
export function validationSet(seedsOf?: (claim: Claim) => number[]): ValidationCase[] {
  return [...textbookCases, ...(seedsOf === undefined ? claimCases : claims.map((c) => claimCase(c, seedsOf(c))))];
}
