// The claims of the `overload` scenario (issue 6): the rate of situations ramps
// up from 0.5 to 5 per tick until the head of the hierarchy chokes (Dodds, Watts
// & Sabel's congestion), while peers share the load. Each a paired comparison
// over 20 seeds on the shipped scenario (validation/claims/claim.ts).
import overload from '../../scenarios/overload.json' with { type: 'json' };
import { claimsOf, variants } from './claim.ts';
import { arrivals, metric } from './measures.ts';

const SCENARIO = { name: 'overload', input: overload };

export const overloadClaims = claimsOf(SCENARIO, [
  {
    id: 'peers-keep-up',
    brokenByModel2: 'peers pay attention for their messages: no difference at this load (0.003, CI ±0.016)',
    title: 'at high load the peers resolve a larger share of the situations than the hierarchy',
    compared: 'p2p − hierarchy, share resolved of the situations arriving in ticks 250–349 (rate 3.5 to 5 per tick)',
    ...variants('hierarchy', 'p2p'),
    measure: arrivals('share', 250, 350),
    side: '>',
  },
  {
    id: 'root-chokes',
    brokenByModel2: 'management by exception keeps reports off the root: the hierarchy\'s longest inbox is shorter than the peers\' (+104 the other way)',
    title: 'the hierarchy\'s longest inbox (the head\'s) grows far beyond any peer\'s',
    compared: 'p2p − hierarchy, maxQueuePeak',
    ...variants('hierarchy', 'p2p'),
    measure: metric('maxQueuePeak'),
    side: '<',
  },
  {
    id: 'load-shared',
    title: 'peers share the load: messages received are spread more evenly (lower loadGini)',
    compared: 'p2p − hierarchy, loadGini',
    ...variants('hierarchy', 'p2p'),
    measure: metric('loadGini'),
    side: '<',
  },
]);
