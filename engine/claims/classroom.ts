// The claims of the `classroom` scenario (issue: the organization), each a
// paired comparison over seeds on the shipped scenario or a documented
// variation of it, passing only when the 95 % CI of the paired difference
// excludes zero on the claimed side.
import classroom from '../../scenarios/classroom.json' with { type: 'json' };
import type { ValidationCase, ValidationResult } from '../validation/case.ts';
import { compare, metric, type Measure, type VariantResult } from './paired.ts';
import { seriesAt } from '../metrics.ts';

const SEEDS = 20;
const BASE_SEED = 1;

/** The variations of the shipped scenario that the claims use (documented in docs/ODD.md). */
export const classroomVariations = {
  /** As shipped. */
  shipped: {},
  /** Quiet times: few situations, no shocks (the directory's advantage shows). */
  quiet: { 'environment.rate': 0.2, shocks: [] },
  /** Rush hour: situations arrive faster than the root can read its reports; no shocks. */
  rush: { 'environment.rate': 6, shocks: [] },
} as const;

interface ClaimSpec {
  id: string;
  title: string;
  variation: keyof typeof classroomVariations;
  a: string;
  b: string;
  measure: Measure;
  /** '>' : b − a must be above 0; '<' : below 0. */
  side: '>' | '<';
  ticks?: number;
}

function claimCase(spec: ClaimSpec): ValidationCase {
  return {
    id: `classroom/${spec.id}`,
    title: spec.title,
    citation: `classroom scenario${spec.variation === 'shipped' ? '' : `, variation "${spec.variation}"`}: ${spec.b} − ${spec.a}, paired over ${SEEDS} seeds`,
    run(): ValidationResult {
      const variation: Record<string, unknown> = { ...classroomVariations[spec.variation] };
      if (spec.ticks) variation['ticks'] = spec.ticks;
      const d = compare('classroom', classroom, variation, SEEDS, BASE_SEED, spec.a, spec.b, spec.measure);
      const half = (d.hi - d.lo) / 2;
      const pass = spec.side === '>' ? d.lo > 0 : d.hi < 0;
      return {
        model: d.mean,
        theory: 0,
        tolerance: half,
        relation: spec.side,
        pass: d.n > 1 && pass,
        detail: `paired difference ${spec.b} − ${spec.a} = ${d.mean.toPrecision(3)}, 95 % CI [${d.lo.toPrecision(3)}, ${d.hi.toPrecision(3)}] over ${d.n} seeds`,
      };
    },
  };
}

/** Mean of a series over ticks [from, to). */
function seriesMean(name: string, from: number, to: number): Measure {
  return (r: VariantResult) => {
    let s = 0, k = 0;
    for (let t = from; t < to; t++) {
      const x = seriesAt(r.sim.series(), name, t);
      if (x !== null) { s += x; k++; }
    }
    return k ? s / k : null;
  };
}

/** Share of the organization's received messages that reached the formal root (its load). */
const rootLoadShare: Measure = (r) => {
  const load = r.sim.state.f64('load.total');
  const root = 0;
  let max = 0;
  for (let i = 0; i < r.sim.n; i++) if (load[i]! > max) max = load[i]!;
  return max > 0 ? load[root]! / max : null;
};

/** Ticks the rumour lasted: from its seeding to its clearing (or the end of the run). */
const rumourDuration: Measure = (r) => {
  const cleared = r.summary.metrics['misinformationClearedTick'];
  return (cleared ?? r.sim.tick) - 250;
};

/** Resolutions in the 20 ticks after the top is removed (tick 150) — before succession. */
const resolvedAfterLeaderLoss = seriesMean('resolved', 151, 170);

export const classroomClaims: ValidationCase[] = [
  claimCase({ id: 'quality-low-load', title: 'at low load, client-server picks better resolvers (qualityMean)', variation: 'quiet', a: 'p2p', b: 'hierarchy', measure: metric('qualityMean'), side: '>' }),
  claimCase({ id: 'latency-overload', title: 'when situations arrive faster than the root can read, client-server latency exceeds peer-to-peer latency', variation: 'rush', a: 'p2p', b: 'hierarchy', measure: metric('latencyMean'), side: '>' }),
  claimCase({ id: 'root-is-peak', title: 'under overload the root carries the organization\'s peak load (its share of the peak is higher in the hierarchy)', variation: 'rush', a: 'p2p', b: 'hierarchy', measure: rootLoadShare, side: '>' }),
  claimCase({ id: 'hydra', title: 'removing the top stalls client-server decisions until succession while peer-to-peer keeps resolving', variation: 'shipped', a: 'hierarchy', b: 'p2p', measure: resolvedAfterLeaderLoss, side: '>' }),
  claimCase({ id: 'messages', title: 'peer-to-peer spends more messages per situation than client-server', variation: 'shipped', a: 'hierarchy', b: 'p2p', measure: metric('messagesPerSituation'), side: '>' }),
  claimCase({ id: 'duplicates', title: 'peer-to-peer makes duplicates; client-server does not', variation: 'shipped', a: 'hierarchy', b: 'p2p', measure: metric('duplicates'), side: '>' }),
  claimCase({ id: 'rumour-spreads', title: 'a false item spreads further among peers (misinformedPeak)', variation: 'shipped', a: 'hierarchy', b: 'p2p', measure: metric('misinformedPeak'), side: '>' }),
  claimCase({ id: 'fact-checking', title: 'stewards\' fact-checking shortens the rumour', variation: 'shipped', a: 'p2p', b: 'steward', measure: rumourDuration, side: '<' }),
  claimCase({ id: 'market-shift', title: 'after the market shift peer-to-peer recovers its resolved rate sooner', variation: 'shipped', a: 'hierarchy', b: 'p2p', measure: (r) => r.summary.shocks.find((s) => s.kind === 'environment-shift')?.recoveryTicks ?? r.sim.tick - 350, side: '<' }),
];
