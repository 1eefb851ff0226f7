// The claims of the `lazega` scenario (issue 6): a law firm's three offices as
// silos from tick 150 to 300 (Lazega 2001). Each a paired comparison over 20
// seeds; the counterfactual is the documented variation `together` (no shocks).
// The data files come from `provideClaimData`.
import lazega from '../../scenarios/lazega.json' with { type: 'json' };
import type { ValidationCase } from '../validation/case.ts';
import { arrivals, libraryCase, variantsPair, variationsPair } from './library.ts';

const NAME = 'lazega';

/** The variations of the shipped scenario that the claims use (documented in docs/ODD.md §8). */
export const lazegaVariations = {
  shipped: {},
  /** The offices are never cut apart. */
  together: { shocks: [] },
} as const;

/** Situations arriving while the offices are silos whose deadline (40) also falls before the reconnection at 300. */
const duringSilos = arrivals('share', 150, 260);

export const lazegaClaims: ValidationCase[] = [
  libraryCase(NAME, {
    id: 'offices-as-silos',
    title: 'while the offices are silos, peers over the cowork network resolve a larger share than a managing partner',
    compared: 'cowork − managing-partner, share resolved of the situations arriving in ticks 150–259',
    pair: variantsPair(NAME, lazega, lazegaVariations.shipped, 'managing-partner', 'cowork', duringSilos),
    side: '>',
  }),
  libraryCase(NAME, {
    id: 'silos-cut-off-the-center',
    title: 'the silos cost the managing partner the other offices\' work',
    compared: 'managing-partner with silos − managing-partner together, share resolved of the situations arriving in ticks 150–259',
    pair: variationsPair(NAME, lazega, lazegaVariations.together, lazegaVariations.shipped, 'managing-partner', duringSilos),
    side: '<',
  }),
];
