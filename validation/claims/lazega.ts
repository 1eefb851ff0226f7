// The claims of the `lazega` scenario (issue 6): a law firm's three offices as
// silos from tick 150 to 300 (Lazega 2001). Each a paired comparison over 20
// seeds; the counterfactual is the documented variation `together` (no shocks).
// The data files come from the run cache's `readData`.
import lazega from '../../scenarios/lazega.json' with { type: 'json' };
import { claimsOf, variants, variations } from './claim.ts';
import { arrivals } from './measures.ts';

const SCENARIO = { name: 'lazega', input: lazega };

/** The variations of the shipped scenario that the claims use (documented in docs/ODD.md §8). */
export const lazegaVariations = {
  shipped: {},
  /** The offices are never cut apart. */
  together: { shocks: [] },
} as const;

/** Situations arriving while the offices are silos whose deadline (40) also falls before the reconnection at 300. */
const duringSilos = arrivals('share', 150, 260);

export const lazegaClaims = claimsOf(SCENARIO, [
  {
    id: 'offices-as-silos',
    title: 'while the offices are silos, peers over the cowork network resolve a larger share than a managing partner',
    compared: 'cowork − managing-partner, share resolved of the situations arriving in ticks 150–259',
    ...variants('managing-partner', 'cowork', lazegaVariations.shipped),
    measure: duringSilos,
    side: '>',
  },
  {
    id: 'silos-cut-off-the-center',
    title: 'the silos cost the managing partner the other offices\' work',
    compared: 'managing-partner with silos − managing-partner together, share resolved of the situations arriving in ticks 150–259',
    ...variations('managing-partner', lazegaVariations.together, lazegaVariations.shipped),
    measure: duringSilos,
    side: '<',
  },
]);
