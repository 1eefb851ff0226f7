// The determinism probe of a user's module (CONTRACT.md "v2 additions" →
// Modules; `validate --module` runs it): the same 30 ticks run twice, and once
// more in chunks of 7, must end with equal state hashes and equal summaries. A
// module that draws from Math.random or a clock, keeps state in variables of its
// own (carried from one run into the next), or behaves differently when the run
// is stepped in pieces fails it.
import { createSimulation, type Simulation } from '../simulation.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Registry } from './registry.ts';
import type { Module } from './types.ts';

export const PROBE_TICKS = 30;
export const PROBE_CHUNK = 7;

/** What the probe found: `problem` says which runs differed and how, or is null. */
export interface ProbeResult {
  hash: string;
  problem: string | null;
}

function fingerprint(sim: Simulation): { hash: string; summary: string } {
  return { hash: sim.hash(), summary: JSON.stringify(sim.summary()) };
}

/** Runs the probe on a validated scenario (its ticks set to 30) with the registry's modules. */
export function determinismProbe(scenario: Scenario, registry: Registry, data?: Record<string, string>): ProbeResult {
  const s = { ...scenario, ticks: Math.max(scenario.ticks, PROBE_TICKS) } as Scenario;
  const build = () => createSimulation(s, s.seed, { modules: registry, ...(data !== undefined ? { data } : {}) });
  const first = build();
  first.step(PROBE_TICKS);
  const a = fingerprint(first);
  const second = build();
  second.step(PROBE_TICKS);
  const b = fingerprint(second);
  if (a.hash !== b.hash) return { hash: a.hash, problem: `two runs of the same ${PROBE_TICKS} ticks end with different state hashes (${a.hash}, ${b.hash})` };
  if (a.summary !== b.summary) return { hash: a.hash, problem: `two runs of the same ${PROBE_TICKS} ticks end with equal state hashes but different summaries: ${firstDifference(a.summary, b.summary)}` };
  const chunked = build();
  for (let done = 0; done < PROBE_TICKS; done += PROBE_CHUNK) chunked.step(Math.min(PROBE_CHUNK, PROBE_TICKS - done));
  const c = fingerprint(chunked);
  if (c.hash !== a.hash) return { hash: a.hash, problem: `${PROBE_TICKS} ticks run in chunks of ${PROBE_CHUNK} end with state hash ${c.hash}, run at once with ${a.hash}` };
  if (c.summary !== a.summary) return { hash: a.hash, problem: `${PROBE_TICKS} ticks run in chunks of ${PROBE_CHUNK} end with another summary than run at once: ${firstDifference(a.summary, c.summary)}` };
  return { hash: a.hash, problem: null };
}

/** The first metric whose value differs between two summaries' JSON. */
function firstDifference(x: string, y: string): string {
  const a = JSON.parse(x) as { metrics: Record<string, unknown> };
  const b = JSON.parse(y) as { metrics: Record<string, unknown> };
  for (const k of Object.keys({ ...a.metrics, ...b.metrics })) {
    if (JSON.stringify(a.metrics[k]) !== JSON.stringify(b.metrics[k])) return `${k} = ${JSON.stringify(a.metrics[k])} and ${JSON.stringify(b.metrics[k])}`;
  }
  return 'items or shocks differ';
}

/** The advice printed with a failed probe. */
export const PROBE_ADVICE =
  'a module draws only from its own streams (api.stream(ctx, name, …)), never Math.random or a clock, and keeps what must last in its declared state (api.stateArray, api.stateNumber), never in variables of its own';

/**
 * A small scenario input that exercises `m` alone (a probe when no scenario is
 * given): its way of working, its metrics under peers, its shock at tick 10, or
 * its whole model. Null when the module cannot be exercised without the user's
 * scenario (a shock whose keys have no defaults is refused by the schema later).
 */
export function probeInput(m: Module): Record<string, unknown> {
  const org = {
    ticks: PROBE_TICKS,
    seed: 1,
    organization: { size: 60, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
    environment: { rate: 1.5, deadline: 12, workTicks: 2 },
  };
  switch (m.kind) {
    case 'protocol':
      return { ...org, protocol: { kind: m.name } };
    case 'shock':
      return { ...org, shocks: [{ at: 10, kind: m.name }] };
    case 'model':
      return { ticks: PROBE_TICKS, seed: 1, simulation: m.name };
    default:
      return org;
  }
}
