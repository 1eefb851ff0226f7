// The scenario library (issue 6): every classroom-library and real-organization
// scenario is valid, says what it is and what to notice, has paired variants,
// and carries 3–6 lesson steps in tick order whose charts exist in its runs.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scenariosDir } from '../../cli/load-scenario.ts';
import { validateScenario } from '../../engine/scenario/validate.ts';
import { simOf } from './real-orgs.ts';

const LIBRARY = ['hydra', 'overload', 'exchanges', 'rumour', 'market-shift', 'turnover', 'silos', 'stewards', 'where-hierarchy-wins', 'krackhardt', 'lazega', 'karate', 'email-eu'];

describe('the scenario library', () => {
  for (const name of LIBRARY) {
    it(`${name} is valid, described, paired and has a lesson whose steps point at charts it draws`, () => {
      const input = JSON.parse(readFileSync(resolve(scenariosDir, `${name}.json`), 'utf8')) as Record<string, unknown>;
      const v = validateScenario(input);
      if (!v.ok) throw new Error(v.errors.join('\n'));
      const s = v.scenario;
      expect(s.name).toBeTruthy();
      expect((s.description ?? '').length).toBeGreaterThan(100);
      expect((s.notice ?? '').length).toBeGreaterThan(100);
      expect(s.variants.length).toBeGreaterThanOrEqual(2);
      expect(s.lesson.length).toBeGreaterThanOrEqual(3);
      expect(s.lesson.length).toBeLessThanOrEqual(6);
      let last = -1;
      for (const step of s.lesson) {
        expect(step.at, step.text).toBeDefined();
        expect(step.at!).toBeGreaterThanOrEqual(last);
        expect(step.at!).toBeLessThanOrEqual(s.ticks);
        last = step.at!;
      }
      // Every chart a step points at is a series the run records (checked on the first variant's run).
      const sim = simOf(input, s.variants[0]!.label);
      sim.step(s.ticks);
      const series = Object.keys(sim.series().values);
      for (const step of s.lesson) for (const w of step.watch) expect(series, `${name}: watch "${w}"`).toContain(w);
    });
  }
});
