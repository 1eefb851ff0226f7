// The peer-to-peer way of working as a module (MODEL.md §5): its parameters,
// declared once; the behaviour is protocol.ts.
import { z } from 'zod';
import { API_VERSION, type ProtocolModule } from '../../modules/types.ts';
import { MAX_TICKS, integer, param, probability } from '../../scenario/blocks.ts';
import { P2PProtocol } from './protocol.ts';

const trustSchema = z.strictObject({
  initial: param(probability().default(0.5), 'trust (0 – 1)', 'trust of every tie at the start'),
  gain: param(probability().default(0.1), 'trust', 'trust gained on a success'),
  loss: param(probability().default(0.2), 'trust', 'trust lost on a failure'),
});

/** The keys of `protocol` that peers read (the steward's way of working reads them too). */
export const peerKeys = {
  threshold: param(probability().default(0.6), 'skill units', 'θ: skill needed to lead'),
  thresholdMin: param(probability().optional(), 'skill units', 'θ falls to this as the deadline nears; default 0.2 (or θ, when θ < 0.2)'),
  fanout: param(integer(1, 1000).default(3), 'people', 'neighbours a call goes to'),
  ttl: param(integer(0, 1000).default(4), 'hops', 'hops a call is forwarded'),
  recall: param(integer(1, MAX_TICKS).default(5), 'ticks', 'ticks without a leader before the origin calls again'),
  team: param(z.boolean().default(false), 'on/off', 'leaders recruit free neighbours (team skill = max)'),
  repair: param(probability().default(0.5), 'probability', "probability a removed person's neighbour ties to another of them"),
  repairDelay: param(integer(0, MAX_TICKS).default(10), 'ticks', 'ticks before repair ties form'),
  trust: trustSchema.prefault({}),
  memory: param(integer(1, 255).default(8), 'situations', 'peers: situations a person remembers hearing of (the oldest is forgotten first; v1 fixes 8)', 2),
  teamCap: param(integer(1, 1000).default(4), 'people', 'peers, team on: most people in a team besides its leader (v1 fixes 4)', 2),
};

const p2p: ProtocolModule = {
  kind: 'protocol',
  name: 'p2p',
  apiVersion: API_VERSION,
  description: 'Peer-to-peer: news spreads among peers and whoever is best placed steps up to lead.',
  params: { protocol: peerKeys },
  handlesSituations: true,
  draws: 'informal',
  words: 'peers',
  create: () => new P2PProtocol(),
  check(s) {
    const p = s.protocol;
    if (p.thresholdMin !== undefined && p.thresholdMin > p.threshold) {
      return [{
        path: ['protocol', 'thresholdMin'],
        message: `expected thresholdMin <= threshold (${p.threshold}), got ${p.thresholdMin}; θ only falls as the deadline nears, so lower thresholdMin or raise threshold`,
      }];
    }
    return [];
  },
  // A θ below the usual floor brings the floor down with it, unless the floor is written.
  resolve(s) {
    s.protocol.thresholdMin ??= Math.min(0.2, s.protocol.threshold);
  },
};
export default p2p;
