// The steward way of working as a module (MODEL.md §5): peer-to-peer plus a few
// people who tend the network's health. It reads the peers' keys (declared by
// p2p) and declares its own.
import { z } from 'zod';
import { API_VERSION, type ProtocolModule } from '../../modules/types.ts';
import { MAX_SIZE, MAX_TICKS, fmt, integer, param, personId, probability } from '../../scenario/blocks.ts';
import { StewardProtocol } from './protocol.ts';

/** The keys of `protocol` that only the stewards read. */
export const stewardKeys = {
  stewards: param(
    z.union([integer(0, MAX_SIZE), z.array(personId).max(100_000)]).default(3),
    'people, or ids',
    'steward: how many (top of the formal tree, or highest betweenness when flat), or a list of ids',
  ),
  period: param(integer(1, MAX_TICKS).default(10), 'ticks', 'steward: ticks between rounds of network care'),
  budget: param(integer(0, 1_000_000).default(2), 'ties per period', 'steward: new ties per steward per period'),
  missMemory: param(integer(1, 1_000_000).default(256), 'situations', 'steward: recent missed situations the stewards remember (v1 fixes 256)', 2),
  factCheck: param(
    probability().nullable().optional(),
    'per tick',
    'steward: probability per tick of verifying a rumour heard; default information.verify',
  ),
};

const steward: ProtocolModule = {
  kind: 'protocol',
  name: 'steward',
  apiVersion: API_VERSION,
  description: 'Peer-to-peer plus a few stewards who connect, repair and fact-check; they never command.',
  params: { protocol: stewardKeys },
  handlesSituations: true,
  draws: 'informal',
  words: 'peers + stewards',
  adds: 'p2p',
  create: () => new StewardProtocol(),
  personIds: (s) => (Array.isArray(s.protocol.stewards) ? s.protocol.stewards.map((id, i) => ({ path: ['protocol', 'stewards', i], id })) : []),
  sizeProblems(s, n) {
    const k = s.protocol.stewards;
    return s.protocol.kind === 'steward' && typeof k === 'number' && k > n
      ? [{ path: ['protocol', 'stewards'], message: `expected at most n = ${fmt(n)} stewards, got ${fmt(k)}; lower "stewards"` }]
      : [];
  },
  // Every module's checks and defaults run whatever the kind (the protocol object holds every kind's keys).
  resolve(s) {
    s.protocol.factCheck ??= s.information.verify;
  },
};
export default steward;
