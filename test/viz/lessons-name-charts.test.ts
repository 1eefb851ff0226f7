// Lessons point at something: every metric a lesson step names (its `watch` list,
// or a metric's exact name in its text) is one the page shows at that step — a
// chart for a per-tick series, a row of the summary table for a per-run number —
// with words for it in viz/metric-info.ts. Walks every lesson of every scenario.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import { createSimulation } from '../../engine/simulation.ts';
import { namedMetrics } from '../../viz/lesson-metrics.ts';
import { chartOrder, isKnownMetric, metricInfo } from '../../viz/metric-info.ts';
import { summaryRows } from '../../viz/summary-table.ts';

const dir = join(import.meta.dirname, '..', '..', 'scenarios');
const data: Record<string, string> = {};
for (const d of readdirSync(join(dir, 'data')).filter((d) => !d.includes('.'))) for (const f of readdirSync(join(dir, 'data', d))) data[`data/${d}/${f}`] = readFileSync(join(dir, 'data', d, f), 'utf8');
const scenarios = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('scenario.')).map((f) => ({ name: f.replace(/\.json$/, ''), input: JSON.parse(readFileSync(join(dir, f), 'utf8')) }));

/** The names each scenario's runs record: per-tick series (after every scheduled shock has run) and per-run metrics. */
function recorded(input: { shocks?: { at?: number }[] }): { series: Set<string>; run: Set<string> } {
  const series = new Set<string>(), run = new Set<string>();
  const ticks = 1 + Math.max(0, ...(input.shocks ?? []).map((s) => s.at ?? 0));
  for (const v of expandVariants(input, [])) {
    expect(v.ok, v.ok ? '' : v.errors.join('; ')).toBe(true);
    const sim = createSimulation(v.scenario!, v.scenario!.seed, { data });
    sim.step(ticks);
    for (const n of sim.series().names) series.add(n);
    for (const n of Object.keys(sim.summary().metrics)) run.add(n);
  }
  return { series, run };
}

/** Names a step points at that the page cannot show (empty: all shown). */
function unshown(step: { text: string; watch?: string[] }, names: { series: Set<string>; run: Set<string> }): string[] {
  const charts = chartOrder(names.series), rows = summaryRows(names.run);
  const named = namedMetrics(step, (n) => names.series.has(n) || names.run.has(n) || isKnownMetric(n));
  return named.filter((n) => !charts.includes(n) && !rows.includes(n));
}

describe('every metric a lesson step names is shown by the page', () => {
  const withLessons = scenarios.filter((s) => (s.input.lesson ?? []).length);

  it('the library has lessons to walk (14 scenarios or so)', () => {
    expect(withLessons.length).toBeGreaterThanOrEqual(12);
  });

  for (const { name, input } of withLessons) {
    it(`${name}: every named metric has a chart or a summary row, with words for it`, () => {
      const names = recorded(input);
      (input.lesson as { text: string; watch?: string | string[] }[]).forEach((step, i) => {
        const s = { text: step.text, watch: typeof step.watch === 'string' ? [step.watch] : step.watch ?? [] };
        expect(unshown(s, names), `${name} step ${i + 1}`).toEqual([]);
        for (const n of namedMetrics(s, (x) => names.series.has(x) || names.run.has(x))) {
          const info = metricInfo(n, names.series.has(n) ? 'tick' : 'run');
          expect(info.label, `${name} step ${i + 1}: words for ${n}`).not.toBe(n);
        }
      });
    });
  }

  it('a step naming a metric the runs do not record fails the check (the test can fail)', () => {
    const names = recorded(scenarios.find((s) => s.name === 'hydra')!.input);
    expect(unshown({ text: 'Compare noSuchMetric.', watch: ['missedCum', 'nothingHere'] }, names)).toEqual(['nothingHere']);
  });

  it('text names count when written as metrics (camelCase, item series), not English words or parameter paths', () => {
    const isMetric = (n: string) => ['missedCum', 'loadGini', 'informed:memo', 'missed', 'decideAt'].includes(n);
    expect(namedMetrics({ text: 'Watch missed situations (missedCum) and loadGini; informed:memo; protocol.decideAt = "manager".' }, isMetric))
      .toEqual(['missedCum', 'loadGini', 'informed:memo']);
  });
});
