// Exchanges, routed as Dodds, Watts & Sabel (2003) route them (MODEL.md §10.5,
// model 2): a second kind of situation, in which origin i needs information that
// target j holds. j is drawn with probability ∝ exp(−x_ij/ξ) over the formal tree
// (targets.ts); the question travels i → j and, with `exchangeAnswer`, the answer
// j → i, each hop a message that is read, loads its reader and costs attention;
// routing follows the chart or DWS's greedy rule (routing.ts). The declaration:
// keys, checks, defaults. The behaviour is book.ts, the metrics metrics.ts.
import { z } from 'zod';
import { API_VERSION, type MechanismModule } from '../modules/types.ts';
import { LIMITS, fmt, integer, param } from '../scenario/blocks.ts';
import type { Scenario } from '../scenario/schema.ts';

/** The keys of `environment` the exchanges read. */
export const exchangeEnvironmentKeys = {
  exchangeRate: param(
    z.number().min(0).max(1).default(0),
    'exchanges per person per tick',
    'exchanges each person of the formal tree starts per tick (Poisson); 0 = none. DWS\'s μ',
    2,
  ),
  exchangeLocality: param(
    z.number().gt(0).max(1000).default(1),
    'levels (ξ)',
    'ξ: a target j is drawn with probability ∝ exp(−x/ξ), x = DWS\'s pseudo-distance in the chart from the origin; small ξ keeps exchanges inside teams',
    2,
  ),
  exchangeAnswer: param(
    z.boolean().default(true),
    'on/off',
    'the target answers back the same way (false: one-way messages, as in DWS)',
    2,
  ),
};

/** The keys of `protocol` the exchanges read. */
export const exchangeProtocolKeys = {
  routing: param(
    z.enum(['chart', 'greedy']).nullable().default(null),
    'choice',
    'how exchange messages travel: chart (up to the lowest common manager, down to the target) or greedy (to the neighbour closest to the target, DWS); null = the way of working\'s own (chart for client-server, greedy otherwise)',
    2,
  ),
  maxHops: param(
    integer(1, 100_000).nullable().default(null),
    'hops',
    'an exchange message still on its way after this many hops is dropped (counted lost); null = 4 × the formal tree\'s depth',
    2,
  ),
};

/** True when the scenario runs exchanges (model 2, exchangeRate > 0): the switch of the whole mechanism. */
export function exchangesOn(s: Scenario): boolean {
  return s.model === 2 && s.simulation === 'organization' && s.environment.exchangeRate > 0;
}

/** The depth of the balanced tree `hierarchy` of n people with span s (node n − 1 is the deepest). */
export function hierarchyDepth(n: number, span: number): number {
  let depth = 0;
  for (let i = n - 1; i > 0; i = Math.floor((i - 1) / span)) depth++;
  return depth;
}

const exchanges: MechanismModule = {
  kind: 'mechanism',
  name: 'exchanges',
  apiVersion: API_VERSION,
  description: 'Information exchanged between any two people of the chart, routed up and down the chart or greedily over every tie (Dodds, Watts & Sabel 2003; model 2).',
  params: { environment: exchangeEnvironmentKeys, protocol: exchangeProtocolKeys },
  active: exchangesOn,
  check(s) {
    if (s.model !== 2 || s.environment.exchangeRate === 0 || s.organization.formal !== null) return [];
    return [{
      path: ['environment', 'exchangeRate'],
      message: `exchanges are drawn and routed over the formal tree (DWS's pseudo-distance x is defined on it), but the organization is flat, got exchangeRate ${fmt(s.environment.exchangeRate)}; add a formal tree (e.g. "formal": {"kind": "hierarchy", "span": 5}) or set "exchangeRate": 0`,
    }];
  },
  sizeProblems(s, n) {
    if (!exchangesOn(s)) return [];
    const expected = s.environment.exchangeRate * n * s.ticks;
    return expected > LIMITS.situations
      ? [{ path: ['environment', 'exchangeRate'], message: `expected at most ${fmt(LIMITS.situations)} exchanges over the run (exchangeRate × people × ticks), got ${fmt(Math.round(expected))}; lower "exchangeRate" or "ticks"` }]
      : [];
  },
  resolve(s, registry) {
    if (s.model !== 2 || s.simulation !== 'organization') return;
    const p = s.protocol;
    p.routing ??= registry.protocols.get(s.protocol.kind)?.defaultRouting ?? 'greedy';
    // A generated chart's depth is known now; a file's only once it is read (the book resolves it then).
    const formal = s.organization.formal;
    if (formal?.kind === 'hierarchy' && s.organization.size !== undefined) p.maxHops ??= Math.max(1, 4 * hierarchyDepth(s.organization.size, formal.span));
  },
};
export default exchanges;
