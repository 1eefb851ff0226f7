// Radner's metrics, declared once.
import type { MetricDeclaration } from '../../modules/metric-declaration.ts';

export const radnerMetrics: readonly MetricDeclaration[] = [
  { name: 'quantities', label: 'Quantities left to combine', unit: 'items or partial results', description: 'Raw items not yet read plus loaded registers still to be combined, after the cycle.', per: 'tick', agg: 'last', type: 'integer' },
  { name: 'busy', label: 'Processors reading', unit: 'processors', description: 'Processors that read an item or a partial result in the cycle.', per: 'tick', agg: 'mean', type: 'integer' },
  { name: 'delay', label: 'Delay', unit: 'cycles', description: 'Cycles from the start until the aggregate is in one register (null if not reached within the ticks).', per: 'run', type: 'integer', higherIsBetter: false, nullable: true },
  { name: 'reads', label: 'Reads', unit: 'reads', description: 'Items and partial results read over the run (n + P − 1 when done: each item once, each partial result but the last once).', per: 'run', type: 'integer' },
  { name: 'utilization', label: 'Utilization', unit: 'share of processor-cycles', description: 'Reads divided by processors × delay.', per: 'run', type: 'number', digits: 3, nullable: true },
  { name: 'levels', label: 'Levels', unit: 'levels', description: 'Levels of the hierarchy the network forms (who read whose partial result).', per: 'run', type: 'integer', nullable: true },
  { name: 'rootSpan', label: 'Top manager\'s span', unit: 'processors', description: 'Partial results the top processor read.', per: 'run', type: 'integer', nullable: true },
  { name: 'maxSpan', label: 'Widest span', unit: 'processors', description: 'The most partial results any processor read.', per: 'run', type: 'integer', nullable: true },
  { name: 'rawMin', label: 'Fewest raw items', unit: 'items', description: 'Raw items read by the processor that read fewest.', per: 'run', type: 'integer' },
  { name: 'rawMax', label: 'Most raw items', unit: 'items', description: 'Raw items read by the processor that read most.', per: 'run', type: 'integer' },
];
