// The claims of the `hydra` scenario (issue 6): cutting off the head of the
// chain of command, then its best-connected people. Each a paired comparison
// over 20 seeds on the shipped scenario (engine/claims/library.ts).
import hydra from '../../scenarios/hydra.json' with { type: 'json' };
import type { ValidationCase } from '../validation/case.ts';
import { metric } from './paired.ts';
import { libraryCase, seriesMean, variantsPair } from './library.ts';

const NAME = 'hydra';

export const hydraClaims: ValidationCase[] = [
  libraryCase(NAME, {
    id: 'head-cut',
    title: 'when the head leaves, the hierarchy stops deciding until a successor is named while peers keep resolving',
    compared: 'p2p − hierarchy, situations resolved per tick in ticks 101–120 (the head leaves at 100, the successor comes at 120)',
    pair: variantsPair(NAME, hydra, {}, 'hierarchy', 'p2p', seriesMean('resolved', 101, 121)),
    side: '>',
  }),
  libraryCase(NAME, {
    id: 'connectors-cut',
    title: 'when the 5 % with the highest betweenness leave, the hierarchy stalls again while peers keep resolving',
    compared: 'p2p − hierarchy, situations resolved per tick in ticks 251–270 (the removal is at 250)',
    pair: variantsPair(NAME, hydra, {}, 'hierarchy', 'p2p', seriesMean('resolved', 251, 271)),
    side: '>',
  }),
  libraryCase(NAME, {
    id: 'missed',
    title: 'over the run the hierarchy misses more situations than the peers',
    compared: 'p2p − hierarchy, situations missed',
    pair: variantsPair(NAME, hydra, {}, 'hierarchy', 'p2p', metric('missed')),
    side: '<',
  }),
];
