// The claims of the `karate` scenario (issue 6): the club splits along its real
// fault line at tick 150 (Zachary 1977). A paired comparison over 20 seeds on
// the shipped scenario; the data files come from the run cache's `readData`.
import karate from '../../scenarios/karate.json' with { type: 'json' };
import { claimsOf, variants } from './claim.ts';
import { arrivals } from './measures.ts';

const SCENARIO = { name: 'karate', input: karate };

export const karateClaims = claimsOf(SCENARIO, [
  {
    id: 'split',
    title: 'after the split, peers on both sides keep resolving while the side cut off from the one leader cannot',
    compared: 'p2p − one-leader, share resolved of the situations arriving in ticks 150–359',
    ...variants('one-leader', 'p2p'),
    measure: arrivals('share', 150, 360),
    side: '>',
  },
]);
