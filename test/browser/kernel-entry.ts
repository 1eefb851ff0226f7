// Bundled for Chromium by test/browser/kernel.test.ts: runs the kernel property's
// cases in the browser's own WebAssembly and JavaScript engines, kernel on and off.
import { createSimulation } from '../../engine/simulation.ts';
import { validateScenario } from '../../engine/scenario/validate.ts';
import { kernelTicks, kernelTuning, wasmAvailable } from '../../engine/wasm/spread-kernel.ts';
import type { KernelCase } from '../wasm/cases.ts';

function hashes(c: KernelCase, wasm: boolean): string[] {
  const r = validateScenario(c.scenario);
  if (!r.ok) throw new Error(r.errors.join('; '));
  kernelTuning.exactDegree = c.exactDegree;
  const sim = createSimulation(r.scenario, c.seed, { wasm });
  const out = [sim.hash()];
  for (let t = 0; t < c.ticks; t += c.chunk) {
    sim.step(Math.min(c.chunk, c.ticks - t));
    out.push(sim.hash());
  }
  kernelTuning.exactDegree = 2 ** 21;
  return out;
}

declare global {
  interface Window {
    kernelCases(cases: KernelCase[]): { available: boolean; ticks: number; on: string[][]; off: string[][] };
  }
}

window.kernelCases = (cases) => {
  const before = kernelTicks();
  const on = cases.map((c) => hashes(c, true));
  const ticks = kernelTicks() - before;
  const off = cases.map((c) => hashes(c, false));
  return { available: wasmAvailable(), ticks, on, off };
};
