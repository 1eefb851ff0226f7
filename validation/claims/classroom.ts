// The claims of the `classroom` scenario (issue: the organization), each a
// paired comparison over 20 seeds on the shipped scenario or a documented
// variation of it (docs/ODD.md §8).
import classroom from '../../scenarios/classroom.json' with { type: 'json' };
import { seriesAt } from '../../engine/metrics.ts';
import { claimsOf, variants } from './claim.ts';
import { metric, seriesMean, seriesSum, type Measure } from './measures.ts';

const SCENARIO = { name: 'classroom', input: classroom };

/** The variations of the shipped scenario that the claims use (documented in docs/ODD.md). */
export const classroomVariations = {
  /** As shipped. */
  shipped: {},
  /** Quiet times: few situations, no shocks (the directory's advantage shows). */
  quiet: { 'environment.rate': 0.2, shocks: [] },
  /** A rumour in a domain where few peers can tell it is false (verifyThreshold 0.95), and 40 stewards (10 %): fact-checking falls to the stewards. */
  rumour: { 'information.verifyThreshold': 0.95, 'protocol.stewards': 40 },
  /** Rush hour: situations arrive faster than the root can read its reports; no shocks. */
  rush: { 'environment.rate': 6, shocks: [] },
} as const;

/** Share of the organization's received messages that reached the formal root (its load). */
const rootLoadShare: Measure = (r) => {
  const load = r.sim.state.f64('load.total');
  const root = 0;
  let max = 0;
  for (let i = 0; i < r.sim.n; i++) if (load[i]! > max) max = load[i]!;
  return max > 0 ? load[root]! / max : null;
};

/**
 * Believer-ticks: the sum of `misinformed` over the run, i.e. how long people believed the
 * rumour, added up. The clearing tick alone hangs on the last believer and is too noisy to
 * compare over 20 seeds.
 */
const believerTicks = seriesSum('misinformed');

/**
 * Ticks after the market shift (tick 350) until the rolling share of arrivals that are
 * resolved (window: the scenario's recoveryWindow, 20) is back to 90 % of its value at
 * the shift; the ticks left in the run when it never is. A share, not a count: the shift
 * raises demand, so counts alone would hide a backlog.
 */
const shareRecovery: Measure = (r) => {
  const s = r.sim.series();
  const w = 20, at = 350;
  const share = (t: number) => {
    let a = 0, b = 0;
    for (let u = Math.max(0, t - w + 1); u <= t; u++) { a += seriesAt(s, 'arrived', u) ?? 0; b += seriesAt(s, 'resolved', u) ?? 0; }
    return a > 0 ? b / a : 1;
  };
  const base = share(at);
  let fell = false;
  for (let t = at + 1; t < s.length; t++) {
    const x = share(t);
    if (x < 0.9 * base) fell = true;
    else if (fell) return t - at;
  }
  return fell ? s.length - at : 0;
};

/** Resolutions in ticks 151–169, after the top is removed (tick 150) — before succession. */
const resolvedAfterLeaderLoss = seriesMean('resolved', 151, 170);

const { shipped, quiet, rumour, rush } = classroomVariations;

export const classroomClaims = claimsOf(SCENARIO, [
  {
    id: 'quality-low-load',
    title: 'at low load, client-server picks better resolvers (qualityMean)',
    compared: 'hierarchy − p2p, qualityMean, variation "quiet"',
    ...variants('p2p', 'hierarchy', quiet),
    measure: metric('qualityMean'),
    side: '>',
  },
  {
    id: 'latency-overload',
    brokenByModel2: 'under model 2 managers decide by exception, so reports stop below the root: the hierarchy is faster (b − a = −10.3 ticks)',
    title: 'when situations arrive faster than the root can read, client-server latency exceeds peer-to-peer latency',
    compared: 'hierarchy − p2p, latencyMean, variation "rush"',
    ...variants('p2p', 'hierarchy', rush),
    measure: metric('latencyMean'),
    side: '>',
  },
  {
    id: 'root-is-peak',
    brokenByModel2: 'management by exception takes the load off the root (b − a = −0.51)',
    title: 'under overload the root carries the organization\'s peak load (its share of the peak is higher in the hierarchy)',
    compared: 'hierarchy − p2p, messages received by the root / the most any person received, variation "rush"',
    ...variants('p2p', 'hierarchy', rush),
    measure: rootLoadShare,
    side: '>',
  },
  {
    id: 'hydra',
    brokenByModel2: 'managers decide by exception, so the head\'s loss barely stalls the hierarchy (0.03, CI ±0.07)',
    title: 'removing the top stalls client-server decisions until succession while peer-to-peer keeps resolving',
    compared: 'p2p − hierarchy, situations resolved per tick in ticks 151–169 (the top leaves at 150)',
    ...variants('hierarchy', 'p2p', shipped),
    measure: resolvedAfterLeaderLoss,
    side: '>',
  },
  {
    id: 'messages',
    title: 'peer-to-peer spends more messages per situation than client-server',
    compared: 'p2p − hierarchy, messagesPerSituation',
    ...variants('hierarchy', 'p2p', shipped),
    measure: metric('messagesPerSituation'),
    side: '>',
  },
  {
    id: 'duplicates',
    title: 'peer-to-peer makes duplicates; client-server does not',
    compared: 'p2p − hierarchy, duplicates',
    ...variants('hierarchy', 'p2p', shipped),
    measure: metric('duplicates'),
    side: '>',
  },
  {
    id: 'rumour-spreads',
    title: 'a false item spreads further among peers (misinformedPeak)',
    compared: 'p2p − hierarchy, misinformedPeak',
    ...variants('hierarchy', 'p2p', shipped),
    measure: metric('misinformedPeak'),
    side: '>',
  },
  {
    id: 'fact-checking',
    title: 'stewards\' fact-checking shortens the rumour (fewer believer-ticks)',
    compared: 'steward − p2p, believer-ticks (misinformed summed over the run), variation "rumour"',
    ...variants('p2p', 'steward', rumour),
    measure: believerTicks,
    side: '<',
  },
  {
    id: 'market-shift',
    brokenByModel2: 'no difference either way under model 2 (4.7, CI ±10.5)',
    title: 'after the market shift peer-to-peer recovers its resolved rate sooner',
    compared: 'p2p − hierarchy, ticks after the shift (350) until the share of arrivals resolved over 20 ticks is back to 90 % of its value at the shift',
    ...variants('hierarchy', 'p2p', shipped),
    measure: shareRecovery,
    side: '<',
  },
]);
