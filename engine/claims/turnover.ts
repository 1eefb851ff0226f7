// The claims of the `turnover` scenario (issue 6): 8 of 400 people leave every
// 10 ticks and 8 are hired. Each a paired comparison over 20 seeds; the
// counterfactual is the documented variation `stable` (no shocks), so a claim
// can say what turnover costs each way of working (difference in differences).
import turnover from '../../scenarios/turnover.json' with { type: 'json' };
import type { ValidationCase } from '../validation/case.ts';
import { metric } from './paired.ts';
import { didPair, libraryCase, variationsPair } from './library.ts';

const NAME = 'turnover';

/** The variations of the shipped scenario that the claims use (documented in docs/ODD.md §8). */
export const turnoverVariations = {
  shipped: {},
  /** The same organization with nobody leaving or joining. */
  stable: { shocks: [] },
} as const;

export const turnoverClaims: ValidationCase[] = [
  libraryCase(NAME, {
    id: 'costs-hierarchy-more',
    title: 'turnover costs the hierarchy more missed situations than it costs the peers',
    compared: '(p2p with turnover − p2p stable) − (hierarchy with turnover − hierarchy stable), situations missed',
    pair: didPair(NAME, turnover, turnoverVariations.shipped, turnoverVariations.stable, 'hierarchy', 'p2p', metric('missed')),
    side: '<',
  }),
  libraryCase(NAME, {
    id: 'slows-hierarchy-more',
    title: 'turnover slows the hierarchy more than the peers',
    compared: '(p2p with turnover − p2p stable) − (hierarchy with turnover − hierarchy stable), latencyMean',
    pair: didPair(NAME, turnover, turnoverVariations.shipped, turnoverVariations.stable, 'hierarchy', 'p2p', metric('latencyMean')),
    side: '<',
  }),
  libraryCase(NAME, {
    id: 'stale-directory',
    title: 'with turnover the hierarchy\'s directory is stale: the head gives orders to people who have already left',
    compared: 'hierarchy with turnover − hierarchy stable, staleOrders (orders to someone no longer there)',
    pair: variationsPair(NAME, turnover, turnoverVariations.stable, turnoverVariations.shipped, 'hierarchy', metric('staleOrders')),
    side: '>',
  }),
];
