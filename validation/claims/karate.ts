// The claims of the `karate` scenario (issue 6, rewritten for model 2 by issue
// 15): the club splits along its real fault line at tick 150 (Zachary 1977). A
// paired comparison over 20 seeds on the shipped scenario, with its mechanism and
// the control that switches it off (MODEL.md §10.6): the one leader keeps its own
// ties across the split. The data files come from the run cache's `readData`.
import karate from '../../scenarios/karate.json' with { type: 'json' };
import { claimsOf, variants } from './claim.ts';
import { arrivals } from './measures.ts';
import { karateSidesButLeader } from './real-org-bridges.ts';

const SCENARIO = { name: 'karate', input: karate };

/** The variations of the shipped scenario that the claims use (documented in docs/ODD.md §8). */
export const karateVariations = {
  shipped: {},
  /** The control: the club splits, but the administrator (33) is in no group and keeps its 3 ties to the instructor's side. */
  leaderBridges: { 'shocks.0.groups': karateSidesButLeader },
} as const;

export const karateClaims = claimsOf(SCENARIO, [
  {
    id: 'split',
    title: 'after the split, peers on both sides keep resolving while the side cut off from the one leader cannot',
    compared: 'p2p − one-leader, share resolved of the situations arriving in ticks 150–359',
    ...variants('one-leader', 'p2p'),
    measure: arrivals('share', 150, 360),
    side: '>',
    mechanism: 'reports travel to the one leader (the administrator) along the members\' ties; the split cuts every tie between the sides, so the instructor\'s side has no route to it and its situations wait until their deadline, while peers on each side find each other',
    control: karateVariations.leaderBridges,
  },
]);
