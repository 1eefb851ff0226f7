// The simulation host across threads: a Node worker thread (started through the
// tsx bootstrap, as the CLI's pool does) computes exactly the main thread's
// hashes after the same steps, live shocks and snapshot/restore round trips,
// and frames cross with their buffers transferred, not copied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createHost, type Frame, type Host } from '../workers/host.ts';
import { spawnSimulationWorker, type SimulationWorker } from '../workers/node.ts';
import { validateScenario } from '../engine/scenario/validate.ts';
import type { Scenario } from '../engine/scenario/schema.ts';
import type { SimulationSnapshot } from '../engine/simulation.ts';

function validate(input: unknown): Scenario {
  const r = validateScenario(input);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

const scenario = validate({
  seed: 11,
  ticks: 60,
  organization: { size: 400, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 6, p: 0.1 } },
  population: { domains: 4, skill: { kind: 'beta', a: 2, b: 5 }, capacity: 2 },
  protocol: { kind: 'gossip', capacityLimited: true },
  information: {
    items: [
      { id: 'news', seeds: [0], spread: { mode: 'push-pull', fanout: 2 } },
      { id: 'memo', at: 3, seedCount: 2, spread: { mode: 'flood', beta: 0.4, stifle: 0.3 } },
    ],
  },
  shocks: [{ at: 5, kind: 'remove-nodes', target: 'random', count: 20 }],
});

/** Every array of a frame must be a real typed array of the right length. */
function checkFrame(f: Frame, tick: number, n: number): void {
  expect(f.tick).toBe(tick);
  expect(f.n).toBe(n);
  expect(f.alive).toBeInstanceOf(Uint8Array);
  expect(f.informed).toBeInstanceOf(Uint8Array);
  expect(f.queue).toBeInstanceOf(Int32Array);
  expect(f.messages).toBeInstanceOf(Int32Array);
  expect([f.alive.length, f.informed.length, f.queue.length]).toEqual([n, n, n]);
  expect(f.messages.length % 3).toBe(0);
}

describe('a Node worker thread hosting a simulation', () => {
  let remote: SimulationWorker;
  const local: Host = createHost();

  beforeAll(async () => {
    remote = spawnSimulationWorker();
    const [a, b] = await Promise.all([remote.api.create(scenario, 5), local.create(scenario, 5)]);
    expect(a).toEqual(b);
  });
  afterAll(async () => {
    await remote?.terminate();
  });

  it('matches the main thread through steps, live shocks and snapshot/restore', async () => {
    const both = async <T>(f: (h: Host | Comlink.Remote<Host>) => T | Promise<T>): Promise<T> => {
      const [r, l] = await Promise.all([f(remote.api), f(local)]);
      expect(r).toEqual(l);
      return l;
    };
    await both((h) => h.step(4));
    await both((h) => h.shock({ kind: 'remove-nodes', target: 'betweenness', count: 5 }));
    await both((h) => h.step(3));
    await both((h) => h.shock({ kind: 'add-nodes', count: 7 }));
    await both((h) => h.shock({ kind: 'partition', groups: { level: 1 } }));
    const at12 = await both((h) => h.step(5));
    expect(at12.tick).toBe(12);

    const snapRemote: SimulationSnapshot = await remote.api.snapshot();
    const snapLocal = local.snapshot();
    expect(snapRemote.tick).toBe(12);
    expect(snapRemote.n).toBe(407);
    expect(snapRemote.eventLog).toEqual(snapLocal.eventLog);

    await both((h) => h.shock({ kind: 'reconnect' }));
    const at30 = await both((h) => h.step(18));
    await both((h) => h.hash());
    await both((h) => h.summary());
    const series = await both((h) => h.series());
    expect(series.length).toBe(30);
    expect(series.values['alive']).toBeInstanceOf(Float64Array);

    // Each side restores the other's snapshot: back at tick 12, and the same future.
    expect(await remote.api.restore(snapLocal)).toEqual(at12);
    expect(local.restore(snapRemote)).toEqual(at12);
    await both((h) => h.shock({ kind: 'reconnect' }));
    expect(await both((h) => h.step(18))).toEqual(at30);
    await both((h) => h.summary());
  });

  it('sends frames equal to the main thread\'s', async () => {
    const [f, g] = await Promise.all([remote.api.frame(), local.frame()]);
    checkFrame(f, 30, 407);
    expect(f).toEqual(g);
    const state = local.snapshot().state;
    expect(f.queue.reduce((a, x) => a + x, 0)).toBe(state.scalars['inbox.total']);
    expect(f.messages.length).toBe(3 * state.scalars['outbox.length']!);
    expect(f.messages.length).toBeGreaterThan(0);
    expect(f.alive.reduce((a, x) => a + x, 0)).toBe(407 - 25);
    // Informed people are alive ones.
    for (let v = 0; v < f.n; v++) if (f.informed[v]) expect(f.alive[v]).toBe(1);
  });

  it('refuses a bad live shock across the thread as a UserInputError naming the path and the fix, queuing nothing', async () => {
    const before = await remote.api.hash();
    const logBefore = (await remote.api.snapshot()).eventLog.length;
    const hostile: [unknown, RegExp][] = [
      [{ kind: 'remove-nodes', target: 'ids', ids: 'abc' }, /^shock\.ids: expected a list, got "abc"/m],
      [{ kind: 'remove-nodes', target: 'random', count: -10 }, /^shock\.count: expected an integer >= 1, got -10/m],
      [{ kind: 'remove-nodes', target: 'random', count: 'many' }, /^shock\.count: expected an integer >= 1, got "many"/m],
      [{ kind: 'remove-nodes', target: 'ids', ids: [9999] }, /^shock\.ids\.0: no person has id 9999 .*use the id of a person/m],
      [{ kind: 'misinformation', id: 'r', domain: 9 }, /^shock\.domain: expected a domain index 0 … 3/m],
      [{ kind: 'surge', count: 5, at: 3 }, /^shock\.at: a live shock happens once/m],
      [{ kind: 'sruge', count: 5 }, /did you mean "surge"/],
    ];
    for (const [spec, message] of hostile) {
      const err = await remote.api.shock(spec as never).then(() => null, (e: Error) => e);
      expect(err, JSON.stringify(spec)).not.toBeNull();
      expect(err!.name).toBe('UserInputError');
      expect(err!.message).toMatch(message);
      expect(await remote.api.checkShock(spec)).toEqual(err!.message.split('\n'));
      expect(() => local.shock(spec as never)).toThrow(message);
    }
    expect(await remote.api.hash()).toBe(before);
    expect((await remote.api.snapshot()).eventLog.length).toBe(logBefore);
    // The page's own shocks pass, "remove the leader" of a flat organization included (the engine's stand-in).
    expect(await remote.api.checkShock({ kind: 'remove-nodes', target: 'top', count: 1 })).toEqual([]);
    const flat = createHost();
    flat.create(validate({ ticks: 10, organization: { size: 50, informal: { kind: 'small-world', k: 4, p: 0.1 } } }), 1);
    expect(flat.checkShock({ kind: 'remove-nodes', target: 'top', count: 1 })).toEqual([]);
    expect(flat.checkShock({ kind: 'partition', groups: { level: 1 } })).toEqual([
      'shock.groups: groups {level} splits the formal tree, but the organization is flat; give "groups" as id lists, or add a formal tree',
    ]);
  });

  it('rejects calls before create() with the message, not a hang', async () => {
    const w = spawnSimulationWorker();
    try {
      await expect(w.api.step(1)).rejects.toThrow(/call create/);
    } finally {
      await w.terminate();
    }
  });
});

describe('transfers', () => {
  it('frame, snapshot and series move their buffers (the host side is detached after sending)', async () => {
    const host = createHost();
    host.create(scenario, 2);
    host.step(8);
    const { port1, port2 } = new MessageChannel();
    const sent: Transferable[][] = [];
    const endpoint = nodeEndpoint(port1);
    const post = endpoint.postMessage.bind(endpoint);
    endpoint.postMessage = (message: unknown, transfer: Transferable[] = []) => {
      sent.push(transfer);
      post(message, transfer);
    };
    Comlink.expose(host, endpoint);
    const api = Comlink.wrap<Host>(nodeEndpoint(port2));
    try {
      const frame = await api.frame();
      checkFrame(frame, 8, 400);
      expect(frame).toEqual(host.frame());
      const moved = sent.at(-1)!;
      // Every typed array of the frame crosses as a transfer (the page may add fields).
      const typed = Object.values(frame).filter((x) => ArrayBuffer.isView(x)).length;
      expect(typed).toBeGreaterThanOrEqual(4);
      expect(moved).toHaveLength(typed);
      for (const b of moved) expect((b as ArrayBuffer).byteLength).toBe(0); // detached: moved, not copied

      const snap = await api.snapshot();
      const arrays = Object.keys(snap.state.arrays).length + snap.series.names.length;
      expect(sent.at(-1)!.length).toBe(arrays);
      for (const b of sent.at(-1)!) expect((b as ArrayBuffer).byteLength).toBe(0);
      expect(snap.state.arrays['alive']).toBeInstanceOf(Uint8Array);

      const series = await api.series();
      expect(sent.at(-1)!.length).toBe(series.names.length);
      expect(series.values['alive']!.length).toBe(8);

      // The received snapshot restores a fresh host to the same state.
      const other = createHost();
      other.create(scenario, 2);
      expect(other.restore(snap)).toEqual({ tick: 8, hash: host.hash(), stopped: false });
    } finally {
      api[Comlink.releaseProxy]();
      port1.close();
      port2.close();
    }
  });
});
