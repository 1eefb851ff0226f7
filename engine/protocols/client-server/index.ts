// The client-server way of working as a module (MODEL.md §5): its parameters and
// metrics, declared once; the behaviour is protocol.ts and its helpers.
import { z } from 'zod';
import type { MetricDeclaration } from '../../modules/metric-declaration.ts';
import { API_VERSION, type ProtocolModule } from '../../modules/types.ts';
import { MAX_TICKS, integer, param, personId } from '../../scenario/blocks.ts';
import { ClientServerProtocol } from './protocol.ts';

/** The keys of `protocol` that client-server reads. */
export const clientServerKeys = {
  reviewPeriod: param(integer(1, MAX_TICKS).default(50), 'ticks', 'client-server: ticks between directory refreshes'),
  successionDelay: param(integer(0, MAX_TICKS).default(20), 'ticks', 'client-server: ticks until a removed manager is replaced'),
  decideAt: param(z.enum(['root', 'manager']).default('root'), 'choice', 'client-server: who decides (manager = delegation)'),
  server: param(
    personId.nullable().default(null),
    'id',
    'client-server in a flat organization: the deciding person; null = highest informal degree',
  ),
};

const metrics: MetricDeclaration[] = [
  { name: 'serverQueue', label: 'Decider\'s inbox', unit: 'messages', description: 'Messages waiting in the server\'s inbox at the end of the tick (0 while the place is vacant).', per: 'tick', agg: 'max', type: 'integer', higherIsBetter: false },
  { name: 'decisions', label: 'Decisions', unit: 'decisions per tick', description: 'Orders decided in the tick (by the server or a delegate).', per: 'tick', agg: 'sum', type: 'integer' },
  { name: 'vacancies', label: 'Vacant posts', unit: 'managers', description: 'Managers removed and not yet replaced.', per: 'tick', agg: 'max', type: 'integer', higherIsBetter: false },
  { name: 'serverQueuePeak', label: 'Decider\'s peak inbox', unit: 'messages', description: 'The longest serverQueue of the run.', per: 'run', type: 'integer', higherIsBetter: false },
  { name: 'decisionsTotal', label: 'Decisions', unit: 'decisions', description: 'Orders decided over the run.', per: 'run', type: 'integer' },
  { name: 'delegatedDecisions', label: 'Delegated decisions', unit: 'decisions', description: 'Orders decided by a manager below the server.', per: 'run', type: 'integer' },
  { name: 'redecisions', label: 'Re-decisions', unit: 'decisions', description: 'Situations decided again after a failure or a lost order.', per: 'run', type: 'integer' },
  { name: 'retries', label: 'Retries', unit: 'decisions', description: 'Decisions after a failed attempt.', per: 'run', type: 'integer' },
  { name: 'lostOrders', label: 'Lost orders', unit: 'orders', description: 'Orders, resolvers or outcome reports lost with someone who left, found at an audit.', per: 'run', type: 'integer', higherIsBetter: false },
  { name: 'staleOrders', label: 'Stale orders', unit: 'orders', description: 'Orders to someone who had left by the time the order was given (the directory was stale).', per: 'run', type: 'integer', higherIsBetter: false },
  { name: 'successions', label: 'Successions', unit: 'promotions', description: 'Managers replaced by a promoted report.', per: 'run', type: 'integer' },
  { name: 'serverReads', label: 'Decider\'s reads', unit: 'messages', description: 'Messages the server read over the run.', per: 'run', type: 'integer' },
];

const clientServer: ProtocolModule = {
  kind: 'protocol',
  name: 'client-server',
  apiVersion: API_VERSION,
  description: 'Command and control: reports go up the chain to one decider, orders come back down.',
  params: { protocol: clientServerKeys },
  handlesSituations: true,
  draws: 'formal',
  metrics,
  create: () => new ClientServerProtocol(),
  personIds: (s) => (s.protocol.server !== null ? [{ path: ['protocol', 'server'], id: s.protocol.server }] : []),
};
export default clientServer;
