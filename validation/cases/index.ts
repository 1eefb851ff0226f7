// The textbook results the engine must reproduce, in the order `equipotent
// check` prints them: information spreading first, then percolation, then congestion.
import type { ValidationCase } from '../case.ts';
import { pushCompleteCases } from './push-complete.ts';
import { gossipModeCases } from './gossip-modes.ts';
import { rumourBlindCoinCases } from './rumour-blind-coin.ts';
import { cascadeErCases } from './cascade-er.ts';
import { removalErCases } from './removal-er.ts';
import { attackBaCases } from './attack-ba.ts';
import { giantUnionFindCase } from './giant-union-find.ts';
import { dwsCases } from './dws.ts';
import { classicCases } from '../classics/index.ts';

export const textbookCases: readonly ValidationCase[] = [
  ...pushCompleteCases,
  ...gossipModeCases,
  ...rumourBlindCoinCases,
  ...cascadeErCases,
  ...removalErCases,
  ...attackBaCases,
  giantUnionFindCase,
  // Exchanges routed through a hierarchy and its informal ties (MODEL.md §10.5).
  ...dwsCases,
  // The classics of organization science (engine/models/), each against its paper.
  ...classicCases,
];
