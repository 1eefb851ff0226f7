// Frames for the page (engine/frame.ts) decode the state's codes: a wrong decoding
// constant must fail here. The hand-built state writes v1's codes as literal
// numbers (they are in the frozen hashes), and seeded runs compare a frame's
// counts with the engine's own counters, which never decode a state array.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFrame, type Frame } from '../engine/frame.ts';
import { itemHandles } from '../engine/item-keys.ts';
import type { ItemSpec } from '../engine/item-spec.ts';
import { INBOX_COUNT, INBOX_TOTAL, MSG_FROM, MSG_KIND, MSG_TO, OUTBOX, OUTBOX_LENGTH } from '../engine/messages.ts';
import { FORMAL_PARENT, INFORMAL_COMPLETE, INFORMAL_TARGETS } from '../engine/organization-state.ts';
import { ALIVE, ALIVE_COUNT, LEADING } from '../engine/people-state.ts';
import { expandVariants } from '../engine/scenario/overrides.ts';
import { createSimulation } from '../engine/simulation.ts';
import { State } from '../engine/state.ts';

const item = (id: string, truth: boolean): ItemSpec => ({ id, truth, domain: 0, at: 0, seeds: null, seedCount: 1, mode: 'push', fanout: 1, beta: 1, stifle: 0 });
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);

describe('a frame decodes the state with the codes the engine writes', () => {
  // Six people, the last one removed. v1's codes, as numbers: item states 0 unaware,
  // 1 active, 2 quiet, 3 new, 4 gone; beliefs 0 unaware, 1 believer, 2 doubter, 3 corrected.
  const state = new State();
  state.put(ALIVE, Uint8Array.of(1, 1, 1, 1, 1, 0));
  state.setNum(ALIVE_COUNT, 5);
  const items = [item('memo', true), item('rumour', false), item('later', false)];
  state.put(itemHandles(0).state, Uint8Array.of(0, 1, 2, 3, 0, 4));
  state.setNum(itemHandles(0).seeded, 1);
  state.put(itemHandles(1).state, Uint8Array.of(1, 2, 2, 0, 3, 4));
  state.put(itemHandles(1).belief, Uint8Array.of(1, 2, 3, 0, 1, 1));
  state.setNum(itemHandles(1).seeded, 1);
  // Not seeded yet: its beliefs do not count.
  state.put(itemHandles(2).state, Uint8Array.of(0, 0, 0, 0, 0, 4));
  state.put(itemHandles(2).belief, Uint8Array.of(1, 1, 1, 1, 1, 1));
  state.setNum(itemHandles(2).seeded, 0);
  state.put(LEADING, Int32Array.of(0, 2, 0, 1, 0, 0));
  state.put(INBOX_COUNT, Int32Array.of(0, 3, 0, 0, 1, 0, 9));
  // Two messages in flight, in pool slots 4 and 1.
  state.put(OUTBOX, Int32Array.of(4, 1, 0, 0));
  state.setNum(OUTBOX_LENGTH, 2);
  state.put(MSG_FROM, Int32Array.of(0, 2, 0, 0, 1, 0));
  state.put(MSG_TO, Int32Array.of(0, 3, 0, 0, 4, 0));
  state.put(MSG_KIND, Uint8Array.of(0, 16, 0, 0, 1, 0));
  state.put(FORMAL_PARENT, Int32Array.of(-1, 0, 0, 1, 1, 2));
  state.put(INFORMAL_TARGETS, new Int32Array(10));
  state.setNum(INFORMAL_COMPLETE, 0);
  const frame = buildFrame({ state, n: 6, tick: 7, items });

  it('informed: heard any item (active, quiet or new), not unaware or gone', () => {
    expect(Array.from(frame.informed)).toEqual([1, 1, 1, 1, 1, 0]);
    const onlyMemo = buildFrame({ state, n: 6, tick: 7, items: items.slice(0, 1) });
    expect(Array.from(onlyMemo.informed)).toEqual([0, 1, 1, 1, 0, 0]);
  });

  it('misinformed: alive believers of seeded false items only', () => {
    expect(Array.from(frame.misinformed)).toEqual([1, 0, 0, 0, 1, 0]);
  });

  it('leading, alive, queues and messages in flight', () => {
    expect(Array.from(frame.leading)).toEqual([0, 1, 0, 1, 0, 0]);
    expect(Array.from(frame.alive)).toEqual([1, 1, 1, 1, 1, 0]);
    expect(Array.from(frame.queue)).toEqual([0, 3, 0, 0, 1, 0]);
    expect(Array.from(frame.messages)).toEqual([1, 4, 1, 2, 3, 16]);
    expect(frame.tick).toBe(7);
    expect(frame.n).toBe(6);
  });

  it('the topology key changes with the formal tree', () => {
    const parent = state.get(FORMAL_PARENT);
    parent[5] = 1;
    const key = buildFrame({ state, n: 6, tick: 7, items }).topologyKey;
    parent[5] = 2;
    expect(key).not.toBe(frame.topologyKey);
  });
});

describe("a frame's counts equal the engine's own counts over seeded runs", () => {
  const input = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'misinformation.json'), 'utf8'));
  // The fixture's steward and client-server variants, in both models; and with the
  // rumour as the only item, so that "heard any item" is the engine's informed count.
  const runs = [
    ...expandVariants(input),
    ...expandVariants(input, [['protocol.capacityLimited', false]]).map((v) => ({ ...v, label: `${v.label}, textbook` })),
    ...expandVariants(input, [['information.items', []]]).map((v) => ({ ...v, label: `${v.label}, rumour only` })),
    ...expandVariants(input, [['information.items', []], ['protocol.capacityLimited', false]]).map((v) => ({ ...v, label: `${v.label}, rumour only, textbook` })),
  ];

  it.each(runs.map((r) => [r.label, r] as const))('%s', (_, run) => {
    if (!run.ok) throw new Error(run.errors.join('\n'));
    const sim = createSimulation(run.scenario, 1);
    let checked = 0, believers = 0, leaders = 0;
    for (let t = 1; t <= run.scenario.ticks; t++) {
      sim.step(1);
      if (t % 4 !== 0) continue;
      const frame: Frame = buildFrame(sim);
      const series = sim.series().values;
      expect(sum(frame.alive), `alive at ${t}`).toBe(sim.state.num(ALIVE_COUNT));
      expect(sum(frame.queue), `queued at ${t}`).toBe(sim.state.num(INBOX_TOTAL));
      expect(sum(frame.misinformed), `misinformed at ${t}`).toBe(series['misinformed']![t - 1]);
      expect(sum(frame.leading), `leaders at ${t}`).toBe(series['leadersActive']![t - 1]);
      const heard = sim.items.map((_, k) => sim.state.num(itemHandles(k).informed));
      const informed = sum(frame.informed);
      if (heard.length === 1) expect(informed, `informed at ${t}`).toBe(heard[0]);
      else {
        expect(informed, `informed at ${t}`).toBeGreaterThanOrEqual(Math.max(0, ...heard));
        expect(informed, `informed at ${t}`).toBeLessThanOrEqual(sum(heard));
      }
      believers += sum(frame.misinformed);
      leaders += sum(frame.leading);
      checked++;
    }
    expect(checked).toBe(20);
    // The runs exercise what they check.
    expect(believers).toBeGreaterThan(0);
    expect(leaders).toBeGreaterThan(0);
  });
});
