// Fuzzing the scenario front door: random JSON and mutations of valid scenarios
// (keys dropped, types changed, random numbers and strings, unknown keys) never
// crash validation, never show a stack trace from the CLI, and every scenario
// that validates can be run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyJson, mutatedScenario, validScenario, type Json } from './arbitraries.ts';
import { validateScenario } from '../../engine/scenario/validate.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';

const root = resolve(import.meta.dirname, '../..');
// ---------------------------------------------------------------- properties

/** A problem line: `path: message`, no stack trace. */
function expectProblemLines(errors: string[]) {
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(typeof e).toBe('string');
    expect(e).toMatch(/^[^\n]+: \S/);
    expect(e).not.toMatch(/^\s+at /m);
  }
}

describe('fuzzing scenario validation', () => {
  it('every scenario generated within the documented ranges is accepted, with all its variants', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        const r = validateScenario(s);
        if (!r.ok) throw new Error(`${r.errors.join('\n')}\n${JSON.stringify(s)}`);
        for (const v of expandVariants(s)) if (!v.ok) throw new Error(v.errors.join('\n'));
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  it('random JSON values never throw, and are refused with path: message lines', () => {
    fc.assert(
      fc.property(anyJson, (v) => {
        const r = validateScenario(v);
        expect(r.ok).toBe(false);
        if (!r.ok) expectProblemLines(r.errors);
        for (const x of expandVariants(v)) if (!x.ok) expectProblemLines(x.errors);
      }),
      { numRuns: 300, seed: 2 },
    );
  });

  it('mutations of valid scenarios never throw: valid, or every problem as path: message', () => {
    fc.assert(
      fc.property(mutatedScenario, (v) => {
        const r = validateScenario(v);
        if (!r.ok) expectProblemLines(r.errors);
        for (const x of expandVariants(v, [['ticks', 5]])) if (!x.ok) expectProblemLines(x.errors);
      }),
      { numRuns: 700, seed: 3 },
    );
  });

  it('the validate command exits 0 or 2 with messages, never a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'equipotent-fuzz-'));
    const inputs: { text: string; value: Json | undefined }[] = [
      ...fc.sample(validScenario, { numRuns: 6, seed: 4 }).map((value) => ({ text: JSON.stringify(value, null, 2), value })),
      ...fc.sample(mutatedScenario, { numRuns: 17, seed: 5 }).map((value) => ({ text: JSON.stringify(value), value })),
      ...fc.sample(anyJson, { numRuns: 4, seed: 6 }).map((value) => ({ text: JSON.stringify(value), value })),
      { text: '{"organization": {"size": 10,}', value: undefined },
      { text: '', value: undefined },
      { text: '\u0000\u0001 not json', value: undefined },
    ];
    const files = inputs.map((input, i) => {
      const file = join(dir, `fuzz-${i}.json`);
      writeFileSync(file, input.text);
      return file;
    });
    const runs = await runPool(files, 6, (file) => runCli(['validate', file]));
    runs.forEach((r, i) => {
      const context = `${files[i]}\n${inputs[i]!.text.slice(0, 500)}\nexit ${r.code}\nstderr: ${r.stderr}`;
      expect([0, 2], context).toContain(r.code);
      expect(r.stderr, context).not.toMatch(/^\s+at /m);
      expect(r.stderr, context).not.toContain('internal error');
      if (r.code === 0) expect(r.stdout, context).toBe(`ok ${files[i]}\n`);
      else expect(r.stderr.trim().length, context).toBeGreaterThan(0);
      const value = inputs[i]!.value;
      if (value !== undefined && !validateScenario(value).ok) expect(r.code, context).toBe(2);
    });
  });
});

// ---------------------------------------------------------------- every valid scenario runs

interface FuzzSimulation {
  step(n: number): void;
  readonly tick: number;
  hash(): string;
}

/** Builds the scenario with the engine and runs 3 ticks; returns the simulation. */
async function runTicksForFuzz(scenario: Scenario): Promise<FuzzSimulation> {
  const modulePath = join(root, 'engine/simulation.ts');
  const { createSimulation } = (await import(/* @vite-ignore */ modulePath)) as {
    createSimulation: (scenario: Scenario, seed: number, opts?: { data?: Record<string, string> }) => FuzzSimulation;
  };
  const sim = createSimulation(scenario, scenario.seed, {});
  sim.step(3);
  return sim;
}

const runnable = (s: Scenario) =>
  s.organization.size !== undefined &&
  s.organization.size <= 300 &&
  s.organization.formal?.kind !== 'file' &&
  s.organization.informal.kind !== 'file' &&
  s.environment.rate <= 100;

describe('every fuzzed scenario that validates can be run', () => {
  it('runs 3 ticks of each valid generated or mutated scenario (engine/simulation.ts)', async () => {
    expect(existsSync(join(root, 'engine/simulation.ts')), 'engine/simulation.ts is not written yet').toBe(true);
    const samples = [...fc.sample(validScenario, { numRuns: 60, seed: 7 }), ...fc.sample(mutatedScenario, { numRuns: 200, seed: 8 })];
    let ran = 0;
    for (const input of samples) {
      for (const v of expandVariants(input)) {
        if (!v.ok || !runnable(v.scenario)) continue;
        let sim: FuzzSimulation;
        try {
          sim = await runTicksForFuzz(v.scenario);
        } catch (e) {
          throw new Error(`a valid scenario (variant ${v.label}) failed to run: ${(e as Error).message}\n${JSON.stringify(v.input)}`, { cause: e });
        }
        expect(sim.tick).toBe(3);
        expect(sim.hash()).toMatch(/^[0-9a-f]+$/);
        ran++;
      }
    }
    expect(ran).toBeGreaterThan(50);
  });
});

// ---------------------------------------------------------------- helpers

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, 'bin/equipotent.mjs'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

async function runPool<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!);
      }
    }),
  );
  return results;
}
