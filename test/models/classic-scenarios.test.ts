// The classics' scenario files (scenarios/classics/): every variant parses with
// its model's parameters and runs, and every lesson step watches a metric the
// model declares. (They join scenarios/ once the scenario schema knows the
// `simulation` key; until then the page and `validate` do not read them.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySet } from '../../engine/scenario/overrides.ts';
import { createModelSimulation, type ModelScenario } from '../../engine/model-simulation.ts';
import { findModel, modelModules } from '../../engine/models/index.ts';
import { Registry } from '../../engine/modules/registry.ts';
import { BUILTIN_MODULES } from '../../engine/modules/builtin.ts';
import { validateScenario } from '../../engine/scenario/validate.ts';

// The registry as it will be once the classics are built in (one line in builtin.ts).
const registry = new Registry();
for (const m of [...BUILTIN_MODULES, ...modelModules]) registry.add(m, true);

const dir = join(import.meta.dirname, '../../scenarios/classics');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe.each(files)('scenarios/classics/%s', (file) => {
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

  it('runs every variant with parameters its model accepts', () => {
    for (const v of input.variants) {
      const scenario = structuredClone(input) as ModelScenario;
      for (const [path, value] of Object.entries(v.set)) applySet(scenario, path, value);
      const sim = createModelSimulation(model!, scenario, input.seed);
      sim.step(3);
      expect(sim.series().length, v.label).toBe(3);
    }
  });

  it('passes the scenario schema with the classics registered, but for the organization it still demands of every scenario', () => {
    const r = validateScenario(input, registry);
    // CONTRACT.md: only modules that declare people read `organization`; the schema does not yet waive it.
    const problems = r.ok ? [] : r.errors.filter((e) => !e.startsWith('organization: expected an object'));
    expect(problems).toEqual([]);
  });

  it('watches only metrics the model declares, at ticks within the run', () => {
    const names = new Set(model!.metrics.map((m) => m.name));
    for (const step of input.lesson) {
      expect(step.at).toBeLessThan(input.ticks);
      for (const w of step.watch) expect(names.has(w), w).toBe(true);
    }
  });
});
