// `gossip` (MODEL.md §5): pure information diffusion, no situations. Everything it
// does is the information layer's; the protocol adds no per-person work, so a
// gossip run is the textbook model's tight loops (or the message model's inboxes).
import { QuietProtocol } from '../protocol.ts';

export class GossipProtocol extends QuietProtocol {
  override readonly kind = 'gossip';
}
