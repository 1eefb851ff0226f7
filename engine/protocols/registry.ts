// The ways of working by name: adding one is a new file and a line here.
import type { Protocol } from './protocol.ts';
import { GossipProtocol } from './gossip/protocol.ts';
import { ClientServerProtocol } from './client-server/protocol.ts';
import { P2PProtocol } from './p2p/protocol.ts';
import { StewardProtocol } from './steward/protocol.ts';

const registry: Record<string, () => Protocol> = {
  gossip: () => new GossipProtocol(),
  'client-server': () => new ClientServerProtocol(),
  p2p: () => new P2PProtocol(),
  steward: () => new StewardProtocol(),
};

/** Registers a protocol factory under its scenario name (`protocol.kind`). */
export function registerProtocol(kind: string, make: () => Protocol): void {
  registry[kind] = make;
}

/** A new protocol instance for `kind`, or null when none is registered. */
export function makeProtocol(kind: string): Protocol | null {
  const make = registry[kind];
  return make ? make() : null;
}

/** The registered kinds. */
export function protocolKinds(): string[] {
  return Object.keys(registry);
}
