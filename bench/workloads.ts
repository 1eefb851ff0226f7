// The benchmark workloads (issue "engine foundation", CONTRACT.md `bench`). Each
// runs a scenario through createSimulation — the code path `run` uses — and
// times the engine's steps, not a kernel written for the benchmark. `wasm` is
// createSimulation's option (false: the TypeScript loops; `bench --no-wasm`).
import { createSimulation } from '../engine/simulation.ts';
import { validateScenario } from '../engine/scenario/validate.ts';
import type { Scenario } from '../engine/scenario/schema.ts';

export interface WorkloadResult {
  workload: string;
  n: number;
  rounds: number;
  work: number;
  workUnit: string;
  seconds: number;
  throughput: number;
  peakMB: number;
  /** Seconds to build the organization (not in `seconds`). */
  buildSeconds: number;
  extra?: Record<string, number | string | null>;
}

/** The model the workloads run (`bench --model`); undefined: the scenario default (2). */
let benchModel: 1 | 2 | undefined;

/** Runs the workloads under `model` (1: v1's rules, to compare with a build before model 2). */
export function setBenchModel(model: 1 | 2 | undefined): void {
  benchModel = model;
}

function scenario(input: unknown): Scenario {
  const r = validateScenario(benchModel === undefined ? input : { ...(input as object), model: benchModel });
  if (!r.ok) throw new Error(`bench scenario is invalid: ${r.errors.join('; ')}`);
  return r.scenario;
}

function peakMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * W1: push gossip (fanout 1, textbook model) on Barabási–Albert n, m = 3 from
 * person 0 until everyone is informed. Work = contacts (one neighbour draw and
 * one probe of its state each).
 */
export function w1(n: number, seed: number, wasm = true): WorkloadResult {
  const sc = scenario({
    name: 'bench W1', seed, ticks: 1_000,
    organization: { size: n, informal: { kind: 'scale-free', m: 3 } },
    protocol: { kind: 'gossip', capacityLimited: false },
    environment: { rate: 0 },
    information: { items: [{ id: 'news', seeds: [0], spread: { mode: 'push', fanout: 1 } }] },
  });
  const t0 = performance.now();
  const sim = createSimulation(sc, seed, { wasm });
  const buildSeconds = (performance.now() - t0) / 1000;
  const scalars = sim.state.scalars;
  let rounds = 0, round50 = 0, round99 = 0;
  const t1 = performance.now();
  while (scalars['info.0.informed']! < n && rounds < 1_000) {
    sim.step(1);
    rounds++;
    if (!round50 && scalars['info.0.informed']! >= n / 2) round50 = rounds;
    if (!round99 && scalars['info.0.informed']! >= 0.99 * n) round99 = rounds;
  }
  const seconds = (performance.now() - t1) / 1000;
  const work = sim.summary().metrics['messagesTotal']!;
  return { workload: 'W1', n, rounds, work, workUnit: 'contacts', seconds, throughput: work / seconds, peakMB: peakMB(), buildSeconds, extra: { rounds50: round50, rounds99: round99 } };
}

/**
 * W2: independent cascade (flood, beta 0.2, stifle 1) on Erdős–Rényi n, mean
 * degree 10. As the C++ reference does, a cascade that dies below 1 % of n is
 * retried from the next person. Work = edge trials (one draw per tie tried).
 */
export function w2(n: number, seed: number, wasm = true): WorkloadResult {
  let totalSeconds = 0, totalBuild = 0;
  for (let source = 0; source < 50; source++) {
    const sc = scenario({
      name: 'bench W2', seed, ticks: 1_000,
      organization: { size: n, informal: { kind: 'random', meanDegree: 10 } },
      protocol: { kind: 'gossip', capacityLimited: false },
      environment: { rate: 0 },
      information: { items: [{ id: 'cascade', seeds: [source], spread: { mode: 'flood', beta: 0.2, stifle: 1 } }] },
    });
    const t0 = performance.now();
    const sim = createSimulation(sc, seed, { wasm });
    totalBuild += (performance.now() - t0) / 1000;
    let rounds = 0;
    let before = -1;
    const t1 = performance.now();
    // With stifle 1 only the people informed in the last tick are active: a tick that
    // informs nobody ends the cascade (counted, like the reference's final round).
    while (sim.state.scalars['info.0.informed'] !== before) {
      before = sim.state.scalars['info.0.informed']!;
      sim.step(1);
      rounds++;
    }
    const seconds = (performance.now() - t1) / 1000;
    totalSeconds += seconds;
    const informed = sim.state.scalars['info.0.informed']!;
    if (informed >= 0.01 * n || source === 49) {
      const trials = sim.state.scalars['info.trials']!;
      return { workload: 'W2', n, rounds, work: trials, workUnit: 'edge trials', seconds, throughput: trials / seconds, peakMB: peakMB(), buildSeconds: totalBuild, extra: { informedFraction: informed / n, attempts: source + 1 } };
    }
  }
  throw new Error('unreachable');
}

/**
 * W3 (p2p) and W4 (client-server): the full organization model — n people, a
 * hierarchy of span 8 with a small-world informal layer (k = 6, p = 0.1), 20
 * situations per tick, deadline 40, for `ticks` ticks. Work = ticks; messages
 * per second are reported too. Under client-server the root's queue grows
 * without bound at this load: that is the phenomenon, and the loop must not slow.
 */
export function organizationWorkload(kind: 'p2p' | 'client-server', n: number, ticks: number, seed: number, wasm = true): WorkloadResult {
  const sc = scenario({
    name: `bench ${kind}`, seed, ticks,
    organization: { size: n, formal: { kind: 'hierarchy', span: 8 }, informal: { kind: 'small-world', k: 6, p: 0.1 } },
    environment: { rate: 20, deadline: 40 },
    protocol: { kind },
  });
  const t0 = performance.now();
  const sim = createSimulation(sc, seed, { wasm });
  const buildSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  sim.step(ticks);
  const seconds = (performance.now() - t1) / 1000;
  const m = sim.summary().metrics;
  return {
    workload: kind === 'p2p' ? 'W3' : 'W4', n, rounds: ticks, work: ticks, workUnit: 'ticks', seconds,
    throughput: ticks / seconds, peakMB: peakMB(), buildSeconds,
    extra: { messagesPerSecond: Math.round(m['messagesTotal']! / seconds), resolvedRate: m['resolvedRate'] ?? null, maxQueuePeak: m['maxQueuePeak'] ?? null },
  };
}
