// The claims of the `turnover` scenario (issue 6): 8 of 400 people leave every
// 10 ticks and 8 are hired. Each a paired comparison over 20 seeds; the
// counterfactual is the documented variation `stable` (no shocks), so a claim
// can say what turnover costs each way of working (difference in differences).
import turnover from '../../scenarios/turnover.json' with { type: 'json' };
import { claimsOf, differences, variations } from './claim.ts';
import { metric } from './measures.ts';

const SCENARIO = { name: 'turnover', input: turnover };

/** The variations of the shipped scenario that the claims use (documented in docs/ODD.md §8). */
export const turnoverVariations = {
  shipped: {},
  /** The same organization with nobody leaving or joining. */
  stable: { shocks: [] },
} as const;

export const turnoverClaims = claimsOf(SCENARIO, [
  {
    id: 'costs-hierarchy-more',
    title: 'turnover costs the hierarchy more missed situations than it costs the peers',
    compared: '(p2p with turnover − p2p stable) − (hierarchy with turnover − hierarchy stable), situations missed',
    ...differences('hierarchy', 'p2p', turnoverVariations.shipped, turnoverVariations.stable),
    measure: metric('missed'),
    side: '<',
  },
  {
    id: 'slows-hierarchy-more',
    title: 'turnover slows the hierarchy more than the peers',
    compared: '(p2p with turnover − p2p stable) − (hierarchy with turnover − hierarchy stable), latencyMean',
    ...differences('hierarchy', 'p2p', turnoverVariations.shipped, turnoverVariations.stable),
    measure: metric('latencyMean'),
    side: '<',
  },
  {
    id: 'stale-directory',
    title: 'with turnover the hierarchy\'s directory is stale: the head gives orders to people who have already left',
    compared: 'hierarchy with turnover − hierarchy stable, staleOrders (orders to someone no longer there)',
    ...variations('hierarchy', turnoverVariations.stable, turnoverVariations.shipped),
    measure: metric('staleOrders'),
    side: '>',
  },
]);
