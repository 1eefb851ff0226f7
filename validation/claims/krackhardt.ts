// The claims of the `krackhardt` scenario (issue 6): the chart against the
// advice network of the same 21 managers (Krackhardt 1987). Each a paired
// comparison over 20 seeds on the shipped scenario (validation/claims/claim.ts);
// the data files come from the run cache's `readData`.
import krackhardt from '../../scenarios/krackhardt.json' with { type: 'json' };
import { claimsOf, variants } from './claim.ts';
import { metric, seriesMean } from './measures.ts';

const SCENARIO = { name: 'krackhardt', input: krackhardt };

export const krackhardtClaims = claimsOf(SCENARIO, [
  {
    id: 'advice-network-carries-work',
    brokenByModel2: 'no difference under model 2 (0.014, CI ±0.019)',
    title: 'peers who use the real advice network resolve more than the same peers confined to the chart\'s ties',
    compared: 'advice − p2p-chart, resolvedRate',
    ...variants('p2p-chart', 'advice'),
    measure: metric('resolvedRate'),
    side: '>',
  },
  {
    id: 'advice-faster-than-chart',
    brokenByModel2: 'reversed under model 2: command by exception along the chart is faster (+7.3 ticks)',
    title: 'peers on the advice network resolve situations sooner than command along the chart',
    compared: 'advice − chart, latencyMean',
    ...variants('chart', 'advice'),
    measure: metric('latencyMean'),
    side: '<',
  },
  {
    id: 'ceo-leaves',
    title: 'when the CEO leaves, command along the chart stalls until a successor is named while the advice network keeps resolving',
    compared: 'advice − chart, situations resolved per tick in ticks 201–220 (the CEO leaves at 200)',
    ...variants('chart', 'advice'),
    measure: seriesMean('resolved', 201, 221),
    side: '>',
  },
]);
