// The official channel is a seam (issue 10): misinformation asks the way of
// working for its channel (Protocol.officialChannel), never which protocol runs.
// A way of working of another kind that offers client-server's channel gets the
// same reports and waves; one that offers none gets none.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/simulation.ts';
import { validateScenario } from '../../engine/scenario/validate.ts';
import { builtinRegistry, type Registry } from '../../engine/modules/registry.ts';
import gossipModule from '../../engine/protocols/gossip/index.ts';
import { GossipProtocol } from '../../engine/protocols/gossip/protocol.ts';
import type { OfficialChannel } from '../../engine/protocols/protocol.ts';
import { clientServerChannel } from '../../engine/protocols/client-server/channel.ts';
import { itemHandles } from '../../engine/item-keys.ts';
import { stateNumber } from '../../engine/state-handles.ts';

class GossipWithChannel extends GossipProtocol {
  officialChannel(): OfficialChannel {
    return clientServerChannel;
  }
}

/** Gossip whose protocol offers client-server's channel (same name and keys). */
const withChannel = (): Registry => builtinRegistry().replacing({ ...gossipModule, create: () => new GossipWithChannel() });

function run(organization: Record<string, unknown>, capacityLimited: boolean, modules: Registry = builtinRegistry()) {
  const r = validateScenario({
    name: 'channel', seed: 3, ticks: 30, organization,
    population: { domains: 1 }, environment: { rate: 0 },
    protocol: { kind: 'gossip', capacityLimited },
    information: { verify: 0, items: [{ id: 'r', truth: false, seeds: [13], spread: { mode: 'push' } }] },
  });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  const sim = createSimulation(r.scenario, 3, { modules });
  sim.step(30);
  return sim;
}

const hierarchy = { size: 40, formal: { kind: 'hierarchy', span: 3 }, informal: { kind: 'same-as-formal' } };
const flat = { size: 40, formal: null, informal: { kind: 'small-world', k: 4, p: 0.1 } };

describe('the official channel is whatever the way of working provides', () => {
  it.each([['textbook', false], ['message', true]] as const)('a way of working of another kind that provides the channel gets reports and waves (%s model)', (_, capacityLimited) => {
    const sim = run(hierarchy, capacityLimited, withChannel());
    const h = itemHandles(0);
    expect(sim.state.num(h.waves)).toBeGreaterThanOrEqual(1);
    // The wave went down the whole formal tree from its root.
    expect(Array.from(sim.state.get(h.heard)).every((w) => w >= 1)).toBe(true);
  });

  it('in a flat organization without a protocol server, the channel fixes one (the highest degree) as state', () => {
    const sim = run(flat, true, withChannel());
    const server = sim.state.num(stateNumber('info.server'));
    expect(server).toBeGreaterThanOrEqual(0);
    expect(sim.state.get(itemHandles(0).heard)[server]).toBeGreaterThanOrEqual(1);
  });

  it('a way of working without a channel has no official traffic (no report or wave arrays)', () => {
    const sim = run(hierarchy, true);
    const h = itemHandles(0);
    expect(sim.state.hasArray(h.heard)).toBe(false);
    expect(sim.state.hasNum(h.waves)).toBe(false);
  });
});
