// The claims of the `krackhardt` scenario (issue 6): the chart against the
// advice network of the same 21 managers (Krackhardt 1987). Each a paired
// comparison over 20 seeds on the shipped scenario (engine/claims/library.ts);
// the data files come from `provideClaimData`.
import krackhardt from '../../scenarios/krackhardt.json' with { type: 'json' };
import type { ValidationCase } from '../validation/case.ts';
import { metric } from './paired.ts';
import { libraryCase, seriesMean, variantsPair } from './library.ts';

const NAME = 'krackhardt';

export const krackhardtClaims: ValidationCase[] = [
  libraryCase(NAME, {
    id: 'advice-network-carries-work',
    title: 'peers who use the real advice network resolve more than the same peers confined to the chart\'s ties',
    compared: 'advice − p2p-chart, resolvedRate',
    pair: variantsPair(NAME, krackhardt, {}, 'p2p-chart', 'advice', metric('resolvedRate')),
    side: '>',
  }),
  libraryCase(NAME, {
    id: 'advice-faster-than-chart',
    title: 'peers on the advice network resolve situations sooner than command along the chart',
    compared: 'advice − chart, latencyMean',
    pair: variantsPair(NAME, krackhardt, {}, 'chart', 'advice', metric('latencyMean')),
    side: '<',
  }),
  libraryCase(NAME, {
    id: 'ceo-leaves',
    title: 'when the CEO leaves, command along the chart stalls until a successor is named while the advice network keeps resolving',
    compared: 'advice − chart, situations resolved per tick in ticks 201–220 (the CEO leaves at 200)',
    pair: variantsPair(NAME, krackhardt, {}, 'chart', 'advice', seriesMean('resolved', 201, 221)),
    side: '>',
  }),
];
