// The built-in modules: adding one is a new file and a line here.
import clientServer from '../protocols/client-server/index.ts';
import p2p from '../protocols/p2p/index.ts';
import steward from '../protocols/steward/index.ts';
import gossip from '../protocols/gossip/index.ts';
import removeNodes from '../shocks/remove-nodes.ts';
import addNodes from '../shocks/add-nodes.ts';
import misinformation from '../shocks/misinformation.ts';
import environmentShift from '../shocks/environment-shift.ts';
import surge from '../shocks/surge.ts';
import partition from '../shocks/partition.ts';
import reconnect from '../shocks/reconnect.ts';
import network from '../metric-families/network.ts';
import situations from '../metric-families/situations.ts';
import items from '../metric-families/items.ts';
import recovery from '../metric-families/recovery.ts';
import attention from '../mechanisms/attention.ts';
import selfAssessment from '../mechanisms/self-assessment.ts';
import value from '../mechanisms/value.ts';
import exchanges from '../exchanges/index.ts';
import exchangeMetrics from '../exchanges/metrics.ts';
import { modelModules } from '../models/index.ts';
import type { Module } from './types.ts';

/**
 * Ways of working, shocks and metric families, in the order their keys, kinds and
 * metrics appear in the schema, tables and files (metric families first, then the
 * protocols' own metrics, then recovery: v1's column order).
 */
export const BUILTIN_MODULES: readonly Module[] = [
  clientServer, p2p, steward, gossip,
  removeNodes, addNodes, misinformation, environmentShift, surge, partition, reconnect,
  network, situations, items, recovery, exchangeMetrics,
  attention, selfAssessment, value, exchanges,
  ...modelModules,
];
