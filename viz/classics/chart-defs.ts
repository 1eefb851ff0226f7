// The page's charts for a classic (a whole model): one chart per per-tick metric
// the model declares, titled and labelled from its declaration — the hook the
// page's Charts take in place of CHARTS when the scenario's `simulation` names a
// model. Shares of 0–1 that read better as percentages are scaled by 100.
import type { ModelModule } from '../../engine/modules/types.ts';
import type { ChartDef } from '../charts.ts';

/** The charts of a model, in the order it declares its metrics. */
export function classicChartDefs(model: ModelModule): ChartDef[] {
  return model.metrics
    .filter((m) => m.per === 'tick')
    .map((m) => (m.unit.startsWith('share of') ? { metric: m.name, title: m.label, unit: `% (${m.unit})`, scale: 100 } : { metric: m.name, title: m.label, unit: m.unit }));
}
