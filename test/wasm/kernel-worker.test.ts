// The kernel behind a worker: a Node worker thread spreading with the WebAssembly
// kernel and the main thread with the TypeScript loops agree through steps, live
// shocks, snapshots transferred both ways and restored, frames and topology. The
// informal layer lives over the kernel's memory in the worker; what crosses are copies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../workers/host.ts';
import { spawnSimulationWorker, type SimulationWorker } from '../../workers/node.ts';
import { validateScenario } from '../../engine/scenario/validate.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';

function validate(input: unknown): Scenario {
  const r = validateScenario(input);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

const scenario = validate({
  seed: 8, ticks: 60,
  organization: { size: 500, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'scale-free', m: 2 } },
  protocol: { kind: 'gossip', capacityLimited: false }, environment: { rate: 0 },
  information: { items: [
    { id: 'news', seeds: [0], spread: { mode: 'push-pull', fanout: 2, stifle: 0.1 } },
    { id: 'memo', at: 3, seedCount: 2, spread: { mode: 'flood', beta: 0.3, stifle: 1 } },
  ] },
  shocks: [{ at: 5, kind: 'remove-nodes', target: 'random', count: 20 }],
});

describe('a worker thread with the kernel and the main thread without it', () => {
  let remote: SimulationWorker;
  const local: Host = createHost();

  beforeAll(async () => {
    remote = spawnSimulationWorker();
    const [a, b] = await Promise.all([remote.api.create(scenario, 5), local.create(scenario, 5, undefined, { wasm: false })]);
    expect(a.wasm).toBe(true);
    expect(b.wasm).toBe(false);
    expect(a.hash).toBe(b.hash);
  });
  afterAll(async () => {
    await remote?.terminate();
  });

  it('agree through steps, live shocks, transferred snapshots restored on the other side, frames and topology', async () => {
    const both = async <T>(f: (h: Host) => T | Promise<T>): Promise<T> => {
      const [r, l] = await Promise.all([f(remote.api as unknown as Host), f(local)]);
      expect(r).toEqual(l);
      return l;
    };
    await both((h) => h.step(4));
    await both((h) => h.shock({ kind: 'remove-nodes', target: 'degree', count: 5 }));
    await both((h) => h.step(3));
    await both((h) => h.shock({ kind: 'add-nodes', count: 7 }));
    const at12 = await both((h) => h.step(5));
    const fromWorker = await remote.api.snapshot();
    const fromMain = local.snapshot();
    await both((h) => h.shock({ kind: 'misinformation', id: 'lie', seedCount: 3, spread: { mode: 'push' } }));
    const at30 = await both((h) => h.step(18));
    await both((h) => h.frame());
    await both((h) => h.topology());
    await both((h) => h.summary());
    expect(await remote.api.restore(fromMain)).toEqual(at12);
    expect(local.restore(fromWorker)).toEqual(at12);
    await both((h) => h.shock({ kind: 'misinformation', id: 'lie', seedCount: 3, spread: { mode: 'push' } }));
    expect(await both((h) => h.step(18))).toEqual(at30);
  });
});
