// The WebAssembly kernel's equality property in Chromium (issue 19): the cases of
// test/wasm/cases.ts run in the browser with the kernel on and off, and both give
// the hashes that Node gives — the same bytes across engines, not only within one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { CHROMIUM, launch } from './harness.ts';
import { kernelCase, type KernelCase } from '../wasm/cases.ts';
import { createSimulation } from '../../engine/simulation.ts';
import { validateScenario } from '../../engine/scenario/validate.ts';
import { kernelTuning } from '../../engine/wasm/spread-kernel.ts';

const missing = existsSync(CHROMIUM) ? null : `no ${CHROMIUM}: install it with apt-get install -y chromium`;
if (missing && process.env.CI === 'true') throw new Error(`browser tests: ${missing}`);
const FC_SEED = Number(process.env.FC_SEED ?? 1919);
const NUM_RUNS = Number(process.env.FC_RUNS ?? 40);

function nodeHashes(c: KernelCase): string[] {
  const r = validateScenario(c.scenario);
  if (!r.ok) throw new Error(r.errors.join('; '));
  kernelTuning.exactDegree = c.exactDegree;
  const sim = createSimulation(r.scenario, c.seed);
  const out = [sim.hash()];
  for (let t = 0; t < c.ticks; t += c.chunk) {
    sim.step(Math.min(c.chunk, c.ticks - t));
    out.push(sim.hash());
  }
  kernelTuning.exactDegree = 2 ** 21;
  return out;
}

describe.skipIf(missing !== null)('the WebAssembly kernel in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  let page: Page;

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [join(import.meta.dirname, 'kernel-entry.ts')],
      bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'silent',
    });
    browser = await launch({ width: 800, height: 600 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.setContent('<!doctype html><title>kernel</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('gives the same state hashes with the kernel on and off, and the same as Node, on random graphs, modes and shocks', async () => {
    const cases = fc.sample(kernelCase, { seed: FC_SEED, numRuns: NUM_RUNS });
    const got = await page.evaluate((cs) => window.kernelCases(cs), cases);
    expect(got.available).toBe(true);
    expect(got.ticks).toBeGreaterThan(NUM_RUNS);
    for (let i = 0; i < cases.length; i++) {
      const node = nodeHashes(cases[i]!);
      expect(got.on[i], JSON.stringify(cases[i])).toEqual(got.off[i]);
      expect(got.on[i], JSON.stringify(cases[i])).toEqual(node);
    }
  });
});
