// The classics' scenario files (scenarios/ with `simulation` naming a model):
// every variant validates with the built-in schema and runs through
// createSimulation (the path `run`, sweeps and the page use), and every lesson step
// watches a metric the model declares.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import type { ModelScenario } from '../../engine/model-simulation.ts';
import { findModel } from '../../engine/models/index.ts';
import { createSimulation } from '../../engine/simulation.ts';

const dir = join(import.meta.dirname, '../../scenarios');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .filter((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { simulation?: string }).simulation !== undefined)
  .sort();

it('the classic scenarios and their bridges are among the built-ins', () => expect(files).toEqual(['garbage-can-organization.json', 'garbage-can.json', 'lazer-friedman-organization.json', 'lazer-friedman.json', 'march-organization.json', 'march.json', 'radner-organization.json', 'radner.json']));

describe.each(files)('scenarios/%s', (file) => {
  const input = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ModelScenario & {
    variants: { label: string; set: Record<string, unknown> }[];
    lesson: { at: number; watch: string[] }[];
    notice: string;
  };
  const model = findModel(String(input.simulation));

  it('names a model, has a notice, variants and lesson steps', () => {
    expect(model, `simulation: "${input.simulation}"`).toBeDefined();
    expect(input.notice.length).toBeGreaterThan(20);
    expect(input.variants.length).toBeGreaterThan(1);
    expect(input.lesson.length).toBeGreaterThan(0);
  });

  it('validates every variant with the built-in schema and runs it through createSimulation', () => {
    for (const v of expandVariants(input)) {
      if (!v.ok) throw new Error(v.errors.join('\n'));
      const sim = createSimulation(v.scenario, input.seed);
      sim.step(3);
      expect(sim.series().length, v.label).toBe(3);
      expect(sim.summary().hash).toMatch(/^[0-9a-f]{16}$/);
    }
  });

  it('watches only metrics the model declares, at ticks within the run', () => {
    const names = new Set(model!.metrics.map((m) => m.name));
    for (const step of input.lesson) {
      expect(step.at).toBeLessThan(input.ticks);
      for (const w of step.watch) expect(names.has(w), w).toBe(true);
    }
  });
});
