// The validation set: each textbook result the engine must reproduce, in the
// order `equipotent check` prints them, plus the hook for the built-in
// scenarios' claims. Tests and the `check` command both read these lists.
import type { ValidationCase } from './case.ts';
import { pushCompleteCases } from './push-complete.ts';
import { gossipModeCases } from './gossip-modes.ts';
import { rumourBlindCoinCases } from './rumour-blind-coin.ts';
import { cascadeErCases } from './cascade-er.ts';
import { removalErCases } from './removal-er.ts';
import { attackBaCases } from './attack-ba.ts';
import { giantUnionFindCase } from './giant-union-find.ts';
import { classicCases } from './classics/index.ts';
import { classroomClaims } from '../claims/classroom.ts';
import { hydraClaims } from '../claims/hydra.ts';
import { overloadClaims } from '../claims/overload.ts';
import { rumourClaims } from '../claims/rumour.ts';
import { marketShiftClaims } from '../claims/market-shift.ts';
import { turnoverClaims } from '../claims/turnover.ts';
import { silosClaims } from '../claims/silos.ts';
import { stewardsClaims } from '../claims/stewards.ts';
import { whereHierarchyWinsClaims } from '../claims/where-hierarchy-wins.ts';
import { krackhardtClaims } from '../claims/krackhardt.ts';
import { lazegaClaims } from '../claims/lazega.ts';
import { karateClaims } from '../claims/karate.ts';
import { emailEuClaims } from '../claims/email-eu.ts';

export type { ValidationCase, ValidationResult, Relation } from './case.ts';

/** Every textbook case, information spreading first, then percolation. */
export const validationCases: readonly ValidationCase[] = [
  ...pushCompleteCases,
  ...gossipModeCases,
  ...rumourBlindCoinCases,
  ...cascadeErCases,
  ...removalErCases,
  ...attackBaCases,
  giantUnionFindCase,
  // The classics of organization science (engine/models/), each against its paper.
  ...classicCases,
];

/**
 * The built-in scenarios' claims (CONTRACT.md `check`): each a case whose
 * `model` is a paired difference between two variants over seeds, `tolerance`
 * the half-width of its 95 % CI, `theory` the bound it must clear and
 * `relation` the side. The `classroom` scenario's claims come first.
 */
export const claims: ValidationCase[] = [
  ...classroomClaims,
  // The scenario library (issue 6); the real organizations' claims need their data files (provideClaimData).
  ...hydraClaims,
  ...overloadClaims,
  ...rumourClaims,
  ...marketShiftClaims,
  ...turnoverClaims,
  ...silosClaims,
  ...stewardsClaims,
  ...whereHierarchyWinsClaims,
  ...krackhardtClaims,
  ...lazegaClaims,
  ...karateClaims,
  ...emailEuClaims,
];
