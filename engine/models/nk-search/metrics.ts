// The NK search's metrics, declared once.
import type { MetricDeclaration } from '../../modules/metric-declaration.ts';

export const nkSearchMetrics: readonly MetricDeclaration[] = [
  { name: 'meanScore', label: 'Average score', unit: 'score (0–1)', description: 'Mean score of the agents\' solutions after the round (normalized by the landscape\'s maximum, raised to the 8th power).', per: 'tick', agg: 'last', type: 'number', digits: 3, higherIsBetter: true },
  { name: 'maxScore', label: 'Best score', unit: 'score (0–1)', description: 'Best score among the agents after the round.', per: 'tick', agg: 'last', type: 'number', digits: 3, higherIsBetter: true },
  { name: 'distinct', label: 'Distinct solutions', unit: 'solutions', description: 'Different solutions held after the round (the diversity exploration feeds on).', per: 'tick', agg: 'last', type: 'integer' },
  { name: 'atOptimum', label: 'At the global optimum', unit: 'share of agents', description: 'Share of agents holding the landscape\'s best solution.', per: 'tick', agg: 'last', type: 'number', digits: 2, higherIsBetter: true },
  { name: 'copied', label: 'Copied a neighbour', unit: 'agents', description: 'Agents who copied a better neighbour in the round.', per: 'tick', agg: 'mean', type: 'integer' },
  { name: 'improvedAlone', label: 'Improved alone', unit: 'agents', description: 'Agents whose own one-bit trial improved their score in the round.', per: 'tick', agg: 'mean', type: 'integer' },
  { name: 'meanScoreFinal', label: 'Final average score', unit: 'score (0–1)', description: 'Average score after the last round.', per: 'run', type: 'number', digits: 3, higherIsBetter: true },
  { name: 'meanScoreOverRounds', label: 'Average score over rounds', unit: 'score (0–1)', description: 'Average score, averaged over all rounds run (the area under the curve).', per: 'run', type: 'number', digits: 3, higherIsBetter: true },
  { name: 'distinctFinal', label: 'Final distinct solutions', unit: 'solutions', description: 'Different solutions held after the last round.', per: 'run', type: 'integer' },
  { name: 'atOptimumFinal', label: 'Final share at the optimum', unit: 'share of agents', description: 'Share of agents at the global optimum after the last round.', per: 'run', type: 'number', digits: 2, higherIsBetter: true },
];
