import { describe, expect, it } from 'vitest';
import { modelModules } from '../../engine/models/index.ts';
import { classicChartDefs } from '../../viz/classics/chart-defs.ts';

describe('charts of the classics', () => {
  it('give one chart per per-tick metric of each model, titled by its declaration', () => {
    for (const model of modelModules) {
      const defs = classicChartDefs(model);
      const perTick = model.metrics.filter((m) => m.per === 'tick');
      expect(defs.map((d) => d.metric)).toEqual(perTick.map((m) => m.name));
      for (const d of defs) expect(d.title).toBe(perTick.find((m) => m.name === d.metric)!.label);
    }
  });

  it('show shares of agents as percentages', () => {
    const nk = modelModules.find((m) => m.name === 'nk-search')!;
    expect(classicChartDefs(nk).find((d) => d.metric === 'atOptimum')!.scale).toBe(100);
  });
});
