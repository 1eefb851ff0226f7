// Misinformation and the official channel (MODEL.md §6): belief at first
// exposure, doubters and the corrected, detection and peer corrections, the
// client-server report-up / broadcast-down channel and the grapevine, the
// `misinformed` series and its summary metrics, the `misinformation` shock,
// determinism. Each claim is checked in the textbook model (contacts at once)
// and, where the timing differs, in the message model too.
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../engine/simulation.ts';
import { validateScenario } from '../../engine/scenario/validate.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { builtinRegistry, type Registry } from '../../engine/modules/registry.ts';
import gossipModule from '../../engine/protocols/gossip/index.ts';
import { QuietProtocol } from '../../engine/protocols/protocol.ts';
import { GossipProtocol } from '../../engine/protocols/gossip/protocol.ts';
import type { Context } from '../../engine/context.ts';
import { BELIEF } from '../../engine/misinformation.ts';
import { INFO } from '../../engine/information.ts';

// Tests swap the gossip way of working for a probe of their own (same name, same keys).
let modules: Registry = builtinRegistry();
const withGossip = (make: () => QuietProtocol) => builtinRegistry().replacing({ ...gossipModule, create: make });

const MODELS = [
  ['textbook', false],
  ['message', true],
] as const;

function scenario(input: Record<string, unknown>): Scenario {
  const r = validateScenario(input);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

/** A simulation whose people all have skill `skill(v)` (one domain). */
function build(input: Record<string, unknown>, skill?: (v: number) => number, seed = 1): Simulation {
  const sim = createSimulation(scenario(input), seed, { modules });
  if (skill) {
    const s = sim.state.f32('skill');
    for (let v = 0; v < sim.n; v++) s[v] = skill(v);
  }
  return sim;
}

const flat = (informal: Record<string, unknown>, size?: number) => ({ ...(size ? { size } : {}), formal: null, informal });
const series = (sim: Simulation, name: string, len = sim.tick) => Array.from(sim.series().values[name]!.slice(0, len));
const count = (a: Uint8Array, code: number) => a.reduce((c, x) => c + (x === code ? 1 : 0), 0);

describe('belief at first exposure', () => {
  it.each(MODELS)('a person believes a false item with probability 1 − skill, drawn once (%s model)', (_, capacityLimited) => {
    for (const skill of [0.3, 0.8]) {
      const sim = build({
        ticks: 60,
        organization: flat({ kind: 'complete' }, 2000),
        population: { domains: 1 },
        protocol: { kind: 'gossip', capacityLimited },
        information: { verify: 0, items: [{ id: 'r', truth: false, seeds: [0, 1, 2, 3, 4], spread: { mode: 'push', fanout: 2 } }] },
      }, () => skill);
      let prev = new Uint8Array(sim.n);
      for (let t = 0; t < 60; t++) {
        sim.step();
        const belief = sim.state.u8('info.0.belief');
        // Drawn once: a belief, once formed, never changes (no corrections here: verify 0).
        let changed = 0;
        for (let v = 0; v < sim.n; v++) if (prev[v] !== BELIEF.UNAWARE && belief[v] !== prev[v]) changed++;
        expect(changed).toBe(0);
        prev = belief.slice();
      }
      let believers = 0, heard = 0;
      for (let v = 5; v < sim.n; v++) {
        if (prev[v] === BELIEF.UNAWARE) continue;
        heard++;
        if (prev[v] === BELIEF.BELIEVER) believers++;
      }
      expect(heard).toBe(sim.n - 5);
      const p = 1 - skill;
      const sd = Math.sqrt((p * (1 - p)) / heard);
      expect(Math.abs(believers / heard - p)).toBeLessThan(4 * sd);
    }
  });

  it('the seeds of a false item believe it', () => {
    const sim = build({
      ticks: 1, organization: flat({ kind: 'complete' }, 50), population: { domains: 1 },
      protocol: { kind: 'gossip' }, information: { items: [{ id: 'r', truth: false, seeds: [3, 7] }] },
    }, () => 1);
    sim.step();
    const belief = sim.state.u8('info.0.belief');
    expect([belief[3], belief[7]]).toEqual([BELIEF.BELIEVER, BELIEF.BELIEVER]);
  });
});

describe('doubters and the corrected', () => {
  // A path 0 — 1 — 2 — … — 29: person 1 is the only way on.
  const path = (capacityLimited: boolean) => ({
    ticks: 70,
    organization: flat({ kind: 'lattice', width: 30, height: 1 }),
    population: { domains: 1 },
    protocol: { kind: 'gossip', capacityLimited },
    information: { verify: 0, items: [{ id: 'r', truth: false, seeds: [0], spread: { mode: 'flood' } }] },
  });

  it.each(MODELS)('a doubter never spreads the item: a doubting bridge stops it (%s model)', (_, capacityLimited) => {
    const blocked = build(path(capacityLimited), (v) => (v === 1 ? 1 : 0));
    blocked.step(70);
    expect(blocked.state.u8('info.0.belief')[1]).toBe(BELIEF.DOUBTER);
    expect(blocked.state.scalars['info.0.informed']).toBe(2);
    // The same path with a believing bridge: the item runs to the end.
    const open = build(path(capacityLimited), () => 0);
    // A message takes a tick and its reader passes it on from the next: two ticks a hop.
    open.step(70);
    expect(open.state.scalars['info.0.informed']).toBe(30);
  });

  it.each(MODELS)('doubters and the corrected are never spreaders, and the corrected cannot believe again (%s model)', (_, capacityLimited) => {
    for (const mode of ['push-pull', 'flood']) {
      const sim = build({
        ticks: 60,
        organization: flat({ kind: 'random', meanDegree: 6 }, 1000),
        population: { domains: 1 },
        protocol: { kind: 'gossip', capacityLimited },
        information: { verify: 0.3, acceptPeer: 0.7, items: [{ id: 'r', truth: false, seedCount: 5, spread: { mode, fanout: 2, beta: 0.4 } }] },
        shocks: [{ at: 20, kind: 'remove-nodes', target: 'random', count: 50 }],
      }, (v) => (v % 3 === 0 ? 0.9 : 0.2));
      let prev = new Uint8Array(sim.n);
      let corrected = 0;
      for (let t = 0; t < 60; t++) {
        sim.step();
        const belief = sim.state.u8('info.0.belief');
        const st = sim.state.u8('info.0.state');
        const alive = sim.state.u8('alive');
        let believers = 0, spreading = 0, changed = 0;
        for (let v = 0; v < sim.n; v++) {
          if ((belief[v] === BELIEF.DOUBTER || belief[v] === BELIEF.CORRECTED) && st[v] !== INFO.QUIET && st[v] !== INFO.GONE) spreading++;
          if ((prev[v] === BELIEF.CORRECTED || prev[v] === BELIEF.DOUBTER) && belief[v] !== prev[v]) changed++;
          if (belief[v] === BELIEF.BELIEVER && alive[v]) believers++;
        }
        expect(spreading).toBe(0);
        expect(changed).toBe(0);
        // The `misinformed` series counts the alive believers.
        expect(series(sim, 'misinformed')[t]).toBe(believers);
        prev = belief.slice();
      }
      corrected = count(prev, BELIEF.CORRECTED);
      expect(corrected).toBeGreaterThan(20);
    }
  });
});

describe('detection and peer corrections', () => {
  // Even ids never believe it and always can detect it (skill 1); odd ids always believe it and never detect it (skill 0).
  const run = (capacityLimited: boolean, information: Record<string, unknown>) => {
    const sim = build({
      ticks: 60,
      organization: flat({ kind: 'random', meanDegree: 6 }, 1000),
      population: { domains: 1 },
      protocol: { kind: 'gossip', capacityLimited },
      information: { ...information, items: [{ id: 'r', truth: false, seeds: [1, 3, 5], spread: { mode: 'push', fanout: 1 } }] },
    }, (v) => (v % 2 === 0 ? 1 : 0));
    sim.step(60);
    return sim;
  };

  it.each(MODELS)('corrections turn believers into corrected, and only believers (%s model)', (_, capacityLimited) => {
    const sim = run(capacityLimited, {});
    const belief = sim.state.u8('info.0.belief');
    let corrected = 0;
    for (let v = 0; v < sim.n; v++) {
      if (belief[v] !== BELIEF.CORRECTED) continue;
      corrected++;
      expect(v % 2).toBe(1);
    }
    expect(corrected).toBeGreaterThan(100);
    const s = sim.summary().metrics;
    expect(series(sim, 'misinformed').at(-1)).toBeLessThan(s['misinformedPeak']! / 2);
  });

  it.each(MODELS)('with verify 0 nobody detects and nobody is corrected (%s model)', (_, capacityLimited) => {
    const sim = run(capacityLimited, { verify: 0 });
    expect(count(sim.state.u8('info.0.belief'), BELIEF.CORRECTED)).toBe(0);
    expect(count(sim.state.u8('info.0.corr'), INFO.ACTIVE)).toBe(0);
  });

  it.each(MODELS)('with acceptPeer 0 corrections spread but convince nobody (%s model)', (_, capacityLimited) => {
    const sim = run(capacityLimited, { acceptPeer: 0 });
    expect(count(sim.state.u8('info.0.corr'), INFO.ACTIVE)).toBeGreaterThan(50);
    expect(count(sim.state.u8('info.0.belief'), BELIEF.CORRECTED)).toBe(0);
  });

  it('verifyThreshold gates detection: nobody reaches a threshold of 1 with skills below it', () => {
    const sim = build({
      ticks: 40, organization: flat({ kind: 'random', meanDegree: 6 }, 500), population: { domains: 1 },
      protocol: { kind: 'gossip', capacityLimited: false },
      information: { verify: 1, verifyThreshold: 1, items: [{ id: 'r', truth: false, seeds: [1] }] },
    }, () => 0.99);
    sim.step(40);
    expect(count(sim.state.u8('info.0.corr'), INFO.ACTIVE)).toBe(0);
  });
});

describe('the steward hooks: startCorrection, hasHeard, isFalse', () => {
  // Person 0 fact-checks every false item it has heard, every tick (what the steward's factCheck does at rate 1).
  class FactChecker extends GossipProtocol {
    override readonly actsPerPerson = true;
    override act(ctx: Context, v: number): void {
      if (v !== 0) return;
      for (let k = 0; k < ctx.information.items.length; k++) {
        if (ctx.information.isFalse(k) && ctx.information.hasHeard(ctx, v, k)) ctx.information.startCorrection(ctx, v, k);
      }
    }
  }
  afterEach(() => { modules = builtinRegistry(); });

  it.each(MODELS)('a fact-checker who starts a correction clears the believers it reaches (%s model)', (_, capacityLimited) => {
    const input = {
      ticks: 80, organization: flat({ kind: 'random', meanDegree: 6 }, 400), population: { domains: 1 },
      protocol: { kind: 'gossip', capacityLimited },
      information: { verify: 0, acceptPeer: 0.8, items: [{ id: 'memo', seeds: [9] }, { id: 'r', truth: false, seeds: [0, 5] }] },
    };
    const without = build(input, () => 0);
    without.step(80);
    expect(count(without.state.u8('info.1.belief'), BELIEF.CORRECTED)).toBe(0);
    modules = withGossip(() => new FactChecker());
    const sim = build(input, () => 0);
    sim.step(80);
    expect(sim.state.u8('info.1.belief')[0]).toBe(BELIEF.CORRECTED);
    expect(count(sim.state.u8('info.1.belief'), BELIEF.CORRECTED)).toBeGreaterThan(300);
    expect(series(sim, 'misinformed').at(-1)).toBe(0);
  });

  it('hasHeard and isFalse answer per person and item', () => {
    const seen: string[] = [];
    class Probe extends GossipProtocol {
      override readonly actsPerPerson = true;
      override act(ctx: Context, v: number): void {
        if (ctx.tick !== 0) return;
        for (let k = 0; k < 2; k++) seen.push(`${v}:${k}:${ctx.information.isFalse(k)}:${ctx.information.hasHeard(ctx, v, k)}`);
      }
    }
    modules = withGossip(() => new Probe());
    const sim = build({
      ticks: 1, organization: flat({ kind: 'lattice', width: 3, height: 1 }), population: { domains: 1 },
      protocol: { kind: 'gossip', capacityLimited: true },
      information: { items: [{ id: 'memo', seeds: [0] }, { id: 'r', truth: false, seeds: [2] }] },
    });
    sim.step();
    expect(seen).toEqual(['0:0:false:true', '0:1:true:false', '1:0:false:false', '1:1:true:false', '2:0:false:false', '2:1:true:true']);
  });
});

describe('client-server: the official channel and the grapevine', () => {
  // A hierarchy of span 3 (node 0 the server; children of v are 3v+1 … 3v+3) with a random informal layer.
  const cs = (capacityLimited: boolean, information: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    ticks: 80,
    organization: { size: 364, formal: { kind: 'hierarchy', span: 3 }, informal: { kind: 'random', meanDegree: 4 } },
    population: { domains: 1 },
    environment: { rate: 0 },
    protocol: { kind: 'client-server', capacityLimited, successionDelay: 1000 },
    information: { verify: 0, ...information },
    ...extra,
  });
  const rumour = { id: 'r', truth: false, seedCount: 5, spread: { mode: 'push', fanout: 1 } };

  it.each(MODELS)('the official correction reaches the whole tree and clears believers faster than with acceptOfficial 0 (%s model)', (_, capacityLimited) => {
    const official = build(cs(capacityLimited, { items: [rumour] }));
    official.step(80);
    const ignored = build(cs(capacityLimited, { acceptOfficial: 0, items: [rumour] }));
    ignored.step(80);
    // Reached the tree: every person has heard at least one wave of the broadcast.
    const heard = official.state.i32('info.0.heard');
    expect(official.state.scalars['info.0.waves']).toBeGreaterThanOrEqual(1);
    expect(heard.every((w) => w >= 1)).toBe(true);
    const a = official.summary().metrics, b = ignored.summary().metrics;
    expect(a['misinformationClearedTick']).not.toBeNull();
    expect(a['misinformationClearedTick']!).toBeLessThan(40);
    expect(b['misinformationClearedTick']).toBeNull();
    expect(series(official, 'misinformed').at(-1)).toBe(0);
    expect(series(ignored, 'misinformed').at(-1)).toBeGreaterThan(50);
    expect(count(official.state.u8('info.0.belief'), BELIEF.CORRECTED)).toBeGreaterThan(0);
    expect(count(ignored.state.u8('info.0.belief'), BELIEF.CORRECTED)).toBe(0);
  });

  it('a report is lost when a manager on the way up is removed', () => {
    // Leaf 13 reports to 4, 4 to 1, 1 to the server 0; no gossip, so only 13 believes.
    const input = (shocks: unknown[]) => ({
      ticks: 20,
      organization: { size: 40, formal: { kind: 'hierarchy', span: 3 }, informal: { kind: 'same-as-formal' } },
      population: { domains: 1 }, environment: { rate: 0 },
      protocol: { kind: 'client-server', capacityLimited: true, successionDelay: 1000 },
      information: { verify: 0, grapevine: 0, items: [{ id: 'r', truth: false, seeds: [13], at: 1 }] },
      shocks,
    });
    const intact = build(input([]));
    intact.step(20);
    expect(intact.state.scalars['info.0.waves']).toBe(1);
    const broken = build(input([{ at: 0, kind: 'remove-nodes', target: 'ids', ids: [1] }]));
    broken.step(20);
    expect(broken.state.scalars['info.0.waves']).toBe(0);
    expect(broken.state.i32('info.0.heard').every((w) => w === 0)).toBe(true);
  });

  it.each(MODELS)('grapevine 0 stops informal spreading under client-server, and only there (%s model)', (_, capacityLimited) => {
    const silent = build(cs(capacityLimited, { grapevine: 0, items: [rumour] }));
    silent.step(40);
    expect(series(silent, 'informed:r').every((x) => x === 5)).toBe(true);
    const gossip = build(cs(capacityLimited, { grapevine: 0.3, items: [rumour] }));
    gossip.step(40);
    expect(series(gossip, 'informed:r').at(-1)).toBeGreaterThan(20);
    // grapevine is a client-server parameter: peers elsewhere always talk.
    const peers = build({ ...cs(capacityLimited, { grapevine: 0, items: [rumour] }), protocol: { kind: 'gossip', capacityLimited } });
    peers.step(40);
    expect(series(peers, 'informed:r').at(-1)).toBeGreaterThan(20);
  });

  it.each(MODELS)('in a flat organization the official channel runs to the server and back (%s model)', (_, capacityLimited) => {
    const sim = build({
      ticks: 40, organization: flat({ kind: 'random', meanDegree: 5 }, 300), population: { domains: 1 },
      environment: { rate: 0 }, protocol: { kind: 'client-server', capacityLimited },
      information: { verify: 0, grapevine: 0, items: [{ id: 'memo', seeds: [150], at: 1 }, { id: 'r', truth: false, seeds: [7] }] },
    });
    sim.step(40);
    expect(sim.state.scalars['info.0.waves']).toBe(1);
    expect(sim.state.scalars['info.1.waves']).toBe(1);
    // The memo reaches everyone the server can reach (the giant component).
    expect(series(sim, 'informed:memo').at(-1)).toBeGreaterThan(280);
  });

  it.each(MODELS)('official news goes up to the server and is broadcast down the tree (%s model)', (_, capacityLimited) => {
    // A true memo known first by leaf 200, with no gossip at all: only the chain of command carries it.
    const sim = build(cs(capacityLimited, { grapevine: 0, items: [{ id: 'memo', seeds: [200], at: 2 }] }));
    sim.step(40);
    const informed = series(sim, 'informed:memo');
    expect(informed[2]).toBe(1);
    expect(informed.at(-1)).toBe(364);
    expect(sim.state.scalars['info.0.waves']).toBe(1);
    // Up 5 hops from level 5, then down 5 levels: everyone knows within about twenty ticks.
    expect(informed.findIndex((x) => x === 364)).toBeLessThan(30);
  });
});

describe('the misinformed series and its summary', () => {
  // A path 0 — 1 — 2, flooding: 0 starts it, 1 always believes (skill 0), 2 never does
  // (skill 1) and, able to check it (verify 1), corrects 1 (acceptPeer 1), who corrects 0.
  const tiny = (capacityLimited: boolean) => build({
    ticks: 12,
    organization: flat({ kind: 'lattice', width: 3, height: 1 }),
    population: { domains: 1 },
    protocol: { kind: 'gossip', capacityLimited },
    information: { verify: 1, acceptPeer: 1, items: [{ id: 'r', truth: false, seeds: [0], spread: { mode: 'flood' } }] },
  }, (v) => (v === 2 ? 1 : 0));

  it('textbook: 0 and 1 believe at tick 0, 2 doubts at 1 and corrects 1 at 2, 1 corrects 0 at 3', () => {
    const sim = tiny(false);
    sim.step(12);
    expect(series(sim, 'misinformed')).toEqual([2, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const m = sim.summary().metrics;
    expect(m['misinformedPeak']).toBe(2);
    expect(m['misinformationClearedTick']).toBe(3);
    expect(Array.from(sim.state.u8('info.0.belief'))).toEqual([BELIEF.CORRECTED, BELIEF.CORRECTED, BELIEF.DOUBTER]);
  });

  it('message model: each hop is a message read the next tick, acted on the tick after', () => {
    const sim = tiny(true);
    sim.step(12);
    // 1 reads and believes at 1; 2 reads (doubts) at 3, detects and sends the correction at 4;
    // 1 reads it at 5 and passes it on at 6; 0 reads it at 7.
    expect(series(sim, 'misinformed')).toEqual([1, 2, 2, 2, 2, 1, 1, 0, 0, 0, 0, 0]);
    const m = sim.summary().metrics;
    expect(m['misinformedPeak']).toBe(2);
    expect(m['misinformationClearedTick']).toBe(7);
  });

  it('with no false item the peak is 0 and the cleared tick null', () => {
    const sim = build({ ticks: 5, organization: flat({ kind: 'complete' }, 20), protocol: { kind: 'gossip' }, information: { items: [{ id: 'memo' }] } });
    sim.step(5);
    expect(series(sim, 'misinformed')).toEqual([0, 0, 0, 0, 0]);
    expect(sim.summary().metrics['misinformedPeak']).toBe(0);
    expect(sim.summary().metrics['misinformationClearedTick']).toBeNull();
  });
});

describe('the misinformation shock', () => {
  const base = (shocks: unknown[]) => ({
    ticks: 30,
    organization: flat({ kind: 'random', meanDegree: 5 }, 300),
    population: { domains: 2 },
    protocol: { kind: 'gossip', capacityLimited: true },
    information: { verify: 0 },
    shocks,
  });

  it('seeds a false item at its tick, at seedCount people, in its domain', () => {
    const sim = build(base([{ at: 5, kind: 'misinformation', id: 'r', seedCount: 3, domain: 1 }]));
    sim.step(5);
    expect(sim.items.length).toBe(0);
    sim.step(1);
    expect(sim.items.map((it) => [it.id, it.truth, it.at, it.domain, it.mode, it.fanout])).toEqual([['r', false, 5, 1, 'push', 1]]);
    expect(series(sim, 'informed:r')[5]).toBe(3);
    expect(series(sim, 'misinformed').slice(4, 6)).toEqual([0, 3]);
    sim.step(20);
    expect(series(sim, 'informed:r').at(-1)).toBeGreaterThan(3);
  });

  it('a live shock adds a rumour at the next tick, and a repeated shock starts a new one each time', () => {
    const sim = build(base([{ at: 2, every: 4, until: 10, kind: 'misinformation', id: 'w', seedCount: 1 }]));
    sim.step(8);
    sim.shock({ kind: 'misinformation', id: 'live', seedCount: 2, spread: { mode: 'flood', beta: 0.5 } });
    sim.step(4);
    expect(sim.items.map((it) => [it.id, it.at])).toEqual([['w', 2], ['w@6', 6], ['live', 8], ['w@10', 10]]);
    expect(series(sim, 'informed:live')[8]).toBe(2);
    expect(sim.items[2]!.mode).toBe('flood');
  });
});

describe('determinism', () => {
  const input = (capacityLimited: boolean, kind: string) => ({
    ticks: 50,
    organization: { size: 200, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'matrix', lateral: 0.05 } },
    population: { domains: 2, skill: { kind: 'specialists' } },
    environment: { rate: 0 },
    protocol: { kind, capacityLimited, successionDelay: 1000 },
    information: {
      verify: 0.2, grapevine: 0.5,
      items: [{ id: 'memo', at: 3, seeds: [150], spread: { mode: 'push-pull' } }, { id: 'news', truth: false, domain: 1, seedCount: 3, spread: { mode: 'flood', beta: 0.3, stifle: 0.1 } }],
    },
    shocks: [
      { at: 8, kind: 'misinformation', id: 'rumour', seedCount: 2, domain: 1, spread: { mode: 'pull' } },
      { at: 20, kind: 'remove-nodes', target: 'random', count: 10 },
      { at: 25, kind: 'add-nodes', count: 5 },
    ],
  });
  const cases = [['gossip', false], ['gossip', true], ['client-server', false], ['client-server', true]] as const;

  it.each(cases)('same seed, same hash; a snapshot mid-spread continues identically (%s, capacityLimited %s)', (kind, capacityLimited) => {
    const run = () => {
      const sim = build(input(capacityLimited, kind), undefined, 7);
      sim.step(12);
      sim.shock({ kind: 'misinformation', id: 'live', seedCount: 2 });
      sim.step(38);
      return sim;
    };
    const a = run(), b = run();
    expect(b.hash()).toBe(a.hash());
    expect(series(b, 'misinformed')).toEqual(series(a, 'misinformed'));
    expect(a.summary().metrics['misinformedPeak']).toBeGreaterThan(0);

    const sim = build(input(capacityLimited, kind), undefined, 7);
    sim.step(12);
    sim.shock({ kind: 'misinformation', id: 'live', seedCount: 2 });
    sim.step(6);
    const snap = sim.snapshot();
    sim.step(32);
    expect(sim.hash()).toBe(a.hash());
    sim.restore(snap);
    sim.step(32);
    expect(sim.hash()).toBe(a.hash());
    const fresh = build(input(capacityLimited, kind), undefined, 7);
    fresh.restore(snap);
    fresh.step(32);
    expect(fresh.hash()).toBe(a.hash());
    expect(series(fresh, 'misinformed')).toEqual(series(a, 'misinformed'));
    expect(fresh.summary()).toEqual(a.summary());
  });

  it.each(MODELS)('a rumour added by a shock survives a restore into a new client-server simulation (%s model)', (_, capacityLimited) => {
    const noItems = { ...input(capacityLimited, 'client-server'), information: { verify: 0.2 } };
    const a = build(noItems, undefined, 3);
    a.step(12);
    const snap = a.snapshot();
    a.step(20);
    const b = build(noItems, undefined, 3);
    b.restore(snap);
    b.step(20);
    expect(b.hash()).toBe(a.hash());
    expect(b.state.scalars['info.0.waves']).toBeGreaterThanOrEqual(1);
  });
});
