// The claims of the `silos` scenario (issue 6, rewritten for model 2 by issue
// 15): departments partitioned at tick 120, reconnected at 240. Each a paired
// comparison over 20 seeds, with its mechanism and the control that switches it
// off (MODEL.md §10.6); the counterfactual is the documented variation
// `connected` (no shocks).
import silos from '../../scenarios/silos.json' with { type: 'json' };
import { claimsOf, periods, variations } from './claim.ts';
import { arrivals } from './measures.ts';

const SCENARIO = { name: 'silos', input: silos };

/** The variations of the shipped scenario that the claims use (documented in docs/ODD.md §8). */
export const silosVariations = {
  shipped: {},
  /** The same organization whose departments are never cut apart. */
  connected: { shocks: [] },
  /** The control: every situation is easy enough for whoever takes it (difficulty 0), so any colleague who leads it succeeds. */
  anyoneCan: { 'environment.difficulty': { min: 0, max: 0 } },
} as const;

/** Situations arriving while the silos last (partition at 120, reconnect at 240; deadline 40). */
const during = arrivals('share', 130, 240);

/** Why the silos cost the peers. */
const onlyInside = 'a peer can call only colleagues of its own department while the silos last; the specialists a situation needs are often in another department, so leaders who lack the skill fail and their origins call again among the same colleagues until the deadline';

export const silosClaims = claimsOf(SCENARIO, [
  {
    id: 'peers-cut-off',
    title: 'while the departments are silos, peers resolve a smaller share of their situations than they would connected',
    compared: 'p2p with silos − p2p connected, share resolved of the situations arriving in ticks 130–239',
    ...variations('p2p', silosVariations.connected, silosVariations.shipped),
    measure: during,
    side: '<',
    mechanism: onlyInside,
    control: silosVariations.anyoneCan,
  },
  {
    id: 'reconnect-recovers',
    title: 'once the departments are reconnected, the peers recover',
    compared: 'p2p, share resolved of the situations arriving in ticks 250–319 − of those arriving in ticks 130–239',
    ...periods('p2p', silosVariations.shipped, arrivals('share', 250, 320)),
    measure: during,
    side: '>',
    mechanism: `${onlyInside}; reconnected, they reach every department again`,
    control: silosVariations.anyoneCan,
  },
]);
