// The claims of the `overload` scenario (issue 6): the rate of situations ramps
// up from 0.5 to 5 per tick until the head of the hierarchy chokes (Dodds, Watts
// & Sabel's congestion), while peers share the load. Each a paired comparison
// over 20 seeds on the shipped scenario (engine/claims/library.ts).
import overload from '../../scenarios/overload.json' with { type: 'json' };
import type { ValidationCase } from '../validation/case.ts';
import { metric } from './paired.ts';
import { arrivals, libraryCase, variantsPair } from './library.ts';

const NAME = 'overload';

export const overloadClaims: ValidationCase[] = [
  libraryCase(NAME, {
    id: 'peers-keep-up',
    title: 'at high load the peers resolve a larger share of the situations than the hierarchy',
    compared: 'p2p − hierarchy, share resolved of the situations arriving in ticks 250–349 (rate 3.5 to 5 per tick)',
    pair: variantsPair(NAME, overload, {}, 'hierarchy', 'p2p', arrivals('share', 250, 350)),
    side: '>',
  }),
  libraryCase(NAME, {
    id: 'root-chokes',
    title: 'the hierarchy\'s longest inbox (the head\'s) grows far beyond any peer\'s',
    compared: 'p2p − hierarchy, maxQueuePeak',
    pair: variantsPair(NAME, overload, {}, 'hierarchy', 'p2p', metric('maxQueuePeak')),
    side: '<',
  }),
  libraryCase(NAME, {
    id: 'load-shared',
    title: 'peers share the load: messages received are spread more evenly (lower loadGini)',
    compared: 'p2p − hierarchy, loadGini',
    pair: variantsPair(NAME, overload, {}, 'hierarchy', 'p2p', metric('loadGini')),
    side: '<',
  }),
];
