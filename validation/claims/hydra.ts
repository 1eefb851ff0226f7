// The claims of the `hydra` scenario (issue 6): cutting off the head of the
// chain of command, then its best-connected people. Each a paired comparison
// over 20 seeds on the shipped scenario (validation/claims/claim.ts).
import hydra from '../../scenarios/hydra.json' with { type: 'json' };
import { claimsOf, variants } from './claim.ts';
import { metric, seriesMean } from './measures.ts';

const SCENARIO = { name: 'hydra', input: hydra };

export const hydraClaims = claimsOf(SCENARIO, [
  {
    id: 'head-cut',
    brokenByModel2: 'managers decide by exception, so losing the head barely stops the hierarchy (0.04, CI ±0.07)',
    title: 'when the head leaves, the hierarchy stops deciding until a successor is named while peers keep resolving',
    compared: 'p2p − hierarchy, situations resolved per tick in ticks 101–120 (the head leaves at 100, the successor comes at 120)',
    ...variants('hierarchy', 'p2p'),
    measure: seriesMean('resolved', 101, 121),
    side: '>',
  },
  {
    id: 'connectors-cut',
    title: 'when the 5 % with the highest betweenness leave, the hierarchy stalls again while peers keep resolving',
    compared: 'p2p − hierarchy, situations resolved per tick in ticks 251–270 (the removal is at 250)',
    ...variants('hierarchy', 'p2p'),
    measure: seriesMean('resolved', 251, 271),
    side: '>',
  },
  {
    id: 'missed',
    title: 'over the run the hierarchy misses more situations than the peers',
    compared: 'p2p − hierarchy, situations missed',
    ...variants('hierarchy', 'p2p'),
    measure: metric('missed'),
    side: '<',
  },
]);
