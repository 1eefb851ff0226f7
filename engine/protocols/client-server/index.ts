// The client-server way of working as a module (MODEL.md §5): its parameters and
// metrics, declared once; the behaviour is protocol.ts and its helpers.
import { z } from 'zod';
import type { MetricDeclaration } from '../../modules/metric-declaration.ts';
import { API_VERSION, type ProtocolModule } from '../../modules/types.ts';
import { MAX_TICKS, integer, param, personId, probability } from '../../scenario/blocks.ts';
import { ClientServerProtocol } from './protocol.ts';

/** The keys of `protocol` that client-server reads. */
export const clientServerKeys = {
  reviewPeriod: param(integer(1, MAX_TICKS).default(50), 'ticks', 'client-server: ticks between directory refreshes'),
  successionDelay: param(integer(0, MAX_TICKS).default(20), 'ticks', 'client-server: ticks until a removed manager is replaced'),
  decideAt: param(
    z.enum(['exception', 'root', 'manager']).nullable().default(null),
    'choice',
    'client-server: who decides — exception (model 2\'s default: the first manager who knows someone free and able), root (strict command, v1\'s default), manager (v1\'s delegation); null = the model\'s default',
  ),
  delegateThreshold: param(
    probability().nullable().default(null),
    'skill units',
    'client-server, decideAt exception: the estimated skill a manager needs to see in someone free to decide itself; null = θ (protocol.threshold)',
    2,
  ),
  directoryNoise: param(probability().default(0.32), 'skill units (sd)', 'client-server: sd of the error in the directory\'s record of each skill, redrawn at each review', 2),
  managerNoise: param(probability().default(0.23), 'skill units (sd)', 'client-server: sd of the error in a manager\'s estimate of each member of its subtree, redrawn at each review', 2),
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
  words: 'hierarchy',
  defaultRouting: 'chart',
  metrics,
  create: () => new ClientServerProtocol(),
  check(s) {
    return s.model === 1 && s.protocol.decideAt === 'exception'
      ? [{ path: ['protocol', 'decideAt'], message: '"exception" (management by exception) is a rule of model 2, got it in a "model": 1 scenario; use "root" or "manager", or set "model": 2' }]
      : [];
  },
  resolve(s) {
    const p = s.protocol as typeof s.protocol & { decideAt: string | null; delegateThreshold: number | null };
    p.decideAt ??= s.model === 1 ? 'root' : 'exception';
    if (s.model === 2) p.delegateThreshold ??= p.threshold;
  },
  personIds: (s) => (s.protocol.server !== null ? [{ path: ['protocol', 'server'], id: s.protocol.server }] : []),
};
export default clientServer;
