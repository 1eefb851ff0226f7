// The claims of the `lazega` scenario (issue 6, rewritten for model 2 by issue
// 15): a law firm's three offices as silos from tick 150 to 300 (Lazega 2001).
// Each a paired comparison over 20 seeds, with its mechanism and the control that
// switches it off (MODEL.md §10.6): the managing partner keeps its own ties into
// every office. The data files come from the run cache's `readData`.
import lazega from '../../scenarios/lazega.json' with { type: 'json' };
import { claimsOf, variants, variations } from './claim.ts';
import { arrivals } from './measures.ts';
import { lazegaOfficesButPartner } from './real-org-bridges.ts';

const SCENARIO = { name: 'lazega', input: lazega };

/** The variations of the shipped scenario that the claims use (documented in docs/ODD.md §8). */
export const lazegaVariations = {
  shipped: {},
  /**
   * The offices are never cut apart: the partition is moved past the run's last tick
   * (rather than removed, so that a control can still change its groups).
   */
  together: { 'shocks.0.at': lazega.ticks + 1 },
  /** The control: the offices are silos, but the managing partner (22) is in no group and keeps its ties into every office. */
  partnerBridges: { 'shocks.0.groups': lazegaOfficesButPartner },
} as const;

/** Situations arriving while the offices are silos whose deadline (40) also falls before the reconnection at 300. */
const duringSilos = arrivals('share', 150, 260);

/** Why the managing partner loses the other offices' work. */
const cutOff = 'reports and orders travel to and from the managing partner (a Boston partner) along cowork ties; the silos cut every tie between offices, so Hartford\'s and Providence\'s reports wait for a route until their deadline unless a lawyer on their way can place them in their own office; peers find colleagues within each office';

export const lazegaClaims = claimsOf(SCENARIO, [
  {
    id: 'offices-as-silos',
    title: 'while the offices are silos, peers over the cowork network resolve a larger share than a managing partner',
    compared: 'cowork − managing-partner, share resolved of the situations arriving in ticks 150–259',
    ...variants('managing-partner', 'cowork', lazegaVariations.shipped),
    measure: duringSilos,
    side: '>',
    mechanism: cutOff,
    control: lazegaVariations.partnerBridges,
  },
  {
    id: 'silos-cut-off-the-center',
    title: 'the silos cost the managing partner the other offices\' work',
    compared: 'managing-partner with silos − managing-partner together, share resolved of the situations arriving in ticks 150–259',
    ...variations('managing-partner', lazegaVariations.together, lazegaVariations.shipped),
    measure: duringSilos,
    side: '<',
    mechanism: cutOff,
    control: lazegaVariations.partnerBridges,
  },
]);
