// Fuzzing the scenario front door: random JSON and mutations of valid scenarios
// (keys dropped, types changed, random numbers and strings, unknown keys) never
// crash validation, never show a stack trace from the CLI, and every scenario
// that validates can be run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

const runnable = (s: Scenario) =>
  s.organization.size !== undefined &&
  s.organization.size <= 300 &&
  s.organization.formal?.kind !== 'file' &&
  s.organization.informal.kind !== 'file' &&
  s.environment.rate <= 100;

describe('every fuzzed scenario that validates can be run', () => {
  // The engine runs in a child process (run-ticks-child.ts: runTicksForFuzz) with a
  // memory cap and a timeout, so a runaway engine fails this test instead of the machine.
  it('runs 3 ticks of each valid generated or mutated scenario (engine/simulation.ts createSimulation)', async () => {
    expect(existsSync(join(root, 'engine/simulation.ts')), 'engine/simulation.ts is not written yet').toBe(true);
    const samples = [...fc.sample(validScenario, { numRuns: 60, seed: 7 }), ...fc.sample(mutatedScenario, { numRuns: 200, seed: 8 })];
    const runs: { label: string; input: unknown; scenario: Scenario }[] = [];
    for (const input of samples) {
      for (const v of expandVariants(input)) if (v.ok && runnable(v.scenario)) runs.push(v);
    }
    expect(runs.length).toBeGreaterThan(50);
    const dir = mkdtempSync(join(tmpdir(), 'equipotent-fuzz-'));
    const file = join(dir, 'scenarios.json');
    writeFileSync(file, JSON.stringify(runs.map((r) => r.scenario)));
    const child = await runNode(['--max-old-space-size=2048', '--import', 'tsx', join(root, 'test/scenario/run-ticks-child.ts'), file], 100_000);
    const results = child.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { i: number; ok: boolean; tick?: number; hash?: string; error?: string });
    const failed = results.find((r) => !r.ok);
    if (failed) throw new Error(`a valid scenario failed to run: ${failed.error}\n${JSON.stringify(runs[failed.i]!.input)}`);
    if (results.length < runs.length) {
      const stuck = runs[results.length]!;
      throw new Error(`the engine ${child.timedOut ? 'timed out' : `exited (${child.code})`} on a valid scenario: ${child.stderr.slice(-2000)}\n${JSON.stringify(stuck.input)}`);
    }
    for (const r of results) {
      expect(r.tick).toBe(3);
      expect(r.hash).toMatch(/^[0-9a-f]+$/);
    }
  });
});

// ---------------------------------------------------------------- helpers

function runCli(args: string[]) {
  return runNode([join(root, 'bin/equipotent.mjs'), ...args], 60_000);
}

const MAX_CHILD_RSS_KB = 3 * 1024 * 1024;

/**
 * Runs node with `args`, killed after `timeoutMs` or when its resident memory
 * passes 3 GB (typed arrays live outside V8's heap cap; read from /proc on Linux).
 */
function runNode(args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: root });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const kill = (why: string) => {
      timedOut = true;
      stderr += `\n[killed: ${why}]`;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => kill(`over ${timeoutMs} ms`), timeoutMs);
    const watchdog = setInterval(() => {
      try {
        const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        if (rss > MAX_CHILD_RSS_KB) kill(`resident memory ${Math.round(rss / 1024)} MB`);
      } catch {
        // no /proc (not Linux) or the child has exited
      }
    }, 250);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      clearInterval(watchdog);
      done({ code, stdout, stderr, timedOut });
    });
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
