// The gossip way of working as a module (MODEL.md §5): the information layer
// alone, no situations; it declares nothing of its own.
import { API_VERSION, type ProtocolModule } from '../../modules/types.ts';
import { GossipProtocol } from './protocol.ts';

const gossip: ProtocolModule = {
  kind: 'protocol',
  name: 'gossip',
  apiVersion: API_VERSION,
  description: 'Pure information diffusion: news spreading over the informal layer, no situations.',
  handlesSituations: false,
  draws: 'informal',
  create: () => new GossipProtocol(),
};
export default gossip;
