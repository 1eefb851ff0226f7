// The claims of the `silos` scenario (issue 6): departments partitioned at tick
// 120, reconnected at 240. Each a paired comparison over 20 seeds; the
// counterfactual is the documented variation `connected` (no shocks).
import silos from '../../scenarios/silos.json' with { type: 'json' };
import { claimsOf, periods, variations } from './claim.ts';
import { arrivals } from './measures.ts';

const SCENARIO = { name: 'silos', input: silos };

/** The variations of the shipped scenario that the claims use (documented in docs/ODD.md §8). */
export const silosVariations = {
  shipped: {},
  /** The same organization whose departments are never cut apart. */
  connected: { shocks: [] },
} as const;

/** Situations arriving while the silos last (partition at 120, reconnect at 240; deadline 40). */
const during = (what: 'share' | 'latency') => arrivals(what, 130, 240);

export const silosClaims = claimsOf(SCENARIO, [
  {
    id: 'peers-cut-off',
    title: 'while the departments are silos, peers resolve a smaller share of their situations than they would connected',
    compared: 'p2p with silos − p2p connected, share resolved of the situations arriving in ticks 130–239',
    ...variations('p2p', silosVariations.connected, silosVariations.shipped),
    measure: during('share'),
    side: '<',
  },
  {
    id: 'peers-slowed',
    brokenByModel2: 'no difference under model 2 (−0.47, CI ±0.52)',
    title: 'while the departments are silos, peers take longer to resolve what they do resolve',
    compared: 'p2p with silos − p2p connected, mean latency of the situations arriving in ticks 130–239',
    ...variations('p2p', silosVariations.connected, silosVariations.shipped),
    measure: during('latency'),
    side: '>',
  },
  {
    id: 'reconnect-recovers',
    title: 'once the departments are reconnected, the peers recover',
    compared: 'p2p, share resolved of the situations arriving in ticks 250–319 − of those arriving in ticks 130–239',
    ...periods('p2p', silosVariations.shipped, arrivals('share', 250, 320)),
    measure: during('share'),
    side: '>',
  },
]);
