// March's metrics, declared once. Knowledge is net: dimensions right minus
// dimensions wrong, over m (the reimplementations' measure; 0 for a neutral code).
import type { MetricDeclaration } from '../../modules/metric-declaration.ts';

export const marchMetrics: readonly MetricDeclaration[] = [
  { name: 'codeKnowledge', label: 'Knowledge of the code', unit: 'share of dimensions (net)', description: 'Dimensions on which the code matches reality minus those on which it contradicts it, over m.', per: 'tick', agg: 'last', type: 'number', digits: 3, higherIsBetter: true },
  { name: 'meanKnowledge', label: 'Knowledge of individuals', unit: 'share of dimensions (net)', description: 'The same for each individual\'s beliefs, averaged over individuals.', per: 'tick', agg: 'last', type: 'number', digits: 3, higherIsBetter: true },
  { name: 'superior', label: 'Superior group', unit: 'individuals', description: 'Individuals whose performance beat the code\'s knowledge in the period (the code learns from them).', per: 'tick', agg: 'mean', type: 'integer' },
  { name: 'equilibriumKnowledge', label: 'Equilibrium knowledge', unit: 'share of dimensions (net)', description: 'Knowledge of the code once nothing can change (null while learning goes on, and always with turnover or turbulence).', per: 'run', type: 'number', digits: 3, higherIsBetter: true, nullable: true },
  { name: 'equilibriumPeriod', label: 'Periods to equilibrium', unit: 'periods', description: 'Periods until nothing could change (null if not reached).', per: 'run', type: 'integer', nullable: true },
  { name: 'codeKnowledgeFinal', label: 'Final knowledge of the code', unit: 'share of dimensions (net)', description: 'Knowledge of the code at the last period run.', per: 'run', type: 'number', digits: 3, higherIsBetter: true },
  { name: 'meanKnowledgeFinal', label: 'Final knowledge of individuals', unit: 'share of dimensions (net)', description: 'Mean knowledge of individuals at the last period run.', per: 'run', type: 'number', digits: 3, higherIsBetter: true },
];
